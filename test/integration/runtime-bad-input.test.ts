import { strict as assert } from 'node:assert';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { EngineHost } from '../../shared/runtime/engine-host';
import { parseScenario } from '../../shared/runtime/scenario';
import { InputError, simulate, type SimulationResult } from '../../shared/runtime/simulation';
import type { TraceEvent } from '../../shared/runtime/trace';
import { describeEachEngine } from '../support/engines';

function write(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'periscope-bad-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

async function run(engine: EngineHost, file: string, text: string, steps: unknown[]): Promise<SimulationResult> {
  const dir = write({ [file]: text });
  const scenario = parseScenario(join(dir, 'scenario.json'), JSON.stringify({ steps }));
  return simulate({ source: join(dir, file), scenario, engine });
}

const scripts = (result: SimulationResult) => result.events.filter((e): e is Extract<TraceEvent, { kind: 'script' }> => e.kind === 'script');
const logs = (result: SimulationResult, logger = 't') =>
  result.events.filter((e): e is Extract<TraceEvent, { kind: 'log' }> => e.kind === 'log' && e.logger === logger).map((e) => e.message);

const handlersDocument = [
  '# Handlers', '', '```python', 'def configure_message_handlers():', '    return {',
  '        "broken": {"handler": "onBroken", "script": \'\'\'', 'def onBroken(session, payload):', '    if True', '        pass', "'''},",
  '        "missing": {"handler": "onMissing", "script": \'\'\'', 'def somethingElse(session, payload):', '    pass', "'''},",
  '        "fine": {"handler": "onFine", "script": \'\'\'', 'def onFine(session, payload):', '    session.custom.got = payload.get("v")', "'''},",
  '    }', '```', '',
].join('\n');

describeEachEngine('bad input to the runtime', (testEngine) => {
  let engine: EngineHost;
  before(async () => { engine = await testEngine.start({ scriptTimeoutMs: 1500 }); });
  after(async () => { await engine.dispose(); });

  it('keeps the other handlers running when one has a syntax error, and names the line of each problem', async () => {
    const result = await run(engine, 'scripts.md', handlersDocument, [
      { open: '/' }, { message: 'broken' }, { message: 'missing' }, { message: 'fine', payload: { v: 7 } }, { expect: { 'custom.got': 7 } },
    ]);
    const broken = scripts(result).find((s) => s.name === 'message broken' && s.event === 'load');
    assert.ok(broken && broken.status === 'error');
    assert.equal(broken.error?.type, 'SyntaxError');
    assert.equal(broken.error?.line, 8);
    assert.deepEqual(logs(result, 'periscope').filter((m) => /onMissing/.test(m)).length, 1);
    assert.match(logs(result, 'periscope').find((m) => /onMissing/.test(m))!, /^.*scripts\.md:\d+: message handler "missing" names the function onMissing/);
    const unhandled = result.events.filter((e) => e.kind === 'message' && !e.handled).map((e) => e.kind === 'message' && e.name);
    assert.deepEqual(unhandled, ['broken', 'missing']);
    assert.equal(result.expectations.failed, 0);
  });

  it('turns a non-dict sendMessage payload into a TypeError in the sending script only', async () => {
    const result = await run(engine, 'events.py', `
def onStartup(session):
    session.custom.before = 1
    system.util.sendMessage("periscope", "x", ["not", "a", "dict"], scope="S")
`, [{ open: '/' }, { expect: { 'custom.before': 1 } }]);
    const startup = scripts(result).find((s) => s.name === 'onStartup');
    assert.equal(startup?.error?.type, 'TypeError');
    assert.match(startup!.error!.message, /payload must be a dictionary/);
    assert.equal(result.expectations.failed, 0);
  });

  it('refuses cyclic, huge and non-data writes with an error in the script, keeping earlier state', async () => {
    const result = await run(engine, 'events.py', `
def onStartup(session):
    session.custom.kept = "yes"
    loop = {}
    loop["self"] = loop
    try:
        session.custom.loop = loop
    except ValueError, e:
        system.util.getLogger("t").info("cyclic: %s" % e)
    try:
        session.custom.fn = lambda: 1
    except TypeError, e:
        system.util.getLogger("t").info("object: %s" % e)
    session.custom.big = "x" * 2000000
`, [{ open: '/' }, { expect: { 'custom.kept': 'yes' } }]);
    assert.match(logs(result)[0], /^cyclic: .*(cyclic|deeper)/);
    assert.match(logs(result)[1], /^object: cannot store a Python object in fn/);
    const startup = scripts(result).find((s) => s.name === 'onStartup');
    assert.equal(startup?.error?.type, 'ValueError');
    assert.match(startup!.error!.message, /too large for a property/);
    assert.equal(result.expectations.failed, 0);
    assert.deepEqual(Object.keys(result.sessions[0].custom as object), ['kept']);
  });

  it('reports an unknown user at login as a failed step, and the session goes on', async () => {
    const result = await run(engine, 'events.py', 'def onStartup(session):\n    pass\n', [
      { open: '/' }, { login: 'nobody' }, { expect: { 'props.auth.authenticated': false } },
    ]);
    assert.equal(result.expectations.failed, 1);
    assert.match(result.expectations.failures[0].message, /scenario\.json: step 2: login as "nobody" failed/);
    const auth = result.events.find((e) => e.kind === 'auth');
    assert.ok(auth?.kind === 'auth' && !auth.ok && /known users: admin, engineer, operator/.test(auth.reason ?? ''));
  });

  it('reports steps on a session that is not open, naming the scenario step', async () => {
    const result = await run(engine, 'events.py', 'def onStartup(session):\n    pass\n', [{ message: 'x', session: 'ghost' }]);
    assert.match(result.expectations.failures[0].message, /step 1: session "ghost" is not open/);
  });

  it('stops a runaway handler; the session keeps its state, handles the next message and still runs onLogin', async () => {
    const result = await run(engine, 'events.py', `
def configure_message_handlers():
    return {
        "spin": {"handler": "spin", "script": "def spin(session, payload):\\n    while True:\\n        try:\\n            pass\\n        except:\\n            pass\\n"},
        "count": {"handler": "count", "script": "def count(session, payload):\\n    session.custom.n += 1\\n"},
    }

def initialize_custom_properties():
    return {"n": 0}

def configure_auth_events():
    def onLogin(session):
        session.custom.n += 10
    return {"onLogin": onLogin}
`, [{ open: '/' }, { message: 'count' }, { message: 'spin' }, { message: 'count' }, { login: 'admin' }, { expect: { 'custom.n': 12 } }]);
    const spin = scripts(result).find((s) => s.name === 'message spin' && s.event !== 'load');
    assert.equal(spin?.error?.cause, 'timeout');
    assert.equal(result.expectations.failed, 0);
  });

  it('keeps every session prop when a handler ends the interpreter or asks it to exit, and runs the next message', async () => {
    const result = await run(engine, 'events.py', `
def configure_message_handlers():
    return {
        "exit": {"handler": "leave", "script": "import os\\ndef leave(session, payload):\\n    os._exit(3)\\n"},
        "count": {"handler": "count", "script": "def count(session, payload):\\n    session.custom.n += 1\\n"},
    }

def initialize_custom_properties():
    return {"n": 0}
`, [{ open: '/' }, { message: 'count' }, { write: { 'custom.kept': 'yes' } }, { message: 'exit' }, { message: 'count' }, { expect: { 'custom.n': 2, 'custom.kept': 'yes' } }]);
    const exit = scripts(result).find((s) => s.name === 'message exit' && s.event !== 'load');
    // Pyodide's interpreter ends and is replaced; Jython refuses the exit at its line, as a gateway would have died.
    assert.equal(exit?.status, 'error');
    assert.match(`${exit?.error?.type}: ${exit?.error?.message}`, /^(EngineCrash: .*|SystemExit: os\._exit\(3\) would stop the whole gateway.*)$/);
    assert.deepEqual(result.expectations.failures, []);
  });

  it('passes bytes that are not UTF-8 from one handler to another as one character per byte', async () => {
    const result = await run(engine, 'events.py', `
def configure_message_handlers():
    return {
        "send": {"handler": "send", "script": "def send(session, payload):\\n    system.util.sendMessage('periscope', 'keep', {'raw': '\\\\xff\\\\xfeok'}, scope='S')\\n"},
        "keep": {"handler": "keep", "script": "def keep(session, payload):\\n    session.custom.raw = payload['raw']\\n    session.custom.size = len(payload['raw'])\\n"},
    }
`, [{ open: '/' }, { message: 'send' }, { expect: { 'custom.raw': '\u00ff\u00feok', 'custom.size': 4 } }]);
    assert.deepEqual(result.expectations.failures, []);
  });

  it('fails a handler nested 5,000 calls deep where it loads, as Jython does, and runs the next handler', async () => {
    const deep = `${'str('.repeat(5000)}1${')'.repeat(5000)}`;
    const result = await run(engine, 'events.py', `
def configure_message_handlers():
    return {
        "deep": {"handler": "deep", "script": "def deep(session, payload):\\n    session.custom.deep = ${deep}\\n"},
        "fine": {"handler": "fine", "script": "def fine(session, payload):\\n    session.custom.fine = True\\n"},
    }
`, [{ open: '/' }, { message: 'deep' }, { message: 'fine' }, { expect: { 'custom.fine': true } }]);
    assert.deepEqual(result.internalFailures, []);
    assert.deepEqual(result.expectations.failures, []);
    // Jython's compiler overflows the JVM's stack; CPython's tokenizer stops at 200 open brackets.
    const failed = scripts(result).filter((s) => s.status === 'error').map((s) => `${s.name}: ${s.error?.type}: ${s.error?.message}`);
    assert.deepEqual(failed, [testEngine.name === 'jython'
      ? 'message deep: RuntimeError: maximum recursion depth exceeded (Java StackOverflowError)'
      : 'message deep: SyntaxError: too many nested parentheses']);
  });

  it('rejects a malformed document with the file and line before running anything', async () => {
    const dir = write({ 'scripts.md': '# Scripts\n\n```python\ndef onStartup(session):\n    pass\n' });
    await assert.rejects(simulate({ source: join(dir, 'scripts.md'), engine }), (e: unknown) =>
      e instanceof InputError && /scripts\.md:3:1: the ```python block opened here is never closed/.test(e.message));
  });
});
