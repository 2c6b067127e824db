// Values read whole (a view's props and custom): the same tree, offsets, values and problems as read node by node.
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { WHOLE_VALUE_KEYS } from '../../shared/loaders/json-opaque';
import { jsonValue, parseJsonFile, property } from '../../shared/loaders/json-file';
import { assertParents, shape } from '../support/json-nodes';

const options = { whole: WHOLE_VALUE_KEYS };

/** Component-like JSON whose keys are often props or custom, with strings full of brackets, quotes and backslashes. */
const component: fc.Arbitrary<unknown> = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    fc.oneof(fc.constant(null), fc.boolean(), fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true }), fc.string(), fc.constantFrom('{"]', '\\', '\\"}', '"', 'a\\\\"b')),
    fc.array(tie('value'), { maxLength: 3 }),
    fc.dictionary(fc.oneof(fc.constantFrom(...WHOLE_VALUE_KEYS, 'children', 'meta', '__proto__', 'constructor'), fc.string()), tie('value'), { maxKeys: 4 }),
  ),
})).value;

describe('reading a view\'s props and custom whole', () => {
  it('gives the same nodes, values and problems as reading them node by node (property)', () => {
    fc.assert(fc.property(component, fc.constantFrom(0, 2), (value, indent) => {
      const text = JSON.stringify({ root: value }, null, indent);
      const node = parseJsonFile('view.json', text);
      const whole = parseJsonFile('view.json', text, options);
      assert.deepEqual(jsonValue(whole, whole.root), jsonValue(node, node.root));
      assert.deepEqual(whole.problems, node.problems);
      assert.deepEqual(shape(whole.root), shape(node.root));
      assertParents(whole.root!);
    }), { seed: 7, numRuns: 400 });
  });

  it('places an Embedded View\'s props.path where the file has it, building only the nodes asked for', () => {
    const text = '{"root": {"type": "ia.display.view", "props": {"params": {"a": [1, "}"]}, "path": "Widgets/Counter"}}}';
    const doc = parseJsonFile('view.json', text, options);
    const path = property(property(property(doc.root, 'root'), 'props'), 'path');
    assert.equal(path?.offset, text.indexOf('"Widgets/Counter"'));
    assert.equal(path?.value, 'Widgets/Counter');
  });

  it('reports a syntax error inside props at the same place as node by node', () => {
    for (const text of ['{"props": {"a": [1, 2}, "b": 3}', '{"props": {"a": "unterminated}}', '{"custom": {"a": 1,}}', '{"props": {"a": 1} "b": 2}']) {
      const whole = parseJsonFile('view.json', text, options);
      const node = parseJsonFile('view.json', text);
      assert.equal(whole.valid, false, text);
      assert.deepEqual(whole.problems, node.problems, text);
    }
  });

  it('hands out each value read whole to one caller only: the next one gets a copy built from the nodes', () => {
    const doc = parseJsonFile('view.json', '{"props": {"style": {"classes": "x"}}}', options);
    const node = property(doc.root, 'props');
    const first = jsonValue(doc, node) as { style: { classes: string } };
    first.style.classes = 'changed';
    assert.deepEqual(jsonValue(doc, node), { style: { classes: 'x' } });
  });
});
