// `periscope serve` options: loopback by default, remote only when asked twice, ports checked.
import { strict as assert } from 'node:assert';
import { UsageError } from '../../shared/cli/command';
import { parseServeArgs } from '../../shared/cli/serve';
import { hostAllowed, originAllowed } from '../../shared/dev-gateway/security';

describe('periscope serve options', () => {
  it('listen on 127.0.0.1 with the inspector on and the engine chosen as simulate chooses it, unless told otherwise', () => {
    assert.deepEqual(parseServeArgs(['examples/seed']), { source: 'examples/seed', port: 8090, host: '127.0.0.1', allowRemote: false, inspector: true, clock: 'virtual', strict: false, quiet: false, history: 50_000, engine: { engine: 'auto' } });
    assert.deepEqual(parseServeArgs(['x.md', '--engine', 'pyodide']).engine, { engine: 'pyodide' });
    assert.throws(() => parseServeArgs(['x.md', '--engine', 'cpython']), /--engine is auto, pyodide, jython/);
    assert.equal(parseServeArgs(['x.md', '--port', '0']).port, 0);
    assert.equal(parseServeArgs(['x.md', '--no-inspector']).inspector, false);
    assert.equal(parseServeArgs(['x.md', '--clock', 'real']).clock, 'real');
    assert.throws(() => parseServeArgs(['x.md', '--clock', 'fast']), /--clock is virtual or real/);
  });

  it('keep a bounded history unless told to keep all of it', () => {
    assert.equal(parseServeArgs(['x.md', '--history', '200']).history, 200);
    assert.equal(parseServeArgs(['x.md', '--history', 'all']).history, Infinity);
    for (const bad of ['0', '-5', '1.5', 'lots']) assert.throws(() => parseServeArgs(['x.md', '--history', bad]), /--history takes a number of trace events \(1 or more\) or all/);
  });

  it('refuse another interface without --allow-remote, and bad ports', () => {
    assert.throws(() => parseServeArgs(['x.md', '--host', '0.0.0.0']), (e: Error) => e instanceof UsageError && /add --allow-remote/.test(e.message));
    assert.equal(parseServeArgs(['x.md', '--host', '0.0.0.0', '--allow-remote']).host, '0.0.0.0');
    assert.throws(() => parseServeArgs(['x.md', '--port', '70000']), /--port takes a port number/);
    assert.throws(() => parseServeArgs([]), /name the session scripts to serve/);
  });
});

describe('who may talk to the dev gateway', () => {
  it('lets the gateway\'s own pages and the devtools extension in, and no other origin', () => {
    assert.ok(originAllowed('http://127.0.0.1:8090', '127.0.0.1:8090'));
    assert.ok(originAllowed('chrome-extension://abcdefghijklmnopabcdefghijklmnop', '127.0.0.1:8090'));
    assert.ok(originAllowed('moz-extension://0b7b2a1c-3d1e-4a53-9c53-6b7f0a7d9a11', '127.0.0.1:8090'));
    assert.ok(originAllowed(undefined, '127.0.0.1:8090'), 'a program on this machine sends no Origin');
    assert.ok(!originAllowed('http://127.0.0.1:9999', '127.0.0.1:8090'), 'another port is another origin');
    assert.ok(!originAllowed('http://localhost:8090', '127.0.0.1:8090'));
    assert.ok(!originAllowed('null', '127.0.0.1:8090'));
    assert.ok(!originAllowed('chrome-extension://x/../evil', '127.0.0.1:8090'));
  });

  it('answers only to its own names, so a rebound name gets nothing', () => {
    assert.ok(hostAllowed('127.0.0.1:8090', '127.0.0.1', 8090));
    assert.ok(hostAllowed('localhost:8090', '127.0.0.1', 8090));
    assert.ok(!hostAllowed('evil.example:8090', '127.0.0.1', 8090));
    assert.ok(!hostAllowed('127.0.0.1:8091', '127.0.0.1', 8090));
    assert.ok(!hostAllowed(undefined, '127.0.0.1', 8090));
    assert.ok(hostAllowed('plant-pc:8090', '0.0.0.0', 8090), 'bound to every interface (remote use) it answers to any name');
  });
});
