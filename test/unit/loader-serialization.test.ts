// Ignition's serialized data.bin: the binary and XML forms read into one tree, and bad bytes named, never thrown.
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import fc from 'fast-check';
import { callsOf, decodeSerialized, type SerialElement } from '../../shared/loaders/ignition-serialization';
import { encodeSerialized } from '../support/ignition-serialization';
import { SERIALIZED_FIXTURES, serializedFixtureBytes } from '../support/write-serialized-fixtures';

function tree(bytes: Uint8Array): SerialElement {
  const decoded = decodeSerialized(bytes);
  if ('error' in decoded) throw new Error(decoded.error);
  return decoded.root;
}

const name = fc.stringMatching(/^[a-z][a-zA-Z0-9.]{0,12}$/);
const text = fc.string({ maxLength: 40 });
/** Trees shaped as Ignition writes them: objects, calls with signatures, string and long leaves. */
const element: fc.Memo<SerialElement> = fc.memo((depth): fc.Arbitrary<SerialElement> =>
  depth <= 1
    ? fc.oneof(
      text.map((t): SerialElement => ({ name: 'str', attrs: {}, text: t, children: [] })),
      fc.bigInt({ min: -(2n ** 62n), max: 2n ** 62n }).map((n): SerialElement => ({ name: 'lng', attrs: {}, text: String(n), children: [] })),
    )
    : fc.oneof(
      fc.record({ name: fc.constant('o'), attrs: fc.record({ cls: name }), children: fc.array(element(depth - 1), { maxLength: 3 }) }) as fc.Arbitrary<SerialElement>,
      fc.record({
        name: fc.constant('o-c'),
        attrs: fc.record({ m: name, s: fc.array(name, { minLength: 1, maxLength: 3 }).map((a) => `${a.length};${a.join(';')}`) }),
        children: fc.array(element(depth - 1), { maxLength: 3 }),
      }) as fc.Arbitrary<SerialElement>,
    ));

describe('reading Ignition object serialization', () => {
  it('reads the binary form back into the tree it was written from, for any tree', () => {
    fc.assert(fc.property(element(4), (root) => {
      // fast-check builds records without a prototype; compare as plain data.
      assert.deepEqual(tree(encodeSerialized(root)), JSON.parse(JSON.stringify(root)));
    }), { numRuns: 200 });
  });

  it('keeps the committed binary fixtures the same tree as their XML sources', () => {
    for (const { source, target, form } of SERIALIZED_FIXTURES) {
      assert.deepEqual(tree(readFileSync(target)), tree(serializedFixtureBytes(source, 'xml')), `${target} is stale: run test/support/write-serialized-fixtures.ts`);
      if (form === 'binary') assert.equal(readFileSync(target)[0], 0x1f, `${target} is gzipped`);
    }
  });

  it('reads a Gateway Events ScriptConfig: calls, map entries and their keys', () => {
    const root = tree(readFileSync('test/fixtures/project-81/ignition/event-scripts/data.bin'));
    const config = root.children[0];
    assert.equal(config.attrs.cls, 'com.inductiveautomation.ignition.common.script.ScriptConfig');
    const [[timers]] = callsOf(config, 'setTimerScripts');
    const [[key, script]] = callsOf(timers, 'put');
    assert.deepEqual(callsOf(key, 'setName'), [[{ name: 'str', attrs: {}, text: 'CountOpenOrders', children: [] }]]);
    assert.match(script.text!, /^count = plant\.orders\.openCount/);
  });

  it('names the byte it stopped at for damaged data, without throwing', () => {
    const good = encodeSerialized(tree(readFileSync('test/fixtures/project-81/ignition/event-scripts/data.bin')), { gzip: false });
    const truncated = decodeSerialized(gzipSync(good.subarray(0, good.length - 20)));
    assert.ok('error' in truncated && /cannot read byte \d+ of the decompressed data: the data ends early/.test(truncated.error), JSON.stringify(truncated));
    const garbled = Buffer.from(good);
    garbled[garbled.length - 30] = 0xc0;
    assert.ok('error' in decodeSerialized(garbled));
    const notGzip = decodeSerialized(Buffer.from([0x1f, 0x8b, 1, 2, 3]));
    assert.ok('error' in notGzip && /gzip data is damaged/.test(notGzip.error));
    const unknown = decodeSerialized(Buffer.from('just some text'));
    assert.ok('error' in unknown && /neither XML nor the binary form/.test(unknown.error));
    assert.ok('error' in decodeSerialized(Buffer.from('<objects><o cls="x"></objects>')));
  });
});
