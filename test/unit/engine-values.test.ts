// Values crossing to and from Python: tags stay tags, data shaped like a tag stays data, copies keep that apart.
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { cloneValue, isData, isDateValue, markData, wireReviver, wireText } from '../../shared/engine/values';
import type { Json } from '../../shared/engine/types';
import { brief, dateText } from '../../shared/runtime/format-text';
import { plainCopy } from '../../shared/runtime/tree';

const roundTrip = (value: Json): Json => JSON.parse(wireText(value), wireReviver) as Json;

/** JSON whose objects often have one key starting with `$`, the shape of a tag. */
const tagShapedJson: fc.Arbitrary<Json> = fc.letrec<{ value: Json }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    fc.oneof(fc.constant(null), fc.boolean(), fc.integer(), fc.string()),
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(fc.oneof(fc.constantFrom('$date', '$ref', '$dict', '$session'), fc.string()), tie('value'), { maxKeys: 3 }),
  ),
})).value;

describe('values on the wire between the runtime and Python', () => {
  it('sends a date as a tag, and a dict a script made in the shape of a date as that dict', () => {
    const date = { $date: 5 };
    const dict = markData({ $date: 5 });
    assert.equal(wireText([date, dict]), '[{"$date":5},{"$dict":[["$date",5]]}]');
    const [backDate, backDict] = roundTrip([date, dict]) as Json[];
    assert.ok(isDateValue(backDate));
    assert.ok(!isDateValue(backDict) && isData(backDict));
    assert.deepEqual(backDict, { $date: 5 });
  });

  it('brings back any data exactly as it was, every object still data (property)', () => {
    fc.assert(fc.property(tagShapedJson, (value) => {
      const text = JSON.stringify(value);
      const back = roundTrip(JSON.parse(text, (_key, v: unknown) => (typeof v === 'object' && v !== null ? markData(v) : v)) as Json);
      assert.deepEqual(back, JSON.parse(text));
      const stack: Json[] = [back];
      for (let v = stack.pop(); v !== undefined; v = stack.pop()) {
        if (Array.isArray(v)) stack.push(...v);
        else if (typeof v === 'object' && v !== null) {
          assert.ok(!isDateValue(v), `${JSON.stringify(v)} became a date`);
          stack.push(...Object.values(v));
        }
      }
    }), { seed: 10, numRuns: 300 });
  });

  it('copies keep data apart from tags: cloneValue and the tree copy of a written value', () => {
    const value = { plain: markData({ $date: 1 }), date: { $date: 2 }, list: [markData({ $ref: 3 })] };
    for (const copy of [cloneValue(value), plainCopy(value) as typeof value]) {
      assert.deepEqual(copy, value);
      assert.notEqual(copy.plain, value.plain);
      assert.ok(isData(copy.plain) && isData(copy.list[0]) && isDateValue(copy.date));
    }
  });

  it('copies a value nested 100 000 deep, and a __proto__ key as data, without touching prototypes', () => {
    let deep: Json = [];
    for (let i = 0; i < 100_000; i++) deep = [deep];
    let copy: Json = cloneValue(deep);
    let depth = 0;
    while (Array.isArray(copy) && copy.length === 1) {
      copy = copy[0];
      depth++;
    }
    assert.equal(depth, 100_000);
    const parsed = JSON.parse('{"__proto__": {"polluted": true}}') as Json;
    const cloned = cloneValue(parsed) as Record<string, Json>;
    assert.equal(Object.getPrototypeOf(cloned), Object.prototype);
    assert.deepEqual(Object.keys(cloned), ['__proto__']);
    assert.equal(({} as Record<string, unknown>).polluted, undefined);
  });
});

describe('values in the trace text', () => {
  it('shows a date beyond any calendar by its milliseconds, and data shaped like a date as an object', () => {
    assert.equal(dateText(Date.UTC(2026, 0, 5)), '@2026-01-05T00:00:00.000Z');
    assert.equal(dateText(1e20), '@100000000000000000000 ms');
    assert.equal(brief({ at: { $date: 1e20 } }), '{"at":"@100000000000000000000 ms"}');
    assert.equal(brief({ at: markData({ $date: 1e20 }) }), '{"at":{"$date":100000000000000000000}}');
  });

  it('cuts a 50 MB string, 300 000 keys and a list a million long to the line', () => {
    const wide: Record<string, number> = {};
    for (let i = 0; i < 300_000; i++) wide[`k${i}`] = i;
    assert.equal(brief('x'.repeat(50_000_000), 10), '"xxxxxxxx…');
    assert.equal(brief(wide, 24), '{"k0":0,"k1":1,"k2":2,"…');
    assert.equal(brief(Array.from({ length: 1_000_000 }, (_, i) => i), 12), '[0,1,2,3,4,…');
    assert.equal(brief({ a: [1, { b: 'c' }] }), '{"a":[1,{"b":"c"}]}');
  });
});
