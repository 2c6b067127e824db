// The inspector protocol over an in-process transport, on the seed's real scripts: what the devtools panel and the
// VS Code session view do to a live session, request by request.
import { strict as assert } from 'node:assert';
import { cpSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { createPyodideEngine } from '../../shared/engine/pyodide';
import type { InspectorClient } from '../../shared/inspector/client';
import { PROTOCOL_VERSION, type EventFrame } from '../../shared/inspector/protocol';
import { InspectorServer } from '../../shared/inspector/server';
import { InspectorStore } from '../../shared/inspector/store';
import { EngineHost } from '../../shared/runtime/engine-host';
import type { Runtime } from '../../shared/runtime/runtime';
import { parseScenario, readScenario } from '../../shared/runtime/scenario';
import { refusal } from '../support/inspector';
import { openRuntime, simulate } from '../../shared/runtime/simulation';

const SEED = resolve(import.meta.dirname, '../../examples/seed');

/** Sends raw text as a frame, as a buggy or hostile inspector would, and returns the reply. */
function rawExchange(server: InspectorServer, text: string): Promise<unknown> {
  return new Promise((done) => {
    const client = server.connectInProcess() as unknown as { transport: { send(t: string): void; onFrame(r: (t: string) => void): void } };
    client.transport.onFrame((reply) => done(JSON.parse(reply)));
    client.transport.send(text);
  });
}

describe('the inspector protocol on the seed', function () {
  let engine: EngineHost;
  let runtime: Runtime;
  let server: InspectorServer;
  let inspector: InspectorClient;

  before(async () => { engine = await EngineHost.start(createPyodideEngine); });
  after(async () => { await engine.dispose(); });
  beforeEach(async () => {
    runtime = await openRuntime({ source: SEED, engine });
    server = new InspectorServer(runtime, { source: SEED });
    inspector = server.connectInProcess();
  });
  afterEach(async () => { await runtime.dispose(); });

  it('says hello with the project, its pages, users (no passwords) and handlers', async () => {
    const hello = await inspector.request('hello', {});
    assert.equal(hello.protocol, PROTOCOL_VERSION);
    assert.deepEqual(hello.users.map((u) => u.username), ['admin', 'engineer', 'operator']);
    assert.ok(!JSON.stringify(hello).includes('admin-pass'));
    assert.deepEqual(hello.messageHandlers, ['refreshData', 'updatePreference']);
    assert.deepEqual(hello.idle, { timeoutMs: 900_000, warningMs: 60_000 });
    assert.ok(hello.requests.includes('stateAt') && hello.requests.includes('exportScenario'));
  });

  it('opens a session and shows its props with access levels and its custom props', async () => {
    const { session, page } = await inspector.request('open', { path: '/home' });
    const snapshot = await inspector.request('snapshot', { session });
    const state = snapshot.sessions[0];
    assert.equal(state.id, session);
    assert.equal(state.access.id, 'system');
    assert.equal(state.access.auth, 'private');
    assert.equal(state.access.theme, 'public');
    assert.equal((state.custom as Record<string, unknown>).pageViews, 1);
    assert.deepEqual(state.pages.map((p) => [p.id, p.path]), [[page, '/unauthorized']]);
    assert.ok(state.pages[0].readOnly.includes('path'));
  });

  it('writes a custom prop, traces it and pushes the patch; a SYSTEM prop is refused and nothing changes', async () => {
    const { session } = await inspector.request('open', { path: '/home' });
    const frames: EventFrame[] = [];
    inspector.onEvent((frame) => frames.push(frame));
    await inspector.request('subscribe', { session });
    await inspector.request('write', { session, path: 'custom.viewMode', value: 'compact' });
    const prop = frames.find((f) => f.event === 'trace' && f.data.kind === 'prop' && f.data.path === 'custom.viewMode');
    assert.ok(prop && prop.event === 'trace' && prop.data.kind === 'prop');
    assert.deepEqual([prop.data.old, prop.data.new], ['full', 'compact']);
    assert.ok(frames.some((f) => f.event === 'patch' && f.data.path === 'custom.viewMode' && f.data.value === 'compact'));

    const before = await inspector.request('snapshot', { session });
    const refused = await refusal(inspector.request('write', { session, path: 'props.id', value: 'hijacked' }));
    assert.equal(refused.code, 'refused');
    assert.match(refused.message, /props\.id is SYSTEM/);
    assert.deepEqual((await inspector.request('snapshot', { session })).sessions, before.sessions);
  });

  it('sends updatePreference to the session handler and the custom prop changes', async () => {
    const { session } = await inspector.request('open', { path: '/home' });
    await inspector.request('send', { session, message: 'updatePreference', payload: { name: 'theme', value: 'dark' }, handler: 'session' });
    const read = await inspector.request('read', { session, path: 'custom.preferences.theme' });
    assert.deepEqual(read, { found: true, value: 'dark' });
    const { events } = await inspector.request('trace', { session });
    assert.ok(events.some((e) => e.kind === 'script' && e.name === 'message updatePreference'));
  });

  it('logs in as admin and sees the navigation; a wrong password is refused with the reason', async () => {
    const { session } = await inspector.request('open', { path: '/home' });
    const wrong = await refusal(inspector.request('login', { session, user: 'admin', password: 'nope' }));
    assert.match(wrong.message, /login as "admin" failed/);
    await inspector.request('login', { session, user: 'admin', password: 'admin-pass' });
    const state = (await inspector.request('snapshot', { session })).sessions[0];
    assert.equal(state.user, 'admin');
    assert.equal(state.pages[0].path, '/dashboard');
  });

  it('advances the clock into the idle warning, and shows the state as it was before', async () => {
    const { session } = await inspector.request('open', { path: '/home' });
    await inspector.request('write', { session, path: 'custom.viewMode', value: 'compact' });
    const marker = (await inspector.request('trace', { session })).last;
    await inspector.request('write', { session, path: 'custom.viewMode', value: 'full' });
    const clock = await inspector.request('advance', { ms: 14 * 60_000, session });
    assert.equal(clock.time, 14 * 60_000);
    const now = (await inspector.request('snapshot', { session })).sessions[0];
    assert.deepEqual(now.pages[0].popups.map((p) => p.id), ['idle-warning']);

    const then = await inspector.request('stateAt', { seq: marker, session });
    assert.equal((then.sessions[0].custom as Record<string, unknown>).viewMode, 'compact');
    assert.deepEqual(then.sessions[0].pages[0].popups, []);
    assert.equal((await inspector.request('stateAt', { seq: 1, session })).sessions.length, 0, 'before the session opened it did not exist');
  });

  it('exports the steps as a scenario that periscope replays with every expectation passing', async () => {
    const { session } = await inspector.request('open', { path: '/home' });
    await inspector.request('login', { session, user: 'admin', password: 'admin-pass' });
    await inspector.request('send', { session, message: 'updatePreference', payload: { name: 'theme', value: 'dark' }, handler: 'session' });
    await inspector.request('write', { session, path: 'custom.viewMode', value: 'compact' });
    await inspector.request('advance', { ms: 10 * 60_000, session });
    await inspector.request('advance', { ms: 4 * 60_000, session });
    const second = await inspector.request('open', { session, path: '/home' });
    await inspector.request('navigate', { session, page: second.page, path: '/dashboard' });
    await inspector.request('close', { session, page: second.page });
    const exported = await inspector.request('exportScenario', { name: 'from the panel' });
    assert.equal(exported.steps, 8, 'advances in a row are one step');
    assert.ok(exported.text.includes('"advance": "840000ms"'));

    const file = join(mkdtempSync(join(tmpdir(), 'periscope-export-')), exported.fileName);
    writeFileSync(file, exported.text);
    const replay = await simulate({ source: SEED, scenario: await readScenario(file), engine });
    assert.deepEqual(replay.expectations.failures, []);
    assert.ok(replay.expectations.passed > 5);
  });

  it('ends a session the project\'s timeout after its last page went away, unless a page comes back', async () => {
    const { session, page } = await inspector.request('open', { path: '/home' });
    await inspector.request('close', { session, page });
    await inspector.request('advance', { ms: 899_000, session });
    const kept = await inspector.request('open', { session, path: '/home' });
    await inspector.request('advance', { ms: 2_000, session });
    assert.equal((await inspector.request('snapshot', { session })).sessions[0].closed, false, 'the new page kept it');
    await inspector.request('close', { session, page: kept.page });
    await inspector.request('advance', { ms: 900_000, session });
    const state = (await inspector.request('snapshot', { session })).sessions[0];
    assert.equal(state.closed, true);
    const { events } = await inspector.request('trace', { session });
    assert.ok(events.some((e) => e.kind === 'script' && e.name === 'onShutdown'));
    assert.ok(events.some((e) => e.kind === 'session' && e.action === 'close' && e.reason === 'session timeout: no page for 900 s'));
  });

  it('answers bad requests with errors and keeps serving the same connection', async () => {
    const { session } = await inspector.request('open', { path: '/home' });
    assert.equal((await refusal(inspector.request('nope' as 'hello', {}))).code, 'unknown-request');
    assert.equal((await refusal(inspector.request('write', { session, path: 'custom.x' } as never))).code, 'bad-params');
    assert.equal((await refusal(inspector.request('write', { session: 'ghost', path: 'custom.x', value: 1 }))).code, 'not-found');
    assert.equal((await refusal(inspector.request('write', { session, path: 'custom.__proto__.polluted', value: 1 }))).code, 'bad-params');
    const forbidden = await refusal(inspector.request('write', { session, path: 'custom.x', value: JSON.parse('{"__proto__": {"polluted": true}}') }));
    assert.equal(forbidden.code, 'bad-frame');
    assert.equal(({} as Record<string, unknown>).polluted, undefined);
    assert.deepEqual(await rawExchange(server, 'not json'), { v: PROTOCOL_VERSION, id: null, ok: false, error: { code: 'bad-frame', message: "the frame is not JSON: Unexpected token 'o', \"not json\" is not valid JSON" } });
    const reply = await rawExchange(server, JSON.stringify({ v: 2, id: 5, type: 'hello', params: {} })) as { error: { code: string } };
    assert.equal(reply.error.code, 'unsupported-version');
    const read = await inspector.request('read', { session, path: 'custom.x' });
    assert.deepEqual(read, { found: false, value: null }, 'no bad request wrote anything');
  });

  it('keeps two inspectors of one session in step', async () => {
    const { session } = await inspector.request('open', { path: '/home' });
    const other = server.connectInProcess();
    const first = new InspectorStore(inspector, { session });
    const second = new InspectorStore(other, { session });
    await Promise.all([first.start(), second.start()]);
    await other.request('write', { session, path: 'custom.viewMode', value: 'compact' });
    await inspector.request('hello', {});
    for (const store of [first, second]) assert.equal((store.sessions.get(session)!.custom as Record<string, unknown>).viewMode, 'compact');
  });

  it('loads nested data only when expanded', async () => {
    const { session } = await inspector.request('open', { path: '/home' });
    const big = Object.fromEntries(Array.from({ length: 50 }, (_, i) => [`line${i}`, { speed: i, alarms: [{ id: i }] }]));
    await inspector.request('write', { session, path: 'custom.plant', value: big });
    const store = new InspectorStore(inspector, { session, depth: 1 });
    await store.start();
    const custom = () => store.sessions.get(session)!.custom as Record<string, unknown>;
    assert.deepEqual(custom().plant, { $more: { path: 'custom.plant', kind: 'object', size: 50 } });
    await store.expand(session, 'custom.plant');
    assert.deepEqual((custom().plant as Record<string, unknown>).line7, { $more: { path: 'custom.plant.line7', kind: 'object', size: 2 } });
    await inspector.request('write', { session, path: 'custom.plant.line7', value: { speed: 99 } });
    await inspector.request('hello', {});
    assert.deepEqual((custom().plant as Record<string, unknown>).line7, { speed: 99 });
  });
});

describe('the inspector protocol firing device, sign-in and form events', function () {
  let engine: EngineHost;
  let runtime: Runtime;
  let inspector: InspectorClient;
  let folder: string;

  before(async () => {
    engine = await EngineHost.start(createPyodideEngine);
    folder = mkdtempSync(join(tmpdir(), 'periscope-inspector-fired-'));
    cpSync('test/fixtures/project-83', folder, { recursive: true });
    const perspective = join(folder, 'com.inductiveautomation.perspective');
    const event = (file: string, text: string) => {
      mkdirSync(dirname(join(perspective, file)), { recursive: true });
      writeFileSync(join(perspective, file), text);
    };
    event('bluetooth/onBluetoothReceived.py', 'def onBluetoothReceived(session, data):\n\tsession.custom.lastBluetooth = data["value"]\n');
    event('form-submission-handler/contact/resource.json', JSON.stringify({ scope: 'G', version: 1, files: ['handleSubmission.py'], attributes: { enabled: true } }));
    event('form-submission-handler/contact/handleSubmission.py', 'def handleSubmission(session, name, data, files, formContext, sessionContext, retry):\n\tsession.custom.lastForm = "%s from %s" % (name, data["email"])\n');
  });
  after(async () => { await engine.dispose(); });
  beforeEach(async () => {
    runtime = await openRuntime({ source: folder, engine });
    inspector = new InspectorServer(runtime, { source: folder }).connectInProcess();
  });
  afterEach(async () => { await runtime.dispose(); });

  it('fires them with their arguments by name, as a scenario step, and exports the steps that replay them', async () => {
    assert.equal((await inspector.request('hello', {})).revision, 3);
    const { session } = await inspector.request('open', { path: '/' });
    await inspector.request('event', { session, event: 'onBluetoothReceived', args: { data: { value: 'AA:01' } } });
    await inspector.request('event', { session, event: 'handleSubmission', name: 'contact', args: { data: { email: 'ada@example.com' } } });
    const read = (path: string) => inspector.request('read', { session, path });
    assert.deepEqual(await read('custom.lastBluetooth'), { found: true, value: 'AA:01' });
    assert.deepEqual(await read('custom.lastForm'), { found: true, value: 'contact from ada@example.com' });
    const exported = await inspector.request('exportScenario', {});
    const scenario = parseScenario(join(folder, exported.fileName), exported.text);
    assert.deepEqual(scenario.steps.filter((s) => s.kind === 'event').map((s) => s.kind === 'event' && [s.event, s.name]), [['onBluetoothReceived', undefined], ['handleSubmission', 'contact']]);
    const replay = await simulate({ source: folder, scenario, engine });
    assert.deepEqual(replay.expectations.failures, []);
  });

  it('refuses arguments the event does not take, a form without a name, and a handler the project does not have', async () => {
    const { session } = await inspector.request('open', { path: '/' });
    const wrongArg = await refusal(inspector.request('event', { session, event: 'onBluetoothReceived', args: { payload: 1 } }));
    assert.equal(wrongArg.code, 'bad-params');
    assert.match(wrongArg.message, /onBluetoothReceived takes data, not "payload"/);
    assert.match((await refusal(inspector.request('event', { session, event: 'handleSubmission' }))).message, /"name" names the form submission handler/);
    assert.equal((await refusal(inspector.request('event', { session, event: 'onSomething' as 'handleSubmission' }))).code, 'bad-params');
    const missing = await refusal(inspector.request('event', { session, event: 'handleSubmission', name: 'feedback' }));
    assert.equal(missing.code, 'refused');
    assert.match(missing.message, /no form submission handler "feedback"/);
  });
});
