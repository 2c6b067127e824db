// What only the real Jython engine does, and how it holds up against bad input: a script that asks the JVM to exit,
// exhausts its heap, kills it, writes to System.out or sends bytes that are not UTF-8; Java or a jar that is missing.
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createJythonEngine } from '../../shared/engine/jython/engine';
import type { Value } from '../../shared/engine/types';
import { EngineUnavailable, planEngine, startEngine } from '../../shared/runtime/engine-choice';
import { expectError, markdownLine, markdownScript, py2Script, useEngine } from '../support/engine-scripts';
import { testEngines } from '../support/engines';

const jython = testEngines.find((e) => e.name === 'jython');
const describeJython = jython && !jython.unavailable ? describe : describe.skip;

describeJython(`Jython engine${jython?.unavailable ? ` (skipped: ${jython.unavailable})` : ''}`, function () {
  this.timeout(120_000);
  const harness = useEngine((options) => jython!.create(options));

  before(async () => {
    await harness.engine.load({ script: py2Script, namespace: 'py2' });
  });

  const stillWorks = async (): Promise<void> => {
    const next = await harness.engine.invoke({ target: { namespace: 'py2', name: 'handle' }, args: [{ theme: 'dark' }] });
    assert.equal(next.ok && next.value, 'caught ValueError');
  };

  it('says which Jython and Java run the scripts', () => {
    assert.match(harness.engine.about ?? '', /^Jython 2\.7\.\d.* on Java \d+/);
  });

  it("fails a strict load with Jython's own SyntaxError, exactly as the gateway's compiler words it", async () => {
    const script = markdownScript('strict', ['name = "x"', 'def greet():', '    return f"hello {name}"', ''].join('\n'));
    const error = expectError(await harness.engine.load({ script, namespace: 'strict', strict: true }));
    assert.deepEqual([error.type, error.cause, error.file, error.line], ['SyntaxError', 'syntax', 'docs/strict.md', markdownLine(3)]);
    assert.match(error.message, /no viable alternative at input/);
  });

  it('gives scripts the Java platform itself: collections, String, Math, Java exceptions', async () => {
    const script = markdownScript('java', [
      'from java.util import ArrayList, HashMap',
      'from java.lang import String, Math, Integer',
      'def run():',
      '    items = ArrayList([3, 1, 2])',
      '    items.add(4)',
      '    table = HashMap()',
      '    table.put("size", items.size())',
      '    try:',
      '        items.get(10)',
      '    except Exception:',
      '        caught = "Exception"',
      '    except java.lang.IndexOutOfBoundsException, e:',
      '        caught = e.getClass().getName()',
      '    return [items, table, String("abc").toUpperCase(), Math.max(2, 5), Integer.MAX_VALUE, str(items), caught]',
      'import java',
      '',
    ].join('\n'));
    await harness.engine.load({ script, namespace: 'java' });
    const outcome = await harness.engine.invoke({ target: { namespace: 'java', name: 'run' }, args: [] });
    assert.deepEqual(outcome.ok && outcome.value, [[3, 1, 2, 4], { size: 4 }, 'ABC', 5, 2147483647, '[3, 1, 2, 4]', 'java.lang.IndexOutOfBoundsException']);
  });

  describe('lenient mode, construct by construct: every Python-3-only form the linter knows', () => {
    const lowered: Array<[string, string[], Value[], Value]> = [
      // Text from the runtime arrives as unicode, as a Java String does: its repr is u'x'.
      ['f-string', ['def run(name):', '    return f"hi {name!r:>6}"'], ['x'], "hi   u'x'"],
      ['annotations, keyword-only and positional-only parameters', ['def run(a: int, /, b=2, *, c=3) -> int:', '    return a + b + c'], [1], 6],
      ['variable annotation', ['def run():', '    y: int = 4', '    z: int', '    return y'], [], 4],
      ['raise ... from ...', ['def run():', '    try:', '        raise ValueError("v") from None', '    except ValueError, e:', '        return str(e)'], [], 'v'],
      ['yield from', ['def items():', '    yield from [1, 2]', 'def run():', '    return list(items())'], [], [1, 2]],
      ['digit separators (1_000)', ['def run():', '    return 1_000 + 0x_ff'], [], 1255],
      ['print(..., end=...)', ['def run():', '    print("a", "b", sep="-", end="!")', '    return 1'], [], 1],
      ['starred assignment (a, *b = ...)', ['def run(items):', '    first, *rest = items', '    [a, *b, c] = 1, 2', '    return [first, rest, a, b, c]'], [[1, 2, 3]], [1, [2, 3], 1, [], 2]],
      ['starred assignment that is short of values', ['def run():', '    try:', '        a, *b, c = [1]', '    except ValueError, e:', '        return str(e)'], [], 'not enough values to unpack (expected at least 2, got 1)'],
      ['starred loop target (for a, *b in ...)', ['def run(rows):', '    out = []', '    for head, *tail in rows:', '        out.append([head, tail])', '    return out'], [[[1, 2], [3]]], [[1, [2]], [3, []]]],
      ['unpacking inside list, set and tuple literals', ['def run(a):', '    return [[0, *a], sorted({*a, 9}), (*a,)]'], [[1, 2]], [[0, 1, 2], [1, 2, 9], [1, 2]]],
      ['unpacking inside a dictionary literal', ['def run(d):', '    return {**d, "k": 1}'], [{ a: 1, k: 0 }], { a: 1, k: 1 }],
      ['class keyword argument (metaclass=...)', [
        'class Meta(type):',
        '    def __new__(cls, name, bases, ns):',
        '        ns["tag"] = name.lower()',
        '        return type.__new__(cls, name, bases, ns)',
        'class Base(object): pass',
        'class Tagged(Base, metaclass=Meta):',
        '    pass',
        'def run():',
        '    return [Tagged.tag, type(Tagged).__name__, Tagged.__mro__[1].__name__, issubclass(Tagged, Base)]',
      ], [], ['tagged', 'Meta', 'Base', true]],
      ['matrix operator @', [
        'class M(object):',
        '    def __init__(self, v): self.v = v',
        '    def __matmul__(self, o): return M(self.v * o.v)',
        'def run():',
        '    try:',
        '        1 @ 2',
        '    except TypeError, e:',
        '        error = str(e)',
        '    return [(M(2) @ M(3) @ M(4)).v, error]',
      ], [], [24, "unsupported operand type(s) for @: 'int' and 'int'"]],
    ];
    for (const [what, lines, args, value] of lowered) {
      it(`runs ${what}, lowered, with a py3-only divergence at its line`, async () => {
        const namespace = `lowered-${what}`;
        const script = markdownScript('lowered', [...lines, ''].join('\n'));
        const load = await harness.engine.load({ script, namespace });
        assert.equal(load.ok, true, JSON.stringify(load));
        assert.ok(load.divergences.length > 0 && load.divergences.every((d) => d.rule === 'py3-only' && d.file === 'docs/lowered.md'));
        const outcome = await harness.engine.invoke({ target: { namespace, name: 'run' }, args });
        assert.deepEqual(outcome.ok && outcome.value, value);
      });
    }

    // [construct as the message names it, script, line of the construct]
    const refused: Array<[string, string[], number]> = [
      ['async def', ['x = 1', 'async def run():', '    pass'], 2],
      ['await expression', ['def run(g):', '    return await g'], 2],
      ['async for', ['def run(g):', '    async for x in g:', '        pass'], 2],
      ['async with', ['def run(g):', '    async with g:', '        pass'], 2],
      ['nonlocal statement', ['def run():', '    n = 0', '    def inc():', '        nonlocal n', '    return n'], 4],
      ['walrus operator (:=)', ['def run(a):', '    if (n := len(a)) > 3:', '        return n'], 2],
      ['match statement', ['def run(v):', '    match v:', '        case 1:', '            return "one"'], 2],
      ['type alias statement', ['type Rows = list'], 1],
      ['yield from', ['def run(g):', '    total = yield from g'], 2],
      ['class keyword argument (flag=...)', ['class Flagged(object, flag=True):', '    pass'], 1],
    ];
    for (const [what, lines, line] of refused) {
      it(`refuses ${what}, which has no Jython 2.7 form, naming it at its line; the engine goes on`, async () => {
        const script = markdownScript('kept', [...lines, ''].join('\n'));
        const error = expectError(await harness.engine.load({ script, namespace: `kept-${what}` }));
        assert.deepEqual([error.type, error.cause, error.file, error.line], ['SyntaxError', 'syntax', 'docs/kept.md', markdownLine(line)]);
        assert.ok(error.message.startsWith(`${what} has no Jython 2.7 equivalent, so even lenient mode cannot run this script`), error.message);
        await stillWorks();
      });
    }
  });

  describe('bad input', () => {
    it('refuses System.exit() from a script: an error at its line, and the same JVM goes on', async () => {
      const script = markdownScript('exits', [
        'import os, java.lang',
        'from java.lang import System, Runtime',
        'def viaSystem():',
        '    try:',
        '        System.exit(3)',
        '    except:',
        '        pass',
        '    return "swallowed"',
        'def viaRuntime():',
        '    Runtime.getRuntime().halt(1)',
        'def viaOs():',
        '    os._exit(2)',
        '',
      ].join('\n'));
      await harness.engine.load({ script, namespace: 'exits' });
      harness.calls.length = 0;
      const system = expectError(await harness.engine.invoke({ target: { namespace: 'exits', name: 'viaSystem' }, args: [] }));
      assert.deepEqual([system.type, system.cause, system.line], ['SystemExit', 'exception', markdownLine(5)]);
      assert.match(system.message, /java\.lang\.System\.exit\(3\) would stop the whole gateway/);
      const runtime = expectError(await harness.engine.invoke({ target: { namespace: 'exits', name: 'viaRuntime' }, args: [] }));
      assert.deepEqual([runtime.type, runtime.line], ['SystemExit', markdownLine(10)]);
      const os = expectError(await harness.engine.invoke({ target: { namespace: 'exits', name: 'viaOs' }, args: [] }));
      assert.deepEqual([os.type, os.line], ['SystemExit', markdownLine(12)]);
      await stillWorks();
      assert.ok(harness.calls.every((c) => !c.replaying), 'nothing was replayed: the JVM was never replaced');
    });

    it('reports a JVM that dies mid-run as a crash, then runs on a new JVM with every namespace replayed', async () => {
      const script = markdownScript('dies', [
        'import java.lang, periscope_host',
        'periscope_host.call("loaded", "dies")',
        'def die():',
        '    # Reflection gets past the guard on System.exit, as a Java library calling it would.',
        '    exit = java.lang.Class.forName("java.lang.System").getMethod("exit", [java.lang.Integer.TYPE])',
        '    exit.invoke(None, [7])',
        '',
      ].join('\n'));
      await harness.engine.load({ script, namespace: 'dies' });
      harness.calls.length = 0;
      const error = expectError(await harness.engine.invoke({ target: { namespace: 'dies', name: 'die' }, args: [] }));
      assert.deepEqual([error.type, error.cause, error.file, error.line], ['EngineCrash', 'crash', 'docs/dies.md', markdownLine(3)]);
      assert.match(error.message, /JVM stopped \(exit code 7\)/);
      await stillWorks();
      assert.deepEqual(harness.calls.filter((c) => c.name === 'loaded').map((c) => [c.args[0], c.replaying]), [['dies', true]], 'the loads were replayed into the new JVM');
    });

    it('reports a script that exhausts the heap at its line, and starts a fresh JVM', async () => {
      const script = markdownScript('hog', [
        'import jarray',
        'def hog():',
        '    kept = []',
        '    while True:',
        '        kept.append(jarray.zeros(32 * 1024 * 1024, "b"))',
        '',
      ].join('\n'));
      await harness.engine.load({ script, namespace: 'hog' });
      const error = expectError(await harness.engine.invoke({ target: { namespace: 'hog', name: 'hog' }, args: [] }));
      assert.deepEqual([error.type, error.cause, error.file], ['java.lang.OutOfMemoryError', 'crash', 'docs/hog.md']);
      assert.equal(error.line, markdownLine(5));
      assert.match(error.message, /Java heap space/);
      await stillWorks();
    });

    it("takes what a script writes to System.out and System.err as its output, in order, without corrupting the channel", async () => {
      const script = markdownScript('java-out', [
        'import sys',
        'from java.lang import System',
        'def talk():',
        '    print "first"',
        '    System.out.println("second, through Java")',
        '    System.err.print("third, unfinished line ")',
        '    System.err.println("ends here")',
        '    System.out.write(0x7b)',
        '    System.out.println("}")',
        '    sys.stdout.write("last\\n")',
        '    return "done"',
        '',
      ].join('\n'));
      await harness.engine.load({ script, namespace: 'java-out' });
      const outcome = await harness.engine.invoke({ target: { namespace: 'java-out', name: 'talk' }, args: [] });
      assert.equal(outcome.ok && outcome.value, 'done');
      assert.deepEqual(harness.output, ['first\n', 'second, through Java\n', 'third, unfinished line ends here\n', '{}\n', 'last\n']);
      await stillWorks();
    });

    it('carries bytes that are not UTF-8 through host calls, results and output; a lone surrogate arrives as U+FFFD', async () => {
      const script = markdownScript('bytes', [
        'import periscope_host',
        'def send(text):',
        '    raw = "\\xff\\xfe\\x80"',
        '    periscope_host.call("record", raw, u"caf\\xe9")',
        '    print raw',
        '    return [raw, text, len(text)]',
        '',
      ].join('\n'));
      await harness.engine.load({ script, namespace: 'bytes' });
      const outcome = await harness.engine.invoke({ target: { namespace: 'bytes', name: 'send' }, args: ['\ud800 lone'] });
      // A byte string reaches Java as one character per byte, as it does on a gateway.
      assert.deepEqual(outcome.ok && outcome.value, ['\u00ff\u00fe\u0080', '\ufffd lone', 6]);
      assert.deepEqual(harness.calls.find((c) => c.name === 'record')?.args, ['\u00ff\u00fe\u0080', 'café']);
      assert.deepEqual(harness.output, ['\u00ff\u00fe\u0080\n']);
      await stillWorks();
    });

    it('answers host calls from threads the script started while it runs, Java and Python threads alike', async () => {
      const script = markdownScript('threads', [
        'import periscope_host, threading',
        'from java.lang import Thread, Runnable',
        'class Report(Runnable):',
        '    def run(self):',
        '        periscope_host.call("record", "from a java.lang.Thread")',
        'def background():',
        '    worker = Thread(Report(), "reporter")',
        '    worker.start()',
        '    worker.join()',
        '    answers = []',
        '    t = threading.Thread(target=lambda: answers.append(periscope_host.call("echo", "from threading")))',
        '    t.start()',
        '    t.join()',
        '    return answers',
        '',
      ].join('\n'));
      await harness.engine.load({ script, namespace: 'threads' });
      const outcome = await harness.engine.invoke({ target: { namespace: 'threads', name: 'background' }, args: [] });
      assert.deepEqual(outcome.ok && outcome.value, ['from threading']);
      assert.deepEqual(harness.calls.map((c) => [c.name, c.args[0]]), [['record', 'from a java.lang.Thread'], ['echo', 'from threading']]);
    });

    it('keeps every answer with its call when many threads call at once beside the script', async () => {
      const script = markdownScript('many-threads', [
        'import periscope_host, threading',
        'def crowd():',
        '    wrong = []',
        '    def work(n):',
        '        for i in range(25):',
        '            token = "%d-%d" % (n, i)',
        '            if periscope_host.call("echo", token) != token:',
        '                wrong.append(token)',
        '    threads = [threading.Thread(target=work, args=(n,)) for n in range(8)]',
        '    for t in threads:',
        '        t.start()',
        '    own = [periscope_host.call("echo", i) for i in range(50)]',
        '    for t in threads:',
        '        t.join()',
        '    return [wrong, own == range(50)]',
        '',
      ].join('\n'));
      await harness.engine.load({ script, namespace: 'many-threads' });
      const outcome = await harness.engine.invoke({ target: { namespace: 'many-threads', name: 'crowd' }, args: [] });
      assert.deepEqual(outcome.ok && outcome.value, [[], true]);
      assert.equal(harness.calls.length, 8 * 25 + 50);
    });

    it("refuses a thread's call once the script that started it has ended, saying what to do", async () => {
      const script = markdownScript('late-thread', [
        'import periscope_host, threading',
        'go, done, errors = threading.Event(), threading.Event(), []',
        'def start():',
        '    def later():',
        '        go.wait()',
        '        try:',
        '            periscope_host.call("record", "late")',
        '        except RuntimeError, e:',
        '            errors.append(str(e))',
        '        done.set()',
        '    threading.Thread(target=later, name="poller").start()',
        'def afterwards():',
        '    go.set()',
        '    done.wait(10)',
        '    return errors',
        '',
      ].join('\n'));
      await harness.engine.load({ script, namespace: 'late-thread' });
      assert.equal((await harness.engine.invoke({ target: { namespace: 'late-thread', name: 'start' }, args: [] })).ok, true);
      const outcome = await harness.engine.invoke({ target: { namespace: 'late-thread', name: 'afterwards' }, args: [] });
      assert.ok(outcome.ok);
      assert.match(String((outcome.value as string[])[0]), /^record was called from thread 'poller' after the script that started it had ended; .*join the thread before the script returns, or use system\.util\.invokeAsynchronous$/);
      assert.deepEqual(harness.calls.filter((c) => c.name === 'record'), [], 'the late call never reached the runtime');
      await stillWorks();
    });

    it('stops a script sleeping in Java at the time limit', async () => {
      const script = markdownScript('sleepy', ['import time', 'def nap():', '    time.sleep(600)', ''].join('\n'));
      await harness.engine.load({ script, namespace: 'sleepy' });
      const error = expectError(await harness.engine.invoke({ target: { namespace: 'sleepy', name: 'nap' }, args: [] }));
      assert.equal(error.cause, 'timeout');
      await stillWorks();
    });
  });
});

