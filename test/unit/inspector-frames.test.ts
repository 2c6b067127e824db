// Reading inspector frames on receipt: whatever arrives gets a verdict (a request, or an error to reply with),
// never an exception, and nothing with a forbidden key or beyond the limits gets through.
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import type { Json } from '../../shared/engine/types';
import { InspectorClient } from '../../shared/inspector/client';
import { checkData, parseRequest, parseServerFrame } from '../../shared/inspector/frames';
import { LIMITS, PROTOCOL_VERSION, type PushedFrame } from '../../shared/inspector/protocol';
import { inProcessPair } from '../../shared/inspector/transport';
import { parseScenario, stepToJson, type UnnumberedStep } from '../../shared/runtime/scenario';

const FORBIDDEN = ['__proto__', 'constructor', 'prototype'];

/** JSON text of `value` with `key` planted at a random depth inside it. */
function withKeyInside(value: unknown, key: string, depth: number): string {
  let planted: unknown = { [key]: value };
  for (let i = 0; i < depth; i++) planted = i % 2 === 0 ? { nested: planted } : [planted];
  // A computed key keeps "__proto__" an own property, as JSON.parse makes it on the other side.
  return JSON.stringify({ v: PROTOCOL_VERSION, id: 7, type: 'write', params: { session: 's1', path: 'custom.x', value: planted } });
}

describe('inspector frames', () => {
  it('give every string a verdict without throwing', () => {
    fc.assert(fc.property(fc.oneof(fc.string(), fc.json(), fc.jsonValue().map((v) => JSON.stringify(v))), (text) => {
      const result = parseRequest(text);
      assert.equal(typeof result.ok, 'boolean');
      if (!result.ok) assert.ok(result.error.message.length > 0);
    }));
  });

  it('read a well-formed write with any plain value back exactly', () => {
    const plain = fc.jsonValue().filter((v) => checkData(v) === undefined);
    fc.assert(fc.property(fc.integer({ min: 0 }), plain, (id, value) => {
      const result = parseRequest(JSON.stringify({ v: PROTOCOL_VERSION, id, type: 'write', params: { session: 's1', path: 'custom.x', value } }));
      assert.ok(result.ok, JSON.stringify(result));
      assert.deepEqual(result.value, { v: PROTOCOL_VERSION, id, type: 'write', params: { session: 's1', path: 'custom.x', value: JSON.parse(JSON.stringify(value)) } });
    }));
  });

  it('refuse a forbidden key at any depth, replying to the request id', () => {
    fc.assert(fc.property(fc.constantFrom(...FORBIDDEN), fc.jsonValue(), fc.integer({ min: 0, max: 20 }), (key, value, depth) => {
      const result = parseRequest(withKeyInside(value, key, depth));
      assert.equal(result.ok, false);
      if (!result.ok) {
        assert.equal(result.error.code, 'bad-frame');
        assert.equal(result.id, 7);
        assert.match(result.error.message, new RegExp(`"${key}"`));
      }
    }));
    assert.equal(({} as Record<string, unknown>).nested, undefined, 'nothing reached Object.prototype');
  });

  it('refuse data nested deeper than the limit and frames larger than it', () => {
    let deep: unknown = 1;
    for (let i = 0; i < LIMITS.depth + 1; i++) deep = [deep];
    const tooDeep = parseRequest(JSON.stringify({ v: PROTOCOL_VERSION, id: 1, type: 'write', params: { session: 's1', path: 'custom.x', value: deep } }));
    assert.ok(!tooDeep.ok && tooDeep.error.code === 'bad-frame' && /deeper than 64/.test(tooDeep.error.message));
    const huge = JSON.stringify({ v: PROTOCOL_VERSION, id: 2, type: 'write', params: { session: 's1', path: 'custom.x', value: 'é'.repeat(LIMITS.frameBytes / 2 + 1) } });
    const tooLarge = parseRequest(huge);
    assert.ok(!tooLarge.ok && tooLarge.error.code === 'bad-frame' && /larger than/.test(tooLarge.error.message));
  });

  it('name the unknown request, the missing, unknown or ill-typed param', () => {
    const verdict = (frame: object) => {
      const result = parseRequest(JSON.stringify({ v: PROTOCOL_VERSION, id: 'a', ...frame }));
      return result.ok ? 'ok' : `${result.error.code}: ${result.error.message}`;
    };
    assert.equal(verdict({ type: 'explode', params: {} }), 'unknown-request: unknown request type "explode"; send "hello" for the list');
    assert.equal(verdict({ type: 'advance', params: {} }), 'bad-params: advance: "ms" is missing');
    assert.equal(verdict({ type: 'advance', params: { ms: -1 } }), 'bad-params: advance: "ms" must be a whole number from 0 to 31622400000');
    assert.equal(verdict({ type: 'logout', params: { session: 's1', force: true } }), 'bad-params: logout: unknown param "force"; logout takes session, page');
    assert.equal(verdict({ type: 'send', params: { session: 's1', message: 'm', handler: 'gateway' } }), 'bad-params: send: "handler" must be "session" or "component"');
    assert.equal(verdict({ type: 'hello', params: {}, extra: 1 }), 'bad-frame: a request has v, id, type and params, not "extra"');
    assert.equal(verdict({ type: 'hello' }), 'ok');
  });

  it('from a server are routed only when they look like protocol frames', () => {
    fc.assert(fc.property(fc.oneof(fc.string(), fc.jsonValue().map((v) => JSON.stringify(v))), (text) => {
      const result = parseServerFrame(text);
      if (result.ok) assert.ok('event' in result.value || 'ok' in result.value);
    }));
    assert.ok(parseServerFrame(JSON.stringify({ v: PROTOCOL_VERSION, id: 3, ok: true, result: {} })).ok);
    assert.ok(!parseServerFrame(JSON.stringify({ v: PROTOCOL_VERSION, event: 'patch', data: JSON.parse('{"__proto__": 1}') })).ok);
  });

  it('from a server in a batch are routed only when each one inside is a trace or patch frame', () => {
    const batch = (frames: unknown) => JSON.stringify({ v: PROTOCOL_VERSION, event: 'batch', subscription: 1, data: { frames } });
    assert.ok(parseServerFrame(batch([{ event: 'trace', data: { seq: 1 } }, { event: 'patch', data: { seq: 1 } }])).ok);
    assert.ok(!parseServerFrame(batch([{ event: 'closing', data: { reason: 'x' } }])).ok);
    assert.ok(!parseServerFrame(batch([{ event: 'trace' }])).ok);
    assert.ok(!parseServerFrame(batch({ event: 'trace', data: {} })).ok);
    assert.ok(parseServerFrame(JSON.stringify({ v: PROTOCOL_VERSION, event: 'dropped', subscription: 1, data: { events: 3, patches: 0, reason: 'slow' } })).ok);
  });

  it('in a batch reach an inspector one at a time, in order, as frames of their subscription', async () => {
    const [near, far] = inProcessPair();
    const client = new InspectorClient(near);
    const seen: PushedFrame[] = [];
    const all = new Promise<void>((done) => client.onEvent((frame) => seen.push(frame) === 3 && done()));
    far.send(JSON.stringify({ v: PROTOCOL_VERSION, event: 'batch', subscription: 4, data: { frames: [{ event: 'trace', data: { seq: 1 } }, { event: 'patch', data: { seq: 1 } }] } }));
    far.send(JSON.stringify({ v: PROTOCOL_VERSION, event: 'trace', subscription: 4, data: { seq: 2 } }));
    await all;
    assert.deepEqual(seen, [
      { v: PROTOCOL_VERSION, subscription: 4, event: 'trace', data: { seq: 1 } },
      { v: PROTOCOL_VERSION, subscription: 4, event: 'patch', data: { seq: 1 } },
      { v: PROTOCOL_VERSION, subscription: 4, event: 'trace', data: { seq: 2 } },
    ]);
  });
});

