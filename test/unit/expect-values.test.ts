// Comparing an expected value with the session's: what matches, and where two values first differ.
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { firstDifference, sameValue } from '../../shared/runtime/expect';
import type { Json } from '../../shared/engine/types';

describe('expected values', () => {
  it('match whatever the key order, and a date matches its epoch ms or its ISO text', () => {
    assert.ok(sameValue({ a: 1, b: [1, { c: 'x' }] }, { b: [1, { c: 'x' }], a: 1 }));
    const date = { $date: Date.parse('2026-11-27T12:00:00Z') };
    assert.ok(sameValue(date, date.$date));
    assert.ok(sameValue(date, '2026-11-27T12:00:00Z'));
    assert.ok(!sameValue(date, '2026-11-27T12:00:01Z'));
    assert.ok(!sameValue([1, 2], [1, 2, 3]));
    assert.ok(!sameValue({ a: 1 }, { a: 1, b: undefined as unknown as Json }));
  });

  it('name the first place two values differ, in document order', () => {
    assert.deepEqual(firstDifference({ rows: [{ qty: 1 }, { qty: 2 }, { qty: 3 }] }, { rows: [{ qty: 1 }, { qty: 5 }, { qty: 6 }] }), { path: '.rows[1].qty', actual: 2, expected: 5 });
    assert.deepEqual(firstDifference({ 'Schedule Meeting': 1 }, { 'Schedule Meeting': 2 }), { path: '["Schedule Meeting"]', actual: 1, expected: 2 });
    assert.deepEqual(firstDifference([1, 2], [1, 2, 3]), { path: '', actual: [1, 2], expected: [1, 2, 3] });
    assert.equal(firstDifference({ a: [1] }, { a: [1] }), undefined);
  });

  it('differ exactly when their JSON differs beyond key order, at a place where the two are not the same', () => {
    /** JSON text with every object's keys sorted. */
    const canonical = (value: unknown): string => JSON.stringify(value, (_key, v: unknown) => (v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([x], [y]) => (x < y ? -1 : 1))) : v));
    const value = fc.jsonValue({ maxDepth: 3 });
    fc.assert(fc.property(value, fc.oneof(value, value.map((v) => JSON.parse(JSON.stringify(v)) as unknown)), (a, b) => {
      const difference = firstDifference(a as Json, b as Json);
      assert.equal(difference === undefined, canonical(a) === canonical(b));
      if (difference) assert.ok(!sameValue(difference.actual, difference.expected));
    }));
    // The same value compared with itself, keys in another order, has no difference.
    fc.assert(fc.property(value, (a) => {
      const reordered = JSON.parse(canonical(a)) as Json;
      assert.equal(firstDifference(a as Json, reordered), undefined);
    }));
  });
});
