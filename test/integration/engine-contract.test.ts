// What every Python engine does the same way, Pyodide and real Jython alike: Python 2 scripts, host calls, errors at
// the user's positions, lenient and strict Python 3 forms, values across the boundary, runaway scripts.
import assert from 'node:assert/strict';
import type { Value } from '../../shared/engine/types';
import { expectError, markdownLine, markdownScript, py2Script, useEngine } from '../support/engine-scripts';
import { describeEachEngine } from '../support/engines';
import { swallowsInterrupt } from '../support/runaway';

describeEachEngine('a Python engine', (testEngine) => {
  const harness = useEngine((options) => testEngine.create(options));

  it('runs a Python 2 script: print statement, except E, e, integer division and has_key', async () => {
    const { engine, calls, output } = harness;
    assert.equal((await engine.load({ script: py2Script, namespace: 'py2' })).ok, true);
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
    await harness.engine.load({ script, namespace: 'builtins' });
    const outcome = await harness.engine.invoke({ target: { namespace: 'builtins', name: 'check' }, args: [] });
    assert.deepEqual(outcome.ok && outcome.value, [true, '5', 3, 6, ['0', '1'], [1, 2], -1, 2147483647, 'a-b', 3.0, 511, '1', 's', [['a', 'b']], [3, 2, 1], 'bnn', 2]);
  });

  it('maps a traceback to the original file and lines, hiding the engine and runtime frames', async () => {
    const script = markdownScript('trace', [
      'def outer(session):',
      '    return inner(session) / 2',
      'def inner(session):',
      '    return session["props"]["missing"]',
      '',
    ].join('\n'));
    await harness.engine.load({ script, namespace: 'trace' });
    const error = expectError(await harness.engine.invoke({ target: { namespace: 'trace', name: 'outer' }, args: [{ props: {} }] }));
    assert.equal(error.type, 'KeyError');
    assert.equal(error.cause, 'exception');
    assert.equal(error.file, 'docs/trace.md');
    assert.deepEqual(
      error.traceback.map((f) => [f.function, f.line, f.text]),
      [
        ['outer', markdownLine(2), 'return inner(session) / 2'],
        ['inner', markdownLine(4), 'return session["props"]["missing"]'],
      ],
    );
    assert.equal(error.line, markdownLine(4));
  });

  it('places every traceback frame, and a runtime module\'s caller, at the column of what failed there', async () => {
    const script = markdownScript('columns', [
      'import periscope_host, perspective',
      'def outer(session):',
      '    return 1 + inner(session) / 2',
      'def inner(session):',
      '    return session["props"]["missing"]',
      'def name():',
      '    x = 1; return x + nothere',
      'def attribute(s):',
      '    return len(s) + s.nope',
      'def zero(n):',
      '    return [n, 1 % n]',
      'def raising():',
      '    if True: raise ValueError("x %s" % str(1))',
      'def asserting(n):',
      '    assert n > 1, "small"',
      'def converting():',
      '    return  int("x")',
      'def host():',
      '    return 1 + periscope_host.call("tag.fail")',
      'def multiline(d):',
      '    return (1 +',
      '            d["k"])',
      'def callback():',
      '    return sorted([1, 2], key=lambda v: v / 0)',
      'def here():',
      '    return [1,   perspective.here()]',
      '',
    ].join('\n'));
    await harness.engine.load({ script, namespace: 'columns' });
    const frames = async (name: string, ...args: Value[]): Promise<Array<[string, number, number | undefined]>> => {
      const error = expectError(await harness.engine.invoke({ target: { namespace: 'columns', name }, args }));
      return error.traceback.map((f) => [f.function, f.line - markdownLine(0), f.column]);
    };
    assert.deepEqual(await frames('outer', { props: {} }), [['outer', 3, 16], ['inner', 5, 12]], 'the call into the next frame, then the subscript');
    assert.deepEqual(await frames('name'), [['name', 7, 23]], 'the undefined name, in the second statement of the line');
    assert.deepEqual(await frames('attribute', 'ab'), [['attribute', 9, 21]], 'the attribute expression, from its object');
    assert.deepEqual(await frames('zero', 0), [['zero', 11, 16]], 'the modulo');
    assert.deepEqual(await frames('raising'), [['raising', 13, 14]], 'the raise statement');
    assert.deepEqual(await frames('asserting', 0), [['asserting', 15, 12]], "the assert's test");
    assert.deepEqual(await frames('converting'), [['converting', 17, 13]], 'the call to a builtin that raised');
    assert.deepEqual(await frames('host'), [['host', 19, 16]], 'the host call that raised a Java exception');
    assert.deepEqual(await frames('multiline', {}), [['multiline', 21, 5]], 'a statement over two lines is pointed at as a whole');
    assert.deepEqual(await frames('callback'), [['callback', 24, 12], ['<lambda>', 24, 41]], 'the builtin that called back, then the lambda');
    const here = await harness.engine.invoke({ target: { namespace: 'columns', name: 'here' }, args: [] });
    assert.deepEqual(here.ok && here.value, [1, ['docs/columns.md', markdownLine(26), 18]]);
  });

  it("leaves frames of internal loads (the runtime's own prelude) out of tracebacks and locations", async () => {
    const plumbing = markdownScript('plumbing', ['def checked(value):', '    return 10 / value', ''].join('\n'));
    await harness.engine.load({ script: plumbing, namespace: 'hidden', internal: true });
    const user = markdownScript('user', ['def divide(n):', '    return checked(n)', ''].join('\n'));
    await harness.engine.load({ script: user, namespace: 'hidden' });
    const error = expectError(await harness.engine.invoke({ target: { namespace: 'hidden', name: 'divide' }, args: [0] }));
    assert.equal(error.type, 'ZeroDivisionError');
    assert.deepEqual(error.traceback.map((f) => [f.file, f.function, f.line]), [['docs/user.md', 'divide', markdownLine(2)]]);
    assert.equal(error.line, markdownLine(2), 'the error is placed at the last user frame');
  });

  it('raises a HostError as that Python exception type in the script; a Java one escapes except Exception', async () => {
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
    await harness.engine.load({ script, namespace: 'host' });
    const outcome = await harness.engine.invoke({ target: { namespace: 'host', name: 'read' }, args: [] });
    assert.deepEqual(outcome.ok && outcome.value, ["'ObjectWrapper' object has no attribute 'x'", 'tag provider is null', 'tag provider is null']);
    const error = expectError(await harness.engine.invoke({ target: { namespace: 'host', name: 'uncaught' }, args: [] }));
    assert.deepEqual([error.type, error.message, error.line], ['java.lang.NullPointerException', 'tag provider is null', markdownLine(14)]);
  });

  it('tells a runtime module where in the user file it was called from', async () => {
    const script = markdownScript('where', ['import perspective', 'def f():', '    return   perspective.here()', ''].join('\n'));
    await harness.engine.load({ script, namespace: 'where' });
    const outcome = await harness.engine.invoke({ target: { namespace: 'where', name: 'f' }, args: [] });
    assert.deepEqual(outcome.ok && (outcome.value as unknown[]).slice(0, 2), ['docs/where.md', markdownLine(3)]);
  });

  it('fails only the load with a syntax error, at the original position; other namespaces keep working', async () => {
    await harness.engine.load({ script: py2Script, namespace: 'py2' });
    const broken = markdownScript('broken', ['def f():', '    return 1', 'def g(:', '    pass', ''].join('\n'));
    const error = expectError(await harness.engine.load({ script: broken, namespace: 'broken' }));
    assert.equal(error.cause, 'syntax');
    assert.equal(error.type, 'SyntaxError');
    assert.deepEqual([error.file, error.line, error.column], ['docs/broken.md', markdownLine(3), 7]);
    const outcome = await harness.engine.invoke({ target: { namespace: 'py2', name: 'handle' }, args: [{ theme: 'light' }] });
    assert.equal(outcome.ok, true);
  });

  it('runs Python-3-only syntax leniently with a divergence each, and fails it in strict mode where the gateway would', async () => {
    const script = markdownScript('py3', [
      'name = "x"',
      'def greet(greeting: str, *, punctuation="!") -> str:',
      '    return f"{greeting} {name!r:>5}{punctuation}"',
      '',
    ].join('\n'));
    const lenient = await harness.engine.load({ script, namespace: 'py3' });
    assert.equal(lenient.ok, true);
    assert.deepEqual(
      lenient.divergences.map((d) => [d.rule, d.file, d.line, d.column, d.message.split(';')[0]]),
      [
        ['py3-only', 'docs/py3.md', markdownLine(2), 11, 'parameter annotation'],
        ['py3-only', 'docs/py3.md', markdownLine(2), 26, 'keyword-only parameters (a bare * in a def)'],
        ['py3-only', 'docs/py3.md', markdownLine(2), 49, 'return annotation (-> type)'],
        ['py3-only', 'docs/py3.md', markdownLine(3), 12, 'f-string'],
      ],
    );
    const greeting = await harness.engine.invoke({ target: { namespace: 'py3', name: 'greet' }, args: ['hello'], kwargs: { punctuation: '?' } });
    assert.equal(greeting.ok && greeting.value, "hello   'x'?");
    const strict = expectError(await harness.engine.load({ script, namespace: 'py3-strict', strict: true }));
    assert.deepEqual([strict.type, strict.cause, strict.line], ['SyntaxError', 'syntax', markdownLine(2)]);
  });

  it("fails a strict load at an f-string with Jython's own words, at the string's opening quote", async () => {
    const script = markdownScript('strict-fstring', ['name = "x"', 'def greet():', '    return rf"hello {name}"', ''].join('\n'));
    const error = expectError(await harness.engine.load({ script, namespace: 'strict-fstring', strict: true }));
    assert.deepEqual(
      [error.type, error.cause, error.file, error.line, error.column, error.message],
      ['SyntaxError', 'syntax', 'docs/strict-fstring.md', markdownLine(3), 14, `no viable alternative at input '"hello {name}"'`],
    );
  });

  it('passes dates as java.util.Date on the virtual clock, and keeps other objects as refs to invoke and release', async () => {
    const script = markdownScript('values', [
      'from java.util import Date',
      'from java.lang import System',
      'def shift(d):',
      '    later = Date(d.getTime() + 1000)',
      '    return [later, str(later), later.after(d), Date().getTime(), System.currentTimeMillis()]',
      'def counter():',
      '    state = [0]',
      '    def next():',
      '        state[0] += 1',
      '        return state[0]',
      '    return next',
      '',
    ].join('\n'));
    await harness.engine.load({ script, namespace: 'values' });
    const shifted = await harness.engine.invoke({ target: { namespace: 'values', name: 'shift' }, args: [{ $date: 1_795_643_027_000 }] });
    assert.deepEqual(shifted.ok && shifted.value, [{ $date: 1_795_643_028_000 }, 'Wed Nov 25 21:43:48 UTC 2026', true, 1_795_643_028_000, 1_795_643_028_000]);
    const made = await harness.engine.invoke({ target: { namespace: 'values', name: 'counter' }, args: [] });
    const ref = ((made.ok && made.value) as { $ref: number }).$ref;
    await harness.engine.invoke({ target: { ref }, args: [] });
    const second = await harness.engine.invoke({ target: { ref }, args: [] });
    assert.equal(second.ok && second.value, 2);
    harness.engine.release(ref);
    assert.equal(expectError(await harness.engine.invoke({ target: { ref }, args: [] })).type, 'LookupError');
  });

  it('shares project library modules between namespaces, importable by name', async () => {
    const library = markdownScript('lib', ['def double(x):', '    return x * 2', ''].join('\n'), { kind: 'library', module: 'shared.util' });
    await harness.engine.load({ script: library, namespace: 'lib:shared.util' });
    const user = markdownScript('user', ['import shared.util', 'def run():', '    return shared.util.double(21)', ''].join('\n'));
    await harness.engine.load({ script: user, namespace: 'user' });
    const outcome = await harness.engine.invoke({ target: { namespace: 'user', name: 'run' }, args: [] });
    assert.equal(outcome.ok && outcome.value, 42);
  });

  it('names a runaway recursion RuntimeError, as Jython does, and keeps its traceback short', async () => {
    const script = markdownScript('recursion', ['def down(n):', '    return down(n + 1)', ''].join('\n'));
    await harness.engine.load({ script, namespace: 'recursion' });
    const error = expectError(await harness.engine.invoke({ target: { namespace: 'recursion', name: 'down' }, args: [0] }));
    assert.equal(error.type, 'RuntimeError');
    assert.match(error.message, /maximum recursion depth exceeded/);
    assert.equal(error.traceback.length, 3);
    assert.equal(error.line, markdownLine(2));
  });

  describe('runaway scripts', () => {
    before(async () => {
      await harness.engine.load({ script: py2Script, namespace: 'py2' });
    });

    it('stops a load whose module code never ends, and the engine goes on', async () => {
      const script = markdownScript('endless', ['count = 0', 'while True:', '    count += 1', ''].join('\n'));
      const error = expectError(await harness.engine.load({ script, namespace: 'endless' }));
      assert.deepEqual([error.cause, error.type, error.file], ['timeout', 'TimeoutError', 'docs/endless.md']);
      const next = await harness.engine.invoke({ target: { namespace: 'py2', name: 'handle' }, args: [{ theme: 'dark' }] });
      assert.equal(next.ok, true);
    });

    it('stops a busy loop with KeyboardInterrupt and reports a timeout at the loop', async () => {
      const script = markdownScript('spin', ['def spin():', '    while True:', '        pass', ''].join('\n'));
      await harness.engine.load({ script, namespace: 'spin' });
      const error = expectError(await harness.engine.invoke({ target: { namespace: 'spin', name: 'spin' }, args: [] }));
      assert.equal(error.cause, 'timeout');
      assert.equal(error.file, 'docs/spin.md');
    });

    it('replaces the interpreter when the script swallows the interrupt; the next invoke works and loads were replayed', async () => {
      const script = markdownScript('stubborn', [
        'import periscope_host',
        'periscope_host.call("loaded", "stubborn")',
        'def spin():',
        ...swallowsInterrupt,
        'def ok():',
        '    return "still here"',
        '',
      ].join('\n'));
      await harness.engine.load({ script, namespace: 'stubborn' });
      const error = expectError(await harness.engine.invoke({ target: { namespace: 'stubborn', name: 'spin' }, args: [] }));
      assert.equal(error.cause, 'timeout');
      harness.calls.length = 0;
      const next = await harness.engine.invoke({ target: { namespace: 'stubborn', name: 'ok' }, args: [] });
      assert.equal(next.ok && next.value, 'still here');
      const other = await harness.engine.invoke({ target: { namespace: 'py2', name: 'handle' }, args: [{ theme: 'dark' }] });
      assert.equal(other.ok && other.value, 'caught ValueError');
      const replayed = harness.calls.filter((c) => c.name === 'loaded');
      assert.ok(replayed.length > 0 && replayed.every((c) => c.replaying), 'host calls made while replaying loads are flagged');
    });

    it('never lets an object kept by a replaced interpreter name another object in its successor', async () => {
      const script = markdownScript('kept', [
        'def make(label):',
        '    return lambda: label',
        'def stuck():',
        ...swallowsInterrupt,
        '',
      ].join('\n'));
      await harness.engine.load({ script, namespace: 'kept' });
      const old = await harness.engine.invoke({ target: { namespace: 'kept', name: 'make' }, args: ['before'] });
      assert.ok(old.ok);
      assert.equal(expectError(await harness.engine.invoke({ target: { namespace: 'kept', name: 'stuck' }, args: [] })).cause, 'timeout');
      const fresh = await harness.engine.invoke({ target: { namespace: 'kept', name: 'make' }, args: ['after'] });
      assert.ok(fresh.ok);
      const stale = expectError(await harness.engine.invoke({ target: { ref: (old.value as { $ref: number }).$ref }, args: [] }));
      assert.match(stale.message, /no longer kept by the engine/);
      const current = await harness.engine.invoke({ target: { ref: (fresh.value as { $ref: number }).$ref }, args: [] });
      assert.equal(current.ok && current.value, 'after');
    });
  });
});