describe('scenario steps written from a live recording', () => {
  const name = fc.stringMatching(/^[a-z][a-z0-9]{0,8}$/);
  const value = fc.jsonValue().filter((v) => checkData(v) === undefined) as fc.Arbitrary<Json>;
  const plain = fc.dictionary(name, value, { maxKeys: 3 });
  const step: fc.Arbitrary<UnnumberedStep> = fc.oneof(
    fc.record({ kind: fc.constant('open' as const), session: name, path: name.map((n) => `/${n}`), device: fc.constantFrom('desktop' as const, 'mobile' as const) }),
    fc.record({ kind: fc.constant('navigate' as const), session: name, page: name, path: name.map((n) => `/${n}`) }),
    fc.record({ kind: fc.constant('login' as const), session: name, user: name }),
    fc.record({ kind: fc.constant('message' as const), session: name, name, payload: plain }),
    fc.record({ kind: fc.constant('send' as const), session: name, page: name, type: name, payload: plain, scope: fc.constantFrom('session' as const, 'page' as const, 'view' as const) }),
    fc.record({ kind: fc.constant('advance' as const), session: name, ms: fc.integer({ min: 0, max: 10_000_000 }) }),
    fc.record({ kind: fc.constant('key' as const), session: name, key: name, modifiers: fc.record({ ctrlKey: fc.boolean() }) }),
    fc.record({ kind: fc.constant('write' as const), session: name, values: fc.dictionary(name.map((n) => `custom.${n}`), value, { minKeys: 1, maxKeys: 3 }) }),
    fc.record({ kind: fc.constantFrom('logout' as const, 'close' as const, 'close_page' as const), session: name }),
  );

  it('read back as the same steps', () => {
    fc.assert(fc.property(fc.array(step, { maxLength: 6 }), (steps) => {
      const text = JSON.stringify({ steps: steps.map(stepToJson) });
      const read = parseScenario('recorded.json', text).steps.map(({ index: _index, ...rest }) => rest);
      assert.deepEqual(read, JSON.parse(JSON.stringify(steps)));
    }));
  });
});
