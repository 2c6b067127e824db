// An inspector that reads more slowly than a script writes (the devtools panel under 100,000 log lines) gets every
// trace event, in order: the server sends only as fast as the reader takes frames, in batches, and holds the rest
// in its trace. Past its history cap it gives up the oldest waiting ones and says exactly how many.
import { strict as assert } from 'node:assert';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createPyodideEngine } from '../../shared/engine/pyodide';
import { InspectorClient } from '../../shared/inspector/client';
import { LIMITS } from '../../shared/inspector/protocol';
import { InspectorServer } from '../../shared/inspector/server';
import { InspectorStore } from '../../shared/inspector/store';
import { inProcessPair, type Transport } from '../../shared/inspector/transport';
import { EngineHost } from '../../shared/runtime/engine-host';
import type { Runtime } from '../../shared/runtime/runtime';
import { openRuntime } from '../../shared/runtime/simulation';

const DOCUMENT = `# Chatty

\`\`\`python
def configure_message_handlers():
    return {"spam": {"handler": "onSpam", "scope": "session"}, "nest": {"handler": "onNest", "scope": "session"}}

def onNest(session, payload):
    session.custom.prefs = {"theme": "light"}
    session.custom.prefs["theme"] = "dark"

def onSpam(session, payload):
    logger = system.util.getLogger("Chatty")
    for i in xrange(payload["rows"]):
        logger.info("row %d" % i)
\`\`\`
`;

/** The most a server's end may hold unread: the pacing threshold plus one frame sent just under it. */
const MOST_UNREAD = 262_144 + LIMITS.frameBytes;

interface SlowReader {
  client: InspectorClient;
  /** The most text the server's end had sent and the reader not yet taken, after any send. */
  mostUnread(): number;
  /** Frames the server sent. */
  frames(): number;
  /** Lets the reader go on, after `stall` held it. */
  resume(): void;
  stall(): void;
}

/**
 * An inspector that takes each frame only after the event loop has gone round once (a busy panel), and takes
 * none at all while stalled (a panel frozen by a long redraw).
 */
function slowReader(server: InspectorServer): SlowReader {
  const [near, far] = inProcessPair();
  let most = 0;
  let frames = 0;
  let stalled: Promise<void> = Promise.resolve();
  let resume = (): void => undefined;
  const watched: Transport = {
    ...far,
    send(frame) {
      far.send(frame);
      frames++;
      most = Math.max(most, far.backlog!());
    },
  };
  server.connect(watched);
  const slow: Transport = {
    ...near,
    onFrame(receiver) {
      near.onFrame(async (frame) => {
        await stalled;
        await new Promise<void>((wake) => setImmediate(wake));
        receiver(frame);
      });
    },
  };
  return {
    client: new InspectorClient(slow),
    mostUnread: () => most,
    frames: () => frames,
    stall: () => void (stalled = new Promise((wake) => (resume = wake))),
    resume: () => resume(),
  };
}

/** Resolves once the store holds (or was told it missed) every event up to `seq`. */
function caughtUp(store: InspectorStore, seq: number): Promise<void> {
  return new Promise((done) => {
    const check = (): void => {
      if ((store.events.at(-1)?.seq ?? 0) >= seq) {
        stop();
        done();
      }
    };
    const stop = store.onChange(check);
    check();
  });
}