describeJython('starting the Jython engine with missing or broken parts', function () {
  this.timeout(120_000);
  const options = { hostCall: () => null };
  const found = () => {
    const plan = planEngine({ engine: 'jython' });
    assert.equal(plan.name, 'jython');
    return plan.name === 'jython' ? plan.jython : undefined!;
  };

  it('says Java is missing and what to install', async () => {
    await assert.rejects(createJythonEngine(options, { ...found(), java: '/nonexistent/bin/java' }), /Java was not found at \/nonexistent\/bin\/java; install Java and Jython \(apt-get install jython\)/);
  });

  it('says a jar is not Jython, whether it is another jar or no jar at all', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'periscope-jar-'));
    const text = join(dir, 'notes.jar');
    writeFileSync(text, 'not a zip');
    await assert.rejects(createJythonEngine(options, { ...found(), jar: text }), /notes\.jar is not a Jython jar .*apt-get install jython/);
    const other = join(dir, 'empty.jar');
    // An empty zip archive: a jar in form, with no Jython in it.
    writeFileSync(other, Buffer.from([0x50, 0x4b, 0x05, 0x06, ...new Array(18).fill(0)]));
    await assert.rejects(createJythonEngine(options, { ...found(), jar: other }), /empty\.jar is not a Jython jar/);
  });

  it('falls back to Pyodide under --engine auto, saying why; --engine jython fails with one line', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'periscope-jar-'));
    const jar = join(dir, 'broken.jar');
    writeFileSync(jar, 'not a zip');
    const auto = await startEngine({ engine: 'auto', jython: jar });
    try {
      assert.equal(auto.identity.name, 'pyodide');
      assert.match(auto.identity.reason, /^--engine auto: the Jython engine did not start \(.*broken\.jar is not a Jython jar.*\); Pyodide runs the scripts$/);
    } finally {
      await auto.dispose();
    }
    await assert.rejects(startEngine({ engine: 'jython', jython: join(dir, 'absent.jar') }), (error: Error) =>
      error instanceof EngineUnavailable && /^--engine jython: the Jython jar .*absent\.jar \(from --jython\) does not exist; .*apt-get install jython$/.test(error.message) && !error.message.includes('\n'));
  });
});
