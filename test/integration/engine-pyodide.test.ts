// The Pyodide engine running Jython 2.7 scripts: results, host calls, errors at the user's positions, runaway scripts.
import assert from 'node:assert/strict';
import { createPyodideEngine } from '../../shared/engine/pyodide';
import { HostError, type Engine, type HostCallContext, type Value } from '../../shared/engine/types';
import { expectError, markdownLine, markdownScript } from '../support/engine-scripts';
import { swallowsInterrupt } from '../support/runaway';

describe('Pyodide engine', function () {
  this.timeout(120_000);
  let engine: Engine;
  const calls: Array<{ name: string; args: Value[]; replaying: boolean }> = [];
  const output: string[] = [];

  before(async () => {
    engine = await createPyodideEngine({
      scriptTimeoutMs: 2_000,
      hostCall(name: string, args: Value[], context?: HostCallContext): Value {
        calls.push({ name, args, replaying: context?.replaying ?? false });
        if (name === 'session.missing') throw new HostError('AttributeError', "'ObjectWrapper' object has no attribute 'x'");
        if (name === 'tag.fail') throw new HostError('java.lang.NullPointerException', 'tag provider is null');
        if (name === 'date.nowMillis') return 1_795_643_028_000;
        return args[0] ?? null;
      },
      onOutput: (text) => output.push(text),
      modules: {
        perspective: 'import periscope_host\n\ndef here():\n    return periscope_host.location()\n',
      },
    });
  });

  after(async () => {
    await engine?.dispose();
  });

  beforeEach(() => {
    calls.length = 0;
    output.length = 0;
  });

  it('runs a Python 2 script: print statement, except E, e, integer division and has_key', async () => {
    const script = markdownScript('py2', [
      'import periscope_host',
      'def handle(payload):',
      '    print "theme is", payload["theme"]',
      '    periscope_host.call("record", 7 / 2, 7.0 / 2, -7 / 2)',
      '    periscope_host.call("record", payload.has_key("theme"), sorted(payload.keys())[0])',
      '    try:',
      '        int("x")',
      '    except ValueError, e:',
      '        return "caught %s" % e.__class__.__name__',
      '',
    ].join('\n'));
    assert.equal((await engine.load({ script, namespace: 'py2' })).ok, true);
    const outcome = await engine.invoke({ target: { namespace: 'py2', name: 'handle' }, args: [{ theme: 'dark' }] });
    assert.deepEqual(outcome.ok && outcome.value, 'caught ValueError');
    assert.deepEqual(calls.map((c) => c.args), [[3, 3.5, -4], [true, 'theme']]);
    assert.deepEqual(output, ['theme is dark\n']);
  });

  it('offers Python 2 builtins: unicode, long, xrange, reduce, list-returning map and range, sys.maxint', async () => {
    const script = markdownScript('builtins', [
      'import sys, string, itertools, StringIO',
      'def check():',
      '    return [isinstance(u"x", basestring), unicode(5), long(3), reduce(lambda a, b: a + b, xrange(4)),',
      '            map(str, range(2)), filter(None, (0, 1, 2)), cmp(1, 2), sys.maxint, string.join(["a", "b"], "-"),',
      '            round(2.5), 0777, `1`, StringIO.StringIO("s").read(), list(itertools.izip("a", "b")),',
      '            sorted([1, 3, 2], cmp=lambda a, b: b - a), filter(lambda c: c != "a", "banana"), 10L / 4]',
      '',
    ].join('\n'));
    await engine.load({ script, namespace: 'builtins' });
    const outcome = await engine.invoke({ target: { namespace: 'builtins', name: 'check' }, args: [] });
    assert.deepEqual(outcome.ok && outcome.value, [true, '5', 3, 6, ['0', '1'], [1, 2], -1, 2147483647, 'a-b', 3.0, 511, '1', 's', [['a', 'b']], [3, 2, 1], 'bnn', 2]);
  });

  it('maps a traceback to the original file, line and column, hiding the engine and runtime frames', async () => {
    const script = markdownScript('trace', [
      'def outer(session):',
      '    return inner(session) / 2',
      'def inner(session):',
      '    return session["props"]["missing"]',
      '',
    ].join('\n'));
    await engine.load({ script, namespace: 'trace' });
    const error = expectError(await engine.invoke({ target: { namespace: 'trace', name: 'outer' }, args: [{ props: {} }] }));
    assert.equal(error.type, 'KeyError');
    assert.equal(error.cause, 'exception');
    assert.equal(error.file, 'docs/trace.md');
    assert.deepEqual(
      error.traceback.map((f) => [f.function, f.line, f.column, f.text]),
      [
        ['outer', markdownLine(2), 12, 'return inner(session) / 2'],
        ['inner', markdownLine(4), 12, 'return session["props"]["missing"]'],
      ],
    );
    assert.equal(error.line, markdownLine(4));
  });

  it('leaves frames of internal loads (the runtime\'s own prelude) out of tracebacks and locations', async () => {
    const plumbing = markdownScript('plumbing', ['def checked(value):', '    return 10 / value', ''].join('\n'));
    await engine.load({ script: plumbing, namespace: 'hidden', internal: true });
    const user = markdownScript('user', ['def divide(n):', '    return checked(n)', ''].join('\n'));
    await engine.load({ script: user, namespace: 'hidden' });
    const error = expectError(await engine.invoke({ target: { namespace: 'hidden', name: 'divide' }, args: [0] }));
    assert.equal(error.type, 'ZeroDivisionError');
    assert.deepEqual(error.traceback.map((f) => [f.file, f.function, f.line]), [['docs/user.md', 'divide', markdownLine(2)]]);
    assert.equal(error.line, markdownLine(2), 'the error is placed at the last user frame');
  });

  it('raises a HostError as that Python exception type in the script', async () => {
    const script = markdownScript('host', [
      'import periscope_host, java.lang',
      'def read():',
      '    try:',
      '        periscope_host.call("session.missing")',
      '    except AttributeError, e:',
      '        caught = e.message',
      '    try:',
      '        periscope_host.call("tag.fail")',
      '    except Exception:',
      '        return "a Java exception is not a Python Exception"',
      '    except java.lang.Throwable, t:',
      '        return [caught, t.getMessage(), t.message]',
      'def uncaught():',
      '    periscope_host.call("tag.fail")',
      '',
    ].join('\n'));
    await engine.load({ script, namespace: 'host' });
    const outcome = await engine.invoke({ target: { namespace: 'host', name: 'read' }, args: [] });
    assert.deepEqual(outcome.ok && outcome.value, ["'ObjectWrapper' object has no attribute 'x'", 'tag provider is null', 'tag provider is null']);
    const error = expectError(await engine.invoke({ target: { namespace: 'host', name: 'uncaught' }, args: [] }));
    assert.deepEqual([error.type, error.message, error.line], ['java.lang.NullPointerException', 'tag provider is null', markdownLine(14)]);
  });

  it('tells a runtime module where in the user file it was called from', async () => {
    const script = markdownScript('where', ['import perspective', 'def f():', '    return   perspective.here()', ''].join('\n'));
    await engine.load({ script, namespace: 'where' });
    const outcome = await engine.invoke({ target: { namespace: 'where', name: 'f' }, args: [] });
    assert.deepEqual(outcome.ok && outcome.value, ['docs/where.md', markdownLine(3), 14]);
  });

  it('fails only the load with a syntax error, at the original position; other namespaces keep working', async () => {
    const broken = markdownScript('broken', ['def f():', '    return 1', 'def g(:', '    pass', ''].join('\n'));
    const error = expectError(await engine.load({ script: broken, namespace: 'broken' }));
    assert.equal(error.cause, 'syntax');
    assert.equal(error.type, 'SyntaxError');
    assert.deepEqual([error.file, error.line], ['docs/broken.md', markdownLine(3)]);
    const outcome = await engine.invoke({ target: { namespace: 'py2', name: 'handle' }, args: [{ theme: 'light' }] });
    assert.equal(outcome.ok, true);
  });

  it('runs Python-3-only syntax leniently with a divergence, and fails it in strict mode', async () => {
    const script = markdownScript('py3', ['name = "x"', 'def greet():', '    return f"hello {name}"', ''].join('\n'));
    const lenient = await engine.load({ script, namespace: 'py3' });
    assert.equal(lenient.ok, true);
    assert.deepEqual(
      lenient.divergences.map((d) => [d.rule, d.file, d.line, d.column]),
      [['py3-only', 'docs/py3.md', markdownLine(3), 12]],
    );
    const greeting = await engine.invoke({ target: { namespace: 'py3', name: 'greet' }, args: [] });
    assert.equal(greeting.ok && greeting.value, 'hello x');
    const strict = expectError(await engine.load({ script, namespace: 'py3-strict', strict: true }));
    assert.deepEqual([strict.type, strict.cause, strict.line, strict.column], ['SyntaxError', 'syntax', markdownLine(3), 12]);
    assert.match(strict.message, /f-string/);
  });

  it('passes dates as java.util.Date and keeps other objects as refs that can be invoked and released', async () => {
    const script = markdownScript('values', [
      'from java.util import Date',
      'def shift(d):',
      '    later = Date(d.getTime() + 1000)',
      '    return [later, str(later), later.after(d), Date().getTime()]',
      'def counter():',
      '    state = [0]',
      '    def next():',
      '        state[0] += 1',
      '        return state[0]',
      '    return next',
      '',
    ].join('\n'));
    await engine.load({ script, namespace: 'values' });
    const shifted = await engine.invoke({ target: { namespace: 'values', name: 'shift' }, args: [{ $date: 1_795_643_027_000 }] });
    assert.deepEqual(shifted.ok && shifted.value, [{ $date: 1_795_643_028_000 }, 'Wed Nov 25 21:43:48 UTC 2026', true, 1_795_643_028_000]);
    const made = await engine.invoke({ target: { namespace: 'values', name: 'counter' }, args: [] });
    const ref = ((made.ok && made.value) as { $ref: number }).$ref;
    await engine.invoke({ target: { ref }, args: [] });
    const second = await engine.invoke({ target: { ref }, args: [] });
    assert.equal(second.ok && second.value, 2);
    engine.release(ref);
    assert.equal(expectError(await engine.invoke({ target: { ref }, args: [] })).type, 'LookupError');
  });

  it('shares project library modules between namespaces, importable by name', async () => {
    const library = markdownScript('lib', ['def double(x):', '    return x * 2', ''].join('\n'), { kind: 'library', module: 'shared.util' });
    await engine.load({ script: library, namespace: 'lib:shared.util' });
    const user = markdownScript('user', ['import shared.util', 'def run():', '    return shared.util.double(21)', ''].join('\n'));
    await engine.load({ script: user, namespace: 'user' });
    const outcome = await engine.invoke({ target: { namespace: 'user', name: 'run' }, args: [] });
    assert.equal(outcome.ok && outcome.value, 42);
  });

  it('names Python 3 exception classes as Jython does and keeps a runaway recursion traceback short', async () => {
    const script = markdownScript('recursion', ['def down(n):', '    return down(n + 1)', ''].join('\n'));
    await engine.load({ script, namespace: 'recursion' });
    const error = expectError(await engine.invoke({ target: { namespace: 'recursion', name: 'down' }, args: [0] }));
    assert.equal(error.type, 'RuntimeError');
    assert.match(error.message, /maximum recursion depth exceeded/);
    assert.equal(error.traceback.length, 3);
    assert.equal(error.line, markdownLine(2));
  });

  it('survives a script that ends the interpreter: a crash outcome, then a new worker with every namespace', async () => {
    const script = markdownScript('exit', ['import os', 'def leave():', '    os._exit(3)', ''].join('\n'));
    await engine.load({ script, namespace: 'exit' });
    const error = expectError(await engine.invoke({ target: { namespace: 'exit', name: 'leave' }, args: [] }));
    assert.deepEqual([error.cause, error.file, error.line], ['crash', 'docs/exit.md', markdownLine(2)]);
    const next = await engine.invoke({ target: { namespace: 'py2', name: 'handle' }, args: [{ theme: 'dark' }] });
    assert.equal(next.ok && next.value, 'caught ValueError');
  });

  describe('runaway scripts', () => {
    it('stops a load whose module code never ends, and the engine goes on', async () => {
      const script = markdownScript('endless', ['count = 0', 'while True:', '    count += 1', ''].join('\n'));
      const error = expectError(await engine.load({ script, namespace: 'endless' }));
      assert.deepEqual([error.cause, error.type, error.file], ['timeout', 'TimeoutError', 'docs/endless.md']);
      const next = await engine.invoke({ target: { namespace: 'py2', name: 'handle' }, args: [{ theme: 'dark' }] });
      assert.equal(next.ok, true);
    });

    it('stops a busy loop with KeyboardInterrupt and reports a timeout at the loop', async () => {
      const script = markdownScript('spin', ['def spin():', '    while True:', '        pass', ''].join('\n'));
      await engine.load({ script, namespace: 'spin' });
      const error = expectError(await engine.invoke({ target: { namespace: 'spin', name: 'spin' }, args: [] }));
      assert.equal(error.cause, 'timeout');
      assert.equal(error.file, 'docs/spin.md');
    });

    it('replaces the worker when the script swallows the interrupt; the next invoke works and loads were replayed', async () => {
      const script = markdownScript('stubborn', [
        'import periscope_host',
        'periscope_host.call("loaded", "stubborn")',
        'def spin():',
        ...swallowsInterrupt,
        'def ok():',
        '    return "still here"',
        '',
      ].join('\n'));
      await engine.load({ script, namespace: 'stubborn' });
      const error = expectError(await engine.invoke({ target: { namespace: 'stubborn', name: 'spin' }, args: [] }));
      assert.equal(error.cause, 'timeout');
      calls.length = 0;
      const next = await engine.invoke({ target: { namespace: 'stubborn', name: 'ok' }, args: [] });
      assert.equal(next.ok && next.value, 'still here');
      const other = await engine.invoke({ target: { namespace: 'py2', name: 'handle' }, args: [{ theme: 'dark' }] });
      assert.equal(other.ok && other.value, 'caught ValueError');
      assert.ok(calls.filter((c) => c.name === 'loaded').every((c) => c.replaying), 'host calls made while replaying loads are flagged');
    });

    it('never lets an object kept by a replaced worker name another object in its successor', async () => {
      const script = markdownScript('kept', [
        'def make(label):',
        '    return lambda: label',
        'def stuck():',
        ...swallowsInterrupt,
        '',
      ].join('\n'));
      await engine.load({ script, namespace: 'kept' });
      const old = await engine.invoke({ target: { namespace: 'kept', name: 'make' }, args: ['before'] });
      assert.ok(old.ok);
      assert.equal(expectError(await engine.invoke({ target: { namespace: 'kept', name: 'stuck' }, args: [] })).cause, 'timeout');
      const fresh = await engine.invoke({ target: { namespace: 'kept', name: 'make' }, args: ['after'] });
      assert.ok(fresh.ok);
      const stale = expectError(await engine.invoke({ target: { ref: (old.value as { $ref: number }).$ref }, args: [] }));
      assert.match(stale.message, /no longer kept by the engine/);
      const current = await engine.invoke({ target: { ref: (fresh.value as { $ref: number }).$ref }, args: [] });
      assert.equal(current.ok && current.value, 'after');
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
      await engine.load({ script, namespace: 'deaf' });
      calls.length = 0;
      const error = expectError(await engine.invoke({ target: { namespace: 'deaf', name: 'spin' }, args: [] }));
      assert.deepEqual([error.cause, error.file, error.line], ['timeout', 'docs/deaf.md', markdownLine(3)], 'placed at the def of the stopped function');
      const next = await engine.invoke({ target: { namespace: 'py2', name: 'handle' }, args: [{ theme: 'dark' }] });
      assert.equal(next.ok && next.value, 'caught ValueError');
      const replayed = calls.filter((c) => c.name === 'loaded');
      assert.deepEqual(replayed.map((c) => [c.args[0], c.replaying]).at(-1), ['deaf', true]);
      assert.ok(replayed.every((c) => c.replaying));
    });
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