describe('an inspector that reads more slowly than the scripts write', function () {
  let engine: EngineHost;
  let source: string;
  let runtime: Runtime | undefined;

  before(async () => {
    engine = await EngineHost.start(createPyodideEngine);
    const folder = mkdtempSync(join(tmpdir(), 'periscope-slow-'));
    source = join(folder, 'chatty.md');
    writeFileSync(source, DOCUMENT);
  });
  after(async () => { await engine.dispose(); });
  afterEach(async () => { await runtime?.dispose(); });

  async function spam(server: InspectorServer, rows: number): Promise<string> {
    const driver = server.connectInProcess();
    const { session } = await driver.request('open', { path: '/' });
    await driver.request('send', { session, message: 'spam', payload: { rows }, handler: 'session' });
    return session;
  }

  /**
   * A store over a slow reader, stalled while a handler logs 20,000 lines, then let go until it has caught up; the
   * seq it had before the lines.
   */
  async function floodedWhileStalled(history?: number): Promise<{ reader: SlowReader; store: InspectorStore; first: number; runtime: Runtime }> {
    const opened = (runtime = await openRuntime({ source, engine }));
    const server = new InspectorServer(opened, { source, ...(history !== undefined ? { history } : {}) });
    const reader = slowReader(server);
    const store = new InspectorStore(reader.client, { history: 100_000 });
    await store.start();
    const first = opened.trace.lastSeq;
    reader.stall();
    await spam(server, 20_000);
    reader.resume();
    await caughtUp(store, opened.trace.lastSeq);
    return { reader, store, first, runtime: opened };
  }

  it('gets every trace event in order, in batches, while the server holds back what it has not read', async () => {
    const { reader, store, first, runtime } = await floodedWhileStalled();

    const expected = runtime.trace.events.filter((e) => e.seq > first).map((e) => e.seq);
    assert.deepEqual(store.events.filter((e) => e.seq > first).map((e) => e.seq), expected);
    const rows = store.events.filter((e) => e.kind === 'log' && e.logger === 'Chatty').map((e) => (e.kind === 'log' ? e.message : ''));
    assert.deepEqual(rows, Array.from({ length: 20_000 }, (_, i) => `row ${i}`));
    assert.equal(store.missed, 0);
    assert.ok(reader.mostUnread() <= MOST_UNREAD, `at most ${MOST_UNREAD} unread at once, saw ${reader.mostUnread()}`);
    assert.ok(reader.frames() < expected.length / 4, `${expected.length} events came in ${reader.frames()} frames`);
  });

  it('past the history cap, gives up the oldest waiting events and says how many, keeping the rest in order', async () => {
    const history = 1_000;
    const { store, first, runtime } = await floodedWhileStalled(history);

    const produced = runtime.trace.lastSeq - first;
    const received = store.events.filter((e) => e.seq > first).map((e) => e.seq);
    assert.ok(store.missed > 0, 'some events were given up');
    assert.equal(received.length + store.missed, produced, 'every event is either received or counted as missed');
    assert.ok(received.every((seq, i) => i === 0 || seq > received[i - 1]), 'in order');
    assert.equal(received.at(-1), runtime.trace.lastSeq, 'the latest events are the ones kept');
    assert.ok(received.length >= Math.max(LIMITS.traceEvents, history), `kept at least what the server keeps waiting (${received.length})`);
  });

  it('gets each patch with the value it had when it was made, however late it reads it', async () => {
    runtime = await openRuntime({ source, engine });
    const server = new InspectorServer(runtime, { source });
    const reader = slowReader(server);
    const driver = server.connectInProcess();
    const { session } = await driver.request('open', { path: '/' });
    const patches: Array<[string, unknown]> = [];
    reader.client.onEvent((frame) => frame.event === 'patch' && frame.data.path.startsWith('custom.prefs') && patches.push([frame.data.path, frame.data.value]));
    await reader.client.request('subscribe', { session, batch: true });
    reader.stall();
    // Enough lines first that what follows waits in the server, not yet written out.
    await driver.request('send', { session, message: 'spam', payload: { rows: 5_000 }, handler: 'session' });
    await driver.request('send', { session, message: 'nest', payload: {}, handler: 'session' });
    reader.resume();
    await reader.client.request('hello', {});
    assert.deepEqual(patches, [['custom.prefs', { theme: 'light' }], ['custom.prefs.theme', 'dark']]);
  });

  it('tells a store that reconnects how many events the server dropped that its history would have kept', async () => {
    runtime = await openRuntime({ source, engine });
    const server = new InspectorServer(runtime, { source, history: 1_000 });
    await spam(server, 3_000);
    const store = new InspectorStore(server.connectInProcess(), { history: 100_000 });
    await store.start();

    assert.deepEqual(store.events.map((e) => e.seq), runtime.trace.events.map((e) => e.seq));
    assert.equal(store.missed, runtime.trace.firstSeq - 1, 'every event before the oldest kept');
    const small = new InspectorStore(server.connectInProcess(), { history: 500 });
    await small.start();
    assert.equal(small.missed, 0, 'a store keeping less than the server misses nothing it wanted');
  });
});
