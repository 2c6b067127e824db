// The project reader's JSON parser: the same tree as jsonc-parser for any JSON, any depth without a stack overflow.
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { parseTree } from 'jsonc-parser';
import { parseJsonTree } from '../../shared/loaders/json-tree';
import { jsonValue, parseJsonFile } from '../../shared/loaders/json-file';
import { assertParents, shape } from '../support/json-nodes';

describe('reading JSON with offsets', () => {
  it('gives the tree jsonc-parser gives for any JSON text, whatever the white space', () => {
    const space = fc.stringMatching(/^[ \t\r\n]{0,3}$/);
    // White space between every two tokens, as editors and the Designer spread it.
    const spaced = (value: unknown, gap: string): string => {
      if (Array.isArray(value)) return `[${gap}${value.map((v) => spaced(v, gap)).join(`${gap},${gap}`)}${gap}]`;
      if (value !== null && typeof value === 'object') {
        return `{${gap}${Object.entries(value).map(([k, v]) => `${JSON.stringify(k)}${gap}:${gap}${spaced(v, gap)}`).join(`${gap},${gap}`)}${gap}}`;
      }
      return JSON.stringify(value);
    };
    fc.assert(fc.property(fc.jsonValue({ maxDepth: 6 }), space, (value, gap) => {
      const text = `${gap}${spaced(value, gap)}${gap}`;
      const ours = parseJsonTree(text);
      assert.equal(ours.error, undefined);
      assert.deepEqual(shape(ours.root), shape(parseTree(text)));
      assertParents(ours.root!);
    }));
  });

  it('reads a value nested 100,000 levels deep and turns it into a plain value', () => {
    const depth = 100_000;
    const text = `{"props": ${'['.repeat(depth)}1${']'.repeat(depth)}}`;
    const doc = parseJsonFile('view.json', text);
    assert.deepEqual(doc.problems, []);
    let value = (jsonValue(doc, doc.root) as { props: unknown }).props;
    let levels = 0;
    while (Array.isArray(value)) {
      value = value[0];
      levels++;
    }
    assert.equal(levels, depth);
    assert.equal(value, 1);
  });

  it('names the first syntax error at its offset, keeping what was read before it', () => {
    const cases: Array<[string, string, number]> = [
      ['{"a": 1 "b": 2}', 'CommaExpected', 8],
      ['{"a": 1,}', 'PropertyNameExpected', 8],
      ['[1, 2,]', 'ValueExpected', 6],
      ['{"a" 1}', 'ColonExpected', 5],
      ['{"a": [1, 2', 'CloseBracketExpected', 11],
      ['{"a": 1', 'CloseBraceExpected', 7],
      ['{"a": 1} x', 'InvalidSymbol', 9],
      ['{"a": 1} 2', 'EndOfFileExpected', 9],
      ['{a: 1}', 'InvalidSymbol', 1],
      ['// note\n{}', 'InvalidCommentToken', 0],
      ['"tab\there"', 'InvalidCharacter', 0],
      ['', 'ValueExpected', 0],
    ];
    for (const [text, code, offset] of cases) assert.deepEqual(parseJsonTree(text).error, { code, offset }, text);
    const partial = parseJsonTree('{"project": {"name": "A"}, "users": [,]}');
    assert.equal(partial.root?.children?.[0].children?.[1].children?.[0].children?.[1].value, 'A');
  });

  it('never throws on any text, and reads valid JSON as JSON.parse does', () => {
    fc.assert(fc.property(fc.oneof(fc.string(), fc.json().map((j) => j.slice(0, Math.max(0, j.length - 1)))), (text) => {
      const doc = parseJsonFile('x.json', text);
      let parsed: unknown;
      try {
        parsed = JSON.parse(text);
      } catch {
        assert.equal(doc.valid, false, text);
        return;
      }
      assert.equal(doc.valid, true, text);
      assert.deepEqual(jsonValue(doc, doc.root), parsed);
    }));
  });
});
