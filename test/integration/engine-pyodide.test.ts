// What only the Pyodide engine does: its own wording of Python-3-only forms, a worker that dies or ignores the
// interrupt, and starting from any program's folder.
import assert from 'node:assert/strict';
import { createPyodideEngine } from '../../shared/engine/pyodide';
import { expectError, markdownLine, markdownScript, py2Script, useEngine } from '../support/engine-scripts';

describe('Pyodide engine', function () {
  this.timeout(120_000);
  const harness = useEngine(createPyodideEngine);

  before(async () => {
    await harness.engine.load({ script: py2Script, namespace: 'py2' });
  });

  it('names a Python-3-only construct whose refusal Jython words its own way in the SyntaxError of a strict load', async () => {
    const script = markdownScript('py3', ['name = "x"', 'def greet(n: int):', '    return n', ''].join('\n'));
    const strict = expectError(await harness.engine.load({ script, namespace: 'py3-strict', strict: true }));
    assert.deepEqual([strict.type, strict.cause, strict.line, strict.column], ['SyntaxError', 'syntax', markdownLine(2), 11]);
    assert.match(strict.message, /^parameter annotation; remove the type: Jython 2\.7 rejects the whole script/);
  });

  it('survives a script that ends the interpreter: a crash outcome, then a new worker with every namespace', async () => {
    const script = markdownScript('exit', ['import os', 'def leave():', '    os._exit(3)', ''].join('\n'));
    await harness.engine.load({ script, namespace: 'exit' });
    const error = expectError(await harness.engine.invoke({ target: { namespace: 'exit', name: 'leave' }, args: [] }));
    assert.deepEqual([error.cause, error.file, error.line], ['crash', 'docs/exit.md', markdownLine(2)]);
    const next = await harness.engine.invoke({ target: { namespace: 'py2', name: 'handle' }, args: [{ theme: 'dark' }] });
    assert.equal(next.ok && next.value, 'caught ValueError');
  });

  it('replays every load into the new worker, flagging its host calls, when the interrupt is ignored', async () => {
    const script = markdownScript('deaf', [
      'import periscope_host, signal',
      'periscope_host.call("loaded", "deaf")',
      'def spin():',
      '    signal.signal(signal.SIGINT, lambda *ignored: None)',
      '    while True:',
      '        pass',
      '',
    ].join('\n'));
    await harness.engine.load({ script, namespace: 'deaf' });
    harness.calls.length = 0;
    const error = expectError(await harness.engine.invoke({ target: { namespace: 'deaf', name: 'spin' }, args: [] }));
    assert.deepEqual([error.cause, error.file, error.line], ['timeout', 'docs/deaf.md', markdownLine(3)], 'placed at the def of the stopped function');
    const next = await harness.engine.invoke({ target: { namespace: 'py2', name: 'handle' }, args: [{ theme: 'dark' }] });
    assert.equal(next.ok && next.value, 'caught ValueError');
    const replayed = harness.calls.filter((c) => c.name === 'loaded');
    assert.deepEqual(replayed.map((c) => [c.args[0], c.replaying]).at(-1), ['deaf', true]);
    assert.ok(replayed.every((c) => c.replaying));
  });
});

describe('Pyodide engine started from another program', function () {
  this.timeout(120_000);

  it('finds its worker through the package\'s own tsx, whatever folder the program runs in', async () => {
    const { execFile } = await import('node:child_process');
    const { tmpdir } = await import('node:os');
    const { fileURLToPath } = await import('node:url');
    const { createRequire } = await import('node:module');
    const tsx = createRequire(import.meta.url).resolve('tsx/esm');
    const engineModule = fileURLToPath(new URL('../../shared/engine/pyodide.ts', import.meta.url));
    const program = [
      `const { createPyodideEngine } = await import(${JSON.stringify(engineModule)});`,
      'const engine = await createPyodideEngine({ hostCall: () => null });',
      'console.log(engine ? "engine ready" : "no engine");',
      'await engine.dispose();',
    ].join('\n');
    const out = await new Promise<string>((resolve, reject) => {
      execFile(process.execPath, ['--import', tsx, '--input-type=module', '-e', program], { cwd: tmpdir() }, (error, stdout, stderr) =>
        error ? reject(new Error(`${error.message}\n${stderr}`)) : resolve(stdout));
    });
    assert.equal(out.trim(), 'engine ready');
  });
});
