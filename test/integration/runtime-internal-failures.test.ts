// A failure of the runtime itself during a session event is a bug in Periscope: the trace says so in one event
// without a JavaScript stack, the session goes on, and the command that ran it exits 3 with the stack in its report.
import { strict as assert } from 'node:assert';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { RunInternalFailures } from '../../shared/cli/internal-error';
import { commands } from '../../shared/cli/commands';
import type { Command } from '../../shared/cli/command';
import { main } from '../../shared/cli/main';
import { createPyodideEngine } from '../../shared/engine/pyodide';
import { EngineHost } from '../../shared/runtime/engine-host';
import { formatTrace } from '../../shared/runtime/format-text';
import { hostCalls } from '../../shared/runtime/host/index';
import { performStep } from '../../shared/runtime/run-scenario';
import type { Runtime } from '../../shared/runtime/runtime';
import { openRuntime } from '../../shared/runtime/simulation';
import { captureIo } from '../unit/cli.test';

const EVENTS = `
def onStartup(session):
    session.custom.started = True

def onPageStartup(page):
    page.session.custom.pages = page.session.custom.get("pages", 0) + 1
`;

/** A session event whose work fails inside the runtime, as a bug in a host handler or a helper would. */
async function failingEvent(runtime: Runtime, session: string): Promise<void> {
  await runtime.enqueue(session, async () => {
    const views = undefined as unknown as { open: string[] };
    views.open.push('Overview');
  });
}

describe('a failure of the runtime itself during a session', function () {
  let engine: EngineHost;
  let source: string;
  before(async () => {
    engine = await EngineHost.start(createPyodideEngine);
    source = join(mkdtempSync(join(tmpdir(), 'periscope-internal-')), 'events.py');
    writeFileSync(source, EVENTS);
  });
  after(async () => { await engine.dispose(); });

  it('is one internal event naming it a bug in Periscope, without a stack; the session runs its next events', async () => {
    const runtime = await openRuntime({ source, engine });
    try {
      await performStep(runtime, { kind: 'open', session: 's1', path: '/', device: 'desktop', index: 1 });
      await failingEvent(runtime, 's1');
      await performStep(runtime, { kind: 'open', session: 's1', path: '/', device: 'desktop', index: 2 });
      const internal = runtime.trace.events.filter((e) => e.kind === 'internal');
      assert.deepEqual(internal.map((e) => ({ session: e.session, message: e.kind === 'internal' && e.message })), [
        { session: 's1', message: "TypeError: Cannot read properties of undefined (reading 'open')" },
      ]);
      assert.equal(runtime.session('s1')?.custom.pages, 2);
      const text = formatTrace(runtime.trace.events);
      assert.match(text, /s1 {5}internal error \(a bug in Periscope, not in your project\): TypeError: Cannot read properties of undefined \(reading 'open'\); the session went on\n/);
      assert.doesNotMatch(text + JSON.stringify(runtime.trace.events), /\bat .*\.ts:\d+/);
      const [failure] = runtime.internal.failures;
      assert.equal(failure.seq, internal[0].seq);
      assert.match((failure.error as Error).stack ?? '', /\n\s+at .*runtime-internal-failures\.test\.ts:\d+/);
    } finally {
      await runtime.dispose();
    }
  });

  it('inside a system.* call: the script gets an error saying Periscope failed, and the run records the failure', async () => {
    // A handler with a bug, registered for this test only, reached as the runtime's Python modules reach theirs.
    hostCalls['test.broken'] = () => [1, 2].map(() => { throw new RangeError('Invalid array length'); });
    const dir = mkdtempSync(join(tmpdir(), 'periscope-internal-'));
    writeFileSync(join(dir, 'events.py'), 'import periscope_host\n\ndef onStartup(session):\n    session.custom.before = 1\n    periscope_host.call("test.broken")\n');
    const runtime = await openRuntime({ source: join(dir, 'events.py'), engine });
    try {
      await performStep(runtime, { kind: 'open', session: 's1', path: '/', device: 'desktop', index: 1 });
      const startup = runtime.trace.events.find((e) => e.kind === 'script' && e.name === 'onStartup' && e.event !== 'load');
      assert.ok(startup?.kind === 'script' && startup.error, 'onStartup failed');
      assert.deepEqual([startup.error.type, startup.error.line], ['RuntimeError', 5]);
      assert.equal(startup.error.message, 'Periscope failed to simulate this call (a bug in Periscope, not in this script): RangeError: Invalid array length');
      const internal = runtime.trace.events.filter((e) => e.kind === 'internal');
      assert.deepEqual(internal.map((e) => e.session), ['s1']);
      assert.deepEqual(runtime.internal.failures.map((f) => (f.error as Error).message), ['Invalid array length']);
      assert.equal(runtime.session('s1')?.custom.before, 1);
    } finally {
      delete hostCalls['test.broken'];
      await runtime.dispose();
    }
  });

  describe('in a command', () => {
    /** Runs a session with a failing event, prints its trace as simulate does, and ends as simulate ends. */
    const sessionCommand: Command = {
      name: 'session-with-a-bug',
      summary: 'runs a session whose runtime fails once',
      help: 'Usage: periscope session-with-a-bug',
      async run(_args, io) {
        const runtime = await openRuntime({ source, engine });
        try {
          await performStep(runtime, { kind: 'open', session: 's1', path: '/', device: 'desktop', index: 1 });
          await failingEvent(runtime, 's1');
          io.stdout(formatTrace(runtime.trace.events));
        } finally {
          await runtime.dispose();
        }
        if (runtime.internal.failures.length > 0) throw new RunInternalFailures(runtime.internal.failures);
        return 0;
      },
    };
    before(() => commands.push(sessionCommand));
    after(() => commands.splice(commands.indexOf(sessionCommand), 1));

    it('keeps the trace it printed, exits 3 with one line, and puts the stack in the crash report', async () => {
      const io = captureIo();
      assert.equal(await main(['session-with-a-bug'], io), 3);
      assert.match(io.out, /internal error \(a bug in Periscope, not in your project\)/);
      // One line per trace event, the first event's seq being 1.
      const seq = String(io.out.split('\n').findIndex((line) => /internal error/.test(line)) + 1);
      const lines = io.err.trimEnd().split('\n');
      assert.equal(lines.length, 1);
      const [, at, report] = /^periscope session-with-a-bug: internal error \(a bug in Periscope, not in your files\): the run hit an internal error, the first at trace event (\d+): TypeError: Cannot read properties of undefined \(reading 'open'\)\. Details in (\S+\.txt); run again with --debug to print the stack\.$/.exec(lines[0]) ?? [];
      assert.ok(report, lines[0]);
      assert.equal(at, seq);
      const details = readFileSync(report, 'utf8');
      rmSync(report);
      assert.match(details, new RegExp(`trace event ${at} \\(session s1\\):\\nTypeError: Cannot read properties of undefined \\(reading 'open'\\)\\n\\s+at .*runtime-internal-failures\\.test\\.ts:\\d+`));
    });

    it('prints the stack too with --debug', async () => {
      const io = captureIo();
      assert.equal(await main(['session-with-a-bug', '--debug'], io), 3);
      assert.match(io.err, /^trace event \d+ \(session s1\):\nTypeError: Cannot read properties of undefined \(reading 'open'\)\n\s+at .*runtime-internal-failures\.test\.ts:\d+/);
      rmSync(/Details in (\S+\.txt)\./.exec(io.err)![1]);
    });
  });
});
