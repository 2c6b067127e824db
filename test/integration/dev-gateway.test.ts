// The dev gateway over real HTTP and WebSocket on the seed: client page frames, the inspector endpoint, and the
// security rules (loopback, Origin, Host, token, bounded frames), each with what a misbehaving client gets.
import { strict as assert } from 'node:assert';
import { request as httpRequest } from 'node:http';
import { resolve } from 'node:path';
import { WebSocket } from 'ws';
import { startDevGateway, type DevGateway } from '../../shared/dev-gateway/gateway';
import { webSocketTransport } from '../../shared/dev-gateway/ws-transport';
import { createPyodideEngine } from '../../shared/engine/pyodide';
import { InspectorClient } from '../../shared/inspector/client';
import { InspectorServer } from '../../shared/inspector/server';
import { EngineHost } from '../../shared/runtime/engine-host';
import type { Runtime } from '../../shared/runtime/runtime';
import { openRuntime } from '../../shared/runtime/simulation';

const ROOT = resolve(import.meta.dirname, '../..');
const SEED = resolve(ROOT, 'examples/seed');

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

function get(url: string, headers: Record<string, string> = {}, method = 'GET'): Promise<Reply> {
  return new Promise((done, fail) => {
    const req = httpRequest(url, { method, headers }, (res) => {
      let body = '';
      res.on('data', (chunk) => (body += chunk));
      res.on('end', () => done({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', fail);
    req.end();
  });
}

/** A client page's socket, as a test drives it: frames out, frames in (parsed), by type. */
class Page {
  readonly frames: Array<{ type: string; body: Record<string, unknown> }> = [];
  private waiters: Array<() => void> = [];

  private constructor(readonly socket: WebSocket) {
    socket.on('message', (data) => {
      const text = data.toString();
      const colon = text.indexOf(':');
      this.frames.push({ type: text.slice(0, colon), body: JSON.parse(text.slice(colon + 1)) });
      for (const wake of this.waiters.splice(0)) wake();
    });
  }

  static open(url: string, origin?: string): Promise<Page> {
    const socket = new WebSocket(url, origin ? { origin } : {});
    return new Promise((done, fail) => {
      socket.once('open', () => done(new Page(socket)));
      socket.once('unexpected-response', (_req, res) => fail(new Error(`HTTP ${res.statusCode}`)));
      socket.once('error', fail);
    });
  }

  /** A page opened on `url` that has started (or joined) its session on /home. */
  static async started(url: string): Promise<Page> {
    const page = await Page.open(url);
    page.send('client-start:{"route":"/home"}');
    await page.next('session-init');
    return page;
  }

  send(text: string): void {
    this.socket.send(text);
  }

  /** The next frame of `type` after the first `skip` of them. */
  async next(type: string, skip = 0): Promise<Record<string, unknown>> {
    for (;;) {
      const found = this.frames.filter((f) => f.type === type)[skip];
      if (found) return found.body;
      await new Promise<void>((wake) => this.waiters.push(wake));
    }
  }
}

describe('the dev gateway over HTTP and WebSocket', function () {
  let engine: EngineHost;
  let runtime: Runtime;
  let gateway: DevGateway;
  let pws: string;

  before(async () => { engine = await EngineHost.start(createPyodideEngine); });
  after(async () => { await engine.dispose(); });
  beforeEach(async () => {
    runtime = await openRuntime({ source: SEED, engine });
    const inspector = new InspectorServer(runtime, { source: SEED });
    gateway = await startDevGateway({ inspector, host: '127.0.0.1', port: 0, inspectorEndpoint: true, assets: resolve(ROOT, 'dist') });
    pws = `ws://127.0.0.1:${gateway.port}/system/pws/default`;
  });
  afterEach(async () => {
    await gateway.close('test over');
    await runtime.dispose();
  });

  function inspectorOver(url: string, origin?: string): Promise<InspectorClient> {
    const socket = new WebSocket(url, origin ? { origin } : {});
    return new Promise((done, fail) => {
      socket.once('open', () => done(new InspectorClient(webSocketTransport(socket))));
      socket.once('unexpected-response', (_req, res) => fail(new Error(`HTTP ${res.statusCode}`)));
    });
  }

  it('serves the client page with a session cookie, its bootstrap and the inspector address', async () => {
    const page = await get(gateway.clientUrl('/home'));
    assert.equal(page.status, 200);
    const cookie = String(page.headers['set-cookie']);
    assert.match(cookie, /^periscope-session=[0-9a-f]{12}; Path=\/; HttpOnly; SameSite=Strict/);
    assert.match(page.body, /"route":"\/home"/);
    assert.ok(page.body.includes(`<meta name="periscope-inspector" content="${gateway.inspectorUrl!.replace(/&/g, '&amp;')}">`));
    const again = await get(gateway.clientUrl('/home'), { Cookie: cookie.split(';')[0] });
    assert.equal(String(again.headers['set-cookie']).split(';')[0], cookie.split(';')[0], 'the cookie joins the same session');
    assert.equal((await get(`${gateway.url}/res/periscope/client-page.js`)).status, 200);
  });

  it('opens a page per WebSocket, pushes script changes, and takes writes from the page', async () => {
    const page = await Page.open(`${pws}/tab1`);
    page.send('client-start:{"route":"/home"}');
    const init = await page.next('session-init');
    assert.equal(init.sessionId, 'tab1');
    assert.equal((init.sessionCustom as Record<string, unknown>).pageViews, 1);
    assert.equal((init.sessionProps as Record<string, unknown>).auth, undefined, 'PRIVATE props stay on the gateway');
    assert.equal((init.page as Record<string, unknown>).path, '/unauthorized');

    page.send('client-value-update:{"tree":"sessionCustom","path":"viewMode","value":"compact"}');
    assert.deepEqual(await page.next('value-update'), { tree: 'sessionCustom', path: 'viewMode', value: 'compact' });
    assert.ok(runtime.trace.events.some((e) => e.kind === 'prop' && e.path === 'custom.viewMode' && e.new === 'compact'));

    page.send('client-login:{"user":"admin","password":"admin-pass"}');
    assert.equal((await page.next('session-update')).user, 'admin');
    assert.equal((await page.next('page-update', 0)).path !== undefined, true);
    await runtime.settle();
    assert.equal(runtime.session('tab1')!.lastPage!.path, '/dashboard');
  });

  it('answers bad frames with an error frame and keeps the page connected, its session unchanged', async () => {
    const page = await Page.started(`${pws}/tab2`);
    const custom = structuredClone(runtime.session('tab2')!.custom);
    const props = structuredClone(runtime.session('tab2')!.props);
    page.send('gibberish');
    page.send('client-value-update:not json');
    page.send('client-value-update:{"tree":"sessionCustom","path":"x","value":{"__proto__":{"polluted":true}}}');
    page.send(`client-value-update:{"tree":"sessionCustom","path":"big","value":"${'x'.repeat(1_100_000)}"}`);
    page.send('client-value-update:{"tree":"sessionProps","path":"id","value":"stolen"}');
    const errors = await Promise.all([0, 1, 2, 3, 4].map((i) => page.next('error', i)));
    assert.match(String(errors[0].message), /unknown frame type "gibberish"/);
    assert.match(String(errors[1].message), /not JSON/);
    assert.match(String(errors[2].message), /"__proto__"/);
    assert.match(String(errors[3].message), /larger than 1048576/);
    assert.match(String(errors[4].message), /props\.id is SYSTEM/);
    assert.deepEqual(await page.next('value-update'), { tree: 'sessionProps', path: 'id', value: 'tab2' }, 'the refused write is put back on the page');
    page.send('keepalive:{}');
    await page.next('keepalive');
    assert.deepEqual(runtime.session('tab2')!.custom, custom);
    assert.deepEqual(runtime.session('tab2')!.props, props);
    assert.equal(({} as Record<string, unknown>).polluted, undefined);
  });

  it('logs in on the page the form is on, whichever page of the session was opened last', async () => {
    const first = await Page.started(`${pws}/tab8`);
    const second = await Page.started(`${pws}/tab8`);
    first.send('client-login:{"user":"admin","password":"admin-pass"}');
    await first.next('session-update');
    await runtime.settle();
    assert.deepEqual(runtime.session('tab8')!.pages.map((p) => p.path), ['/dashboard', '/unauthorized'], 'onLogin navigated the page that logged in');
    second.socket.close();
    while (!runtime.session('tab8')!.page('tab8-p2')!.closed) await new Promise((done) => setTimeout(done, 10));
    assert.equal(runtime.session('tab8')!.lastPage!.id, 'tab8-p1', 'with its last page gone, the session goes on with the other one');
  });

  it('closes the page when its tab goes away mid-message, and a reload joins the same session', async () => {
    const first = await Page.started(`${pws}/tab3`);
    first.send('client-value-update:{"tree":"sessionCustom","path":"viewMode","value":"compact"}');
    first.socket.terminate();
    const second = await Page.open(`${pws}/tab3`);
    second.send('client-start:{"route":"/home"}');
    const init = await second.next('session-init');
    await runtime.settle();
    const session = runtime.session('tab3')!;
    assert.deepEqual(session.pages.map((p) => [p.id, p.closed]), [['tab3-p1', true], ['tab3-p2', false]]);
    assert.equal(init.pageId, 'tab3-p2');
    assert.equal(runtime.trace.events.filter((e) => e.session === 'tab3' && e.kind === 'session' && e.action === 'open').length, 1, 'Startup ran once');
    assert.equal(session.custom.viewMode, 'compact', 'the write sent before the tab went away was not lost');
  });

  it('refuses WebSockets and state changes from another origin, and requests for another host', async () => {
    await assert.rejects(Page.open(`${pws}/tab4`, 'http://evil.example'), /HTTP 403/);
    await assert.rejects(inspectorOver(gateway.inspectorUrl!, 'http://evil.example'), /HTTP 403/);
    assert.equal((await get(`${gateway.url}/`, { Origin: 'http://evil.example' }, 'POST')).status, 403);
    assert.equal((await get(`${gateway.url}/`, { Host: `evil.example:${gateway.port}` })).status, 421, 'a rebound name gets nothing');
    assert.equal(runtime.sessions.size, 0, 'no session was started');
    const own = await Page.open(`${pws}/tab5`, gateway.url);
    own.send('client-start:{"route":"/home"}');
    await own.next('session-init');
  });

  it('lets only holders of the run\'s token use the inspector endpoint, and tells only the extension that token', async () => {
    await assert.rejects(inspectorOver(gateway.inspectorUrl!.replace(/token=[^&]+/, 'token=guess')), /HTTP 401/);
    await assert.rejects(inspectorOver(gateway.inspectorUrl!.replace(/\?.*$/, '')), /HTTP 401/);
    const fromPage = await get(`${gateway.url}/system/periscope/inspector-token`, { Origin: gateway.url });
    assert.equal(fromPage.status, 403);
    const fromExtension = await get(`${gateway.url}/system/periscope/inspector-token`, { Origin: 'chrome-extension://abcdefghijklmnop' });
    assert.equal(fromExtension.status, 200);
    assert.equal(JSON.parse(fromExtension.body).url, gateway.inspectorUrl);
    const byPost = await get(`${gateway.url}/system/periscope/inspector-token`, { Origin: 'chrome-extension://abcdefghijklmnop' }, 'POST');
    assert.equal(JSON.parse(byPost.body).url, gateway.inspectorUrl, 'the panel asks by POST, where Chrome sends its Origin');
    assert.equal((await get(`${gateway.url}/system/periscope/inspector-token`, { Origin: gateway.url }, 'POST')).status, 403);
    assert.equal((await get(`${gateway.url}/system/periscope/inspector-token`, {}, 'POST')).status, 403, 'no Origin is no extension');
    const inspector = await inspectorOver(gateway.inspectorUrl!, 'chrome-extension://abcdefghijklmnop');
    assert.equal((await inspector.request('hello', {})).project.name, 'default');
    inspector.close();
  });

  it('behaves like a real gateway\'s client page with the inspector endpoint off', async () => {
    await gateway.close('restarting without the inspector');
    gateway = await startDevGateway({ inspector: new InspectorServer(runtime, { source: SEED }), host: '127.0.0.1', port: 0, inspectorEndpoint: false, assets: resolve(ROOT, 'dist') });
    assert.equal(gateway.inspectorUrl, undefined);
    const page = await get(gateway.clientUrl('/home'));
    assert.ok(!page.body.includes('periscope-inspector'), 'no inspector address on the page');
    await assert.rejects(inspectorOver(`ws://127.0.0.1:${gateway.port}/system/periscope/inspector?token=x`), /HTTP 404/);
    assert.equal((await get(`${gateway.url}/system/periscope/inspector-token`, { Origin: 'chrome-extension://abcdefghijklmnop' })).status, 403);
    const tab = await Page.open(`ws://127.0.0.1:${gateway.port}/system/pws/default/tab7`);
    tab.send('client-start:{"route":"/home"}');
    assert.equal((await tab.next('session-init')).sessionId, 'tab7');
  });

  /** A raw socket on the inspector endpoint: frames as sent, replies parsed in the order they come. */
  async function rawInspector(): Promise<{ socket: WebSocket; replies: Array<Record<string, unknown>>; reply(n: number): Promise<Record<string, unknown>> }> {
    const socket = new WebSocket(gateway.inspectorUrl!);
    const replies: Array<Record<string, unknown>> = [];
    const waiters: Array<() => void> = [];
    socket.on('message', (data) => {
      replies.push(JSON.parse(data.toString()) as Record<string, unknown>);
      for (const wake of waiters.splice(0)) wake();
    });
    await new Promise((done) => socket.once('open', done));
    return {
      socket, replies,
      async reply(n) {
        while (replies.length <= n) await new Promise<void>((wake) => waiters.push(wake));
        return replies[n];
      },
    };
  }

  it('answers each bad inspector frame with an error reply on the same connection, and no session changes', async () => {
    await Page.started(`${pws}/tab9`);
    const custom = structuredClone(runtime.session('tab9')!.custom);
    const props = structuredClone(runtime.session('tab9')!.props);
    const raw = await rawInspector();
    const request = (id: number, type: string, params: unknown) => JSON.stringify({ v: 1, id, type, params });
    raw.socket.send('not json');
    raw.socket.send(Buffer.from([0xff, 0x00, 0x7b]));
    raw.socket.send(request(3, 'write', { session: 'tab9', path: 'custom.big', value: 'x'.repeat(1_100_000) }));
    raw.socket.send(request(4, 'teleport', {}));
    raw.socket.send(JSON.stringify({ v: 9, id: 5, type: 'hello', params: {} }));
    raw.socket.send(request(6, 'write', { session: 'tab9', path: 'custom.x', value: JSON.parse('{"a": [{"constructor": {"prototype": 1}}]}') }));
    raw.socket.send(request(7, 'send', { session: 'tab9', message: 'updatePreference', handler: 'session', payload: JSON.parse('{"name": "theme", "value": {"prototype": {"polluted": true}}}') }));
    raw.socket.send(request(8, 'write', { session: 'tab9', path: 'custom.constructor.prototype', value: 1 }));
    raw.socket.send(request(9, 'write', { session: 'tab9', path: 'props.id', value: 'stolen' }));
    raw.socket.send(request(10, 'write', { session: 'tab9', path: 'custom.pageViews', value: 1, extra: true }));
    raw.socket.send(request(11, 'hello', {}));
    // Frames that could not be read are answered at once, in order; requests are answered as they finish, by id.
    await raw.reply(10);
    const said = raw.replies.map((r) => (r.ok ? `${r.id} ok` : `${r.id} ${(r.error as { code: string }).code}: ${(r.error as { message: string }).message}`));
    const to = (id: number | null) => said.filter((line) => line.startsWith(`${id} `));
    assert.equal(to(null).length, 3);
    assert.match(to(null)[0], /^null bad-frame: the frame is not JSON/);
    assert.match(to(null)[1], /^null bad-frame: the frame is not JSON/, 'a binary frame is read as text, and is not JSON');
    assert.match(to(null)[2], /^null bad-frame: the frame is larger than 1048576 bytes/);
    assert.match(to(4)[0], /^4 unknown-request: unknown request type "teleport"/);
    assert.match(to(5)[0], /^5 unsupported-version: this server speaks inspector protocol version 1, not 9/);
    assert.match(to(6)[0], /^6 bad-frame: the key "constructor" \(at params\.value\.a\.0\.constructor\) cannot be used/);
    assert.match(to(7)[0], /^7 bad-frame: the key "prototype" \(at params\.payload\.value\.prototype\) cannot be used/);
    assert.match(to(8)[0], /^8 bad-params: write: 'constructor' cannot be used as a property name/);
    assert.match(to(9)[0], /^9 refused: .*props\.id is SYSTEM/);
    assert.match(to(10)[0], /^10 bad-params: write: unknown param "extra"/);
    assert.deepEqual(to(11), ['11 ok'], 'the connection still answers');
    await runtime.settle();
    assert.deepEqual(runtime.session('tab9')!.custom, custom);
    assert.deepEqual(runtime.session('tab9')!.props, props);
    assert.equal(({} as Record<string, unknown>).polluted, undefined);
    raw.socket.close();
  });

  it('closes only the inspector socket that sends more than the socket bounds, and goes on serving', async () => {
    const raw = await rawInspector();
    const closed = new Promise<number>((done) => raw.socket.once('close', (code) => done(code)));
    raw.socket.send('x'.repeat(17 * 1024 * 1024));
    assert.equal(await closed, 1009, 'message too big');
    const page = await Page.open(`${pws}/tab10`);
    page.send('client-start:{"route":"/home"}');
    assert.equal((await page.next('session-init')).sessionId, 'tab10');
    const inspector = await inspectorOver(gateway.inspectorUrl!);
    assert.equal((await inspector.request('hello', {})).project.name, 'default');
    inspector.close();
  });

  it('finishes a step whose inspector went away before the reply, and keeps its effect', async () => {
    const page = await Page.started(`${pws}/tab11`);
    const raw = await rawInspector();
    const handled = new Promise<void>((done) => {
      const stop = runtime.trace.subscribe((item) => {
        if (item.type === 'event' && item.event.kind === 'message' && item.event.session === 'tab11') {
          stop();
          done();
        }
      });
    });
    raw.socket.send(JSON.stringify({ v: 1, id: 1, type: 'send', params: { session: 'tab11', message: 'updatePreference', handler: 'session', payload: { name: 'theme', value: 'dark' } } }));
    await handled;
    raw.socket.terminate();
    assert.deepEqual(await page.next('value-update'), { tree: 'sessionCustom', path: 'preferences.theme', value: 'dark' });
    await runtime.settle();
    assert.equal((runtime.session('tab11')!.custom.preferences as Record<string, unknown>).theme, 'dark');
    const inspector = await inspectorOver(gateway.inspectorUrl!);
    assert.equal((await inspector.request('read', { session: 'tab11', path: 'custom.preferences.theme' })).value, 'dark');
    inspector.close();
  });

  it('answers requests past an inspector\'s rate with a rate-limited error each, and keeps the connection', async () => {
    const raw = await rawInspector();
    const burst = 1_000;
    for (let id = 1; id <= burst; id++) raw.socket.send(JSON.stringify({ v: 1, id, type: 'hello', params: {} }));
    await raw.reply(burst - 1);
    const refused = raw.replies.filter((r) => !r.ok);
    assert.ok(refused.length > 0, 'a burst far past the allowance is refused in part');
    assert.equal(raw.replies.filter((r) => r.ok).length + refused.length, burst, 'every request gets one reply');
    assert.deepEqual(new Set(refused.map((r) => JSON.stringify(r.error))), new Set([JSON.stringify({ code: 'rate-limited', message: 'more than 200 requests a second; slow down and retry' })]));
    // The allowance comes back with time: the same connection is answered again.
    for (let id = burst + 1; ; id++) {
      raw.socket.send(JSON.stringify({ v: 1, id, type: 'hello', params: {} }));
      const reply = await raw.reply(raw.replies.length);
      if (reply.ok) break;
      await new Promise((wake) => setTimeout(wake, 50));
    }
    raw.socket.close();
  });

  it('answers page frames past the page\'s rate with an error each, acting on none of them, and keeps the page', async () => {
    const page = await Page.started(`${pws}/tab12`);
    const burst = 1_000;
    for (let i = 0; i < burst; i++) page.send('keepalive:{}');
    const answered = () => page.frames.filter((f) => f.type === 'keepalive' || (f.type === 'error' && /frames a second/.test(String(f.body.message))));
    while (answered().length < burst) await new Promise((wake) => setTimeout(wake, 20));
    const limited = answered().filter((f) => f.type === 'error');
    assert.ok(limited.length > 0, 'a burst far past the allowance is refused in part');
    assert.equal(limited[0].body.message, 'more than 100 frames a second; this one was not acted on');
    assert.equal(answered().length, burst, 'every frame is answered once: acted on or refused');
    page.send('client-value-update:{"tree":"sessionCustom","path":"viewMode","value":"compact"}');
    for (;;) {
      const update = page.frames.find((f) => f.type === 'value-update' && f.body.path === 'viewMode');
      if (update) break;
      await new Promise((wake) => setTimeout(wake, 50));
      page.send('client-value-update:{"tree":"sessionCustom","path":"viewMode","value":"compact"}');
    }
    await runtime.settle();
    assert.equal(runtime.session('tab12')!.custom.viewMode, 'compact', 'the page is still served once its rate allows');
  });

  it('serves two inspectors of one session, and says goodbye to them when it stops', async () => {
    const page = await Page.started(`${pws}/tab6`);
    const [a, b] = await Promise.all([inspectorOver(gateway.inspectorUrl!), inspectorOver(gateway.inspectorUrl!)]);
    const seen: string[] = [];
    b.onEvent((frame) => frame.event === 'patch' && seen.push(frame.data.path));
    await b.request('subscribe', { session: 'tab6', events: false });
    await a.request('write', { session: 'tab6', path: 'custom.viewMode', value: 'compact' });
    assert.deepEqual(await page.next('value-update'), { tree: 'sessionCustom', path: 'viewMode', value: 'compact' });
    await b.request('hello', {});
    assert.deepEqual(seen, ['custom.viewMode']);
    const closing = new Promise((done) => a.onEvent((frame) => frame.event === 'closing' && done(frame.data)));
    const closed = new Promise<void>((done) => a.onClose(done));
    await gateway.close('restarting');
    assert.deepEqual(await closing, { reason: 'restarting' });
    await closed;
    gateway = await startDevGateway({ inspector: new InspectorServer(runtime, { source: SEED }), host: '127.0.0.1', port: gateway.port, inspectorEndpoint: true, assets: resolve(ROOT, 'dist') });
    const back = await inspectorOver(gateway.inspectorUrl!);
    assert.equal((await back.request('read', { session: 'tab6', path: 'custom.viewMode' })).value, 'compact', 'the session kept its data across the restart');
    back.close();
  });
});
