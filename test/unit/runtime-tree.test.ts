import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { deleteAt, formatPath, getAt, LIMITS, parsePath, plainCopy, setAt, TreeError, type JsonObject } from '../../shared/runtime/tree';

describe('property trees', () => {
  it('reads and writes nested objects and arrays by path, returning the old value', () => {
    const custom: JsonObject = { preferences: { theme: 'light' }, state: { activeAlarms: [{ name: 'High' }] } };
    assert.equal(setAt(custom, ['preferences', 'theme'], 'dark'), 'light');
    assert.equal(getAt(custom, ['preferences', 'theme']), 'dark');
    assert.equal(setAt(custom, ['state', 'activeAlarms', 0, 'name'], 'Low'), 'High');
    assert.equal(getAt(custom, ['state', 'activeAlarms', 0, 'name']), 'Low');
    assert.equal(setAt(custom, ['newKey'], 1), undefined);
    assert.equal(deleteAt(custom, ['newKey']), 1);
    assert.equal(getAt(custom, ['newKey']), undefined);
  });

  it('refuses to conjure missing parents, as Perspective does', () => {
    const custom: JsonObject = {};
    assert.throws(() => setAt(custom, ['a', 'b'], 1), (e: unknown) => e instanceof TreeError && e.type === 'AttributeError');
  });

  it('rejects keys that would reach JavaScript object internals', () => {
    for (const key of ['__proto__', 'constructor', 'prototype']) {
      assert.throws(() => setAt({}, [key], 1), /cannot be used as a property name/);
      assert.throws(() => plainCopy(JSON.parse(`{"${key}": 1}`)), /cannot be used as a property name/);
    }
    assert.equal(({} as Record<string, unknown>).polluted, undefined);
  });

  it('refuses cyclic values and values beyond the size limits with a message saying what to do', () => {
    const cyclic: Record<string, unknown> = { a: 1 };
    cyclic.self = cyclic;
    assert.throws(() => plainCopy(cyclic), /cyclic value/);
    let deep: unknown = 1;
    for (let i = 0; i <= LIMITS.depth + 1; i++) deep = [deep];
    assert.throws(() => plainCopy(deep), /nested deeper/);
    assert.throws(() => plainCopy(new Array(LIMITS.nodes + 1).fill(0)), /too large/);
  });

  it('copies plain data as a JSON round trip would, so that the writer cannot alias what the tree holds', () => {
    const forbidden = (v: unknown): boolean => typeof v === 'object' && v !== null &&
      Object.entries(v).some(([k, x]) => ['__proto__', 'constructor', 'prototype'].includes(k) || forbidden(x));
    fc.assert(fc.property(fc.jsonValue(), (value) => {
      if (forbidden(value)) {
        assert.throws(() => plainCopy(value), /cannot be used as a property name/);
        return;
      }
      const copy = plainCopy(value);
      assert.deepEqual(copy, JSON.parse(JSON.stringify(value)));
      if (typeof value === 'object' && value !== null) assert.notEqual(copy, value);
    }), { numRuns: 500 });
  });

  it('parses expectation paths with dots and [indices]', () => {
    assert.deepEqual(parsePath('preferences.theme'), ['preferences', 'theme']);
    assert.deepEqual(parsePath('state.activeAlarms[0].name'), ['state', 'activeAlarms', 0, 'name']);
    assert.deepEqual(parsePath('state.activeAlarms.0'), ['state', 'activeAlarms', 0]);
    assert.throws(() => parsePath('a..b'), /not a property path/);
    // The Designer quotes keys that are not plain names, in propConfig and in paths.
    assert.deepEqual(parsePath("params['Schedule Meeting']"), ['params', 'Schedule Meeting']);
    assert.deepEqual(parsePath('custom["a.b"][1].c'), ['custom', 'a.b', 1, 'c']);
    assert.equal(formatPath(['params', 'Schedule Meeting', 0, "it's"]), `params['Schedule Meeting'][0]["it's"]`);
    for (const bad of ['', '.a', 'a.', 'a[b]', "a['b]", 'a[0]b']) assert.throws(() => parsePath(bad), /not a property path/, bad);
  });
});
