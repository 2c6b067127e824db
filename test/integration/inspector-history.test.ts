// A live runtime keeps a bounded history (`periscope serve --history N`): its memory stays bounded under any load,
// stateAt, exportScenario and a late subscriber reach as far back as the kept history, and asking further back gets
// a `dropped` error that says how far back the server reaches.
import { strict as assert } from 'node:assert';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createPyodideEngine } from '../../shared/engine/pyodide';
import type { InspectorClient } from '../../shared/inspector/client';
import type { EventFrame } from '../../shared/inspector/protocol';
import { InspectorServer } from '../../shared/inspector/server';
import { InspectorStore } from '../../shared/inspector/store';
import { EngineHost } from '../../shared/runtime/engine-host';
import type { Runtime } from '../../shared/runtime/runtime';
import { refusal } from '../support/inspector';
import { openRuntime } from '../../shared/runtime/simulation';

const DOCUMENT = `# Ticks

\`\`\`python
def initialize_custom_properties():
    return {"count": 0}

def configure_message_handlers():
    return {"tick": {"handler": "onTick", "scope": "session"}}

def onTick(session, payload):
    session.custom.count = payload["n"]
\`\`\`
`;

const HISTORY = 60;

describe('an inspector server keeping a bounded history', function () {
  let engine: EngineHost;
  let source: string;
  let runtime: Runtime;
  let server: InspectorServer;
  let inspector: InspectorClient;

  before(async () => {
    engine = await EngineHost.start(createPyodideEngine);
    const folder = mkdtempSync(join(tmpdir(), 'periscope-history-'));
    source = join(folder, 'ticks.md');
    writeFileSync(source, DOCUMENT);
    writeFileSync(join(folder, 'periscope.json'), JSON.stringify({ users: [{ username: 'admin', password: 'admin-pass', roles: ['Administrator'] }], pages: { '/': {}, '/other': {} } }));
  });
  after(async () => { await engine.dispose(); });
  beforeEach(async () => {
    runtime = await openRuntime({ source, engine });
    server = new InspectorServer(runtime, { source, history: HISTORY });
    inspector = server.connectInProcess();
  });
  afterEach(async () => { await runtime.dispose(); });

  /** A session that logs in and opens a popup first, then handles `ticks` messages: its start leaves the history. */
  async function longSession(ticks: number): Promise<{ session: string; page: string; loggedIn: number }> {
    const { session, page } = await inspector.request('open', { path: '/' });
    await inspector.request('login', { session, user: 'admin', password: 'admin-pass' });
    const loggedIn = runtime.trace.lastSeq;
    for (let n = 1; n <= ticks; n++) await inspector.request('send', { session, message: 'tick', payload: { n }, handler: 'session' });
    return { session, page, loggedIn };
  }

  it('keeps between the cap and a tenth more of the latest events, says so in hello, and never numbers twice', async () => {
    await longSession(200);
    const { events } = runtime.trace;
    assert.ok(events.length >= HISTORY && events.length < HISTORY * 1.1 + 1, `${events.length} events kept`);
    assert.equal(events[events.length - 1].seq, runtime.trace.lastSeq);
    assert.ok(events.every((e, i) => i === 0 || e.seq === events[i - 1].seq + 1), 'consecutive seqs');
    const hello = await inspector.request('hello', {});
    assert.deepEqual(hello.history, { events: HISTORY, firstSeq: events[0].seq });
    assert.ok(server.recorder.dropped > 0 && server.recorder.count === 202, 'every step counted, the oldest dropped');
  });

  it('answers trace and subscribe from the oldest event kept, and refuses older ones with a dropped error', async () => {
    await longSession(100);
    const first = runtime.trace.firstSeq;
    const refused = await refusal(inspector.request('trace', { after: 0 }));
    assert.equal(refused.code, 'dropped');
    assert.equal(refused.message, `trace needs trace events from 1, but this server keeps only the last ${HISTORY} (periscope serve --history); the oldest it holds is ${first}, so ask from ${first - 1} on`);
    const kept = await inspector.request('trace', { after: first - 1 });
    assert.deepEqual(kept.events.map((e) => e.seq), runtime.trace.events.map((e) => e.seq));
    assert.equal((await refusal(inspector.request('subscribe', { after: first - 2 }))).code, 'dropped');
    const frames: EventFrame[] = [];
    inspector.onEvent((frame) => frames.push(frame));
    await inspector.request('subscribe', { after: first - 1, patches: false });
    await new Promise((resolve) => setImmediate(resolve));
    assert.deepEqual(frames.map((f) => f.event === 'trace' && f.data.seq), runtime.trace.events.map((e) => e.seq));
  });

  it('rebuilds a session at any kept event from what the dropped events built: its user and pages', async () => {
    const { session, page } = await inspector.request('open', { path: '/' });
    const second = await inspector.request('open', { session, path: '/other' });
    await inspector.request('close', { session, page: second.page });
    await inspector.request('login', { session, page, user: 'admin', password: 'admin-pass' });
    for (let n = 1; n <= 60; n++) await inspector.request('send', { session, message: 'tick', payload: { n }, handler: 'session' });
    const middle = runtime.trace.lastSeq;
    for (let n = 61; n <= 70; n++) await inspector.request('send', { session, message: 'tick', payload: { n }, handler: 'session' });
    const opened = runtime.trace.events.find((e) => e.kind === 'session' || e.kind === 'auth' || e.kind === 'page');
    assert.equal(opened, undefined, 'the session\'s opening, pages and login are no longer kept');
    assert.ok(runtime.trace.firstSeq <= middle, 'the middle is kept');
    const then = (await inspector.request('stateAt', { seq: middle, session })).sessions[0];
    assert.equal((then.custom as { count: number }).count, 60);
    assert.equal(then.user, 'admin');
    assert.deepEqual(then.pages.map((p) => [p.id, p.closed]), [[page, false], [second.page, true]]);
    assert.equal(then.lastPage, second.page);
    const refused = await refusal(inspector.request('stateAt', { seq: 1, session }));
    assert.equal(refused.code, 'dropped');
    assert.match(refused.message, /^stateAt needs trace events from 2, but this server keeps only the last 60/);
  });

  it('refuses to export a recording whose first steps were dropped, and exports one that fits', async () => {
    await longSession(10);
    assert.equal((await inspector.request('exportScenario', {})).steps, 12);
    await longSession(80);
    const refused = await refusal(inspector.request('exportScenario', {}));
    assert.equal(refused.code, 'dropped');
    assert.match(refused.message, /^the recording no longer holds its first \d+ steps .* restart serve with a larger --history/);
  });

  it('lets a store that wants more history than the server keeps start from what the server has', async () => {
    await longSession(100);
    const store = new InspectorStore(server.connectInProcess(), { history: 10_000 });
    await store.start();
    assert.deepEqual(store.events.map((e) => e.seq), runtime.trace.events.map((e) => e.seq).slice(-store.events.length));
    assert.ok(store.events.length >= HISTORY);
  });
});
