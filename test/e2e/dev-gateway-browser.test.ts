// The dev gateway's client page in Debian's Chromium, served by the built `periscope serve examples/seed`: what a
// person sees and does, what the runtime traces, and what a page of another origin cannot do.
import { strict as assert } from 'node:assert';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser, Page } from 'playwright-core';
import type { InspectorClient } from '../../shared/inspector/client';
import { inspectorAt, launchChromium, serve, type Served } from '../support/serve';

/** The client page, loaded and started: its session id. */
async function openClient(page: Page, url: string): Promise<string> {
  // Patience, not a threshold: on a machine shared with other work a script run can take seconds.
  page.setDefaultTimeout(90_000);
  await page.goto(url);
  await page.waitForFunction(() => window.__client?.view.pageId !== undefined);
  return page.evaluate(() => window.__client.sessionId);
}

/** What the tests read in the page (they run there, typed here). */
declare const window: {
  __client: {
    sessionId: string;
    projectName: string;
    view: { pageId?: string; connected: boolean };
    connection: { webSocket: { send(text: string): void } };
    page: Record<'sessionProps' | 'sessionCustom' | 'pageProps', { read(path?: string): unknown; write(path: string, value: unknown): void; subscribe(listener: (change: unknown) => void): () => void; toPlainObject(): unknown }>;
  };
  __attack: Record<string, string>;
  __changes: unknown[];
};

describe('the client page of periscope serve, in Chromium', function () {
  this.timeout(120_000);
  let served: Served;
  let browser: Browser;
  let inspector: InspectorClient;

  before(async () => {
    [served, browser] = await Promise.all([serve(['examples/seed', '--port', '0']), launchChromium()]);
    inspector = await inspectorAt(served.inspectorUrl!);
  });
  after(async () => {
    inspector?.close();
    await browser?.close();
    await served?.stop();
  });

  it('shows the seed\'s custom props, and a write from window.__client reaches the runtime and its trace', async () => {
    const page = await browser.newPage();
    const session = await openClient(page, served.clientUrl);
    assert.equal(await page.evaluate(() => window.__client.page.sessionCustom.read('pageViews')), 1);
    assert.equal(await page.evaluate(() => window.__client.projectName), 'default');
    await page.locator('#session-custom').getByText('"userRole": "Operator"').waitFor();
    assert.equal(await page.locator('.route').textContent(), '/unauthorized', 'onPageStartup sent the operator away');

    await page.evaluate(() => window.__client.page.sessionCustom.write('viewMode', 'compact'));
    await served.waitFor(new RegExp(`${session}\\s+prop custom\\.viewMode: "full" → "compact"`));
    assert.deepEqual(await inspector.request('read', { session, path: 'custom.viewMode' }), { found: true, value: 'compact' });
    await page.close();
  });

  it('shows a change made by a script without a reload', async () => {
    const page = await browser.newPage();
    const session = await openClient(page, served.clientUrl);
    await page.evaluate(() => {
      window.__changes = [];
      window.__client.page.sessionCustom.subscribe((change) => window.__changes.push(change));
    });
    await inspector.request('send', { session, message: 'updatePreference', payload: { name: 'theme', value: 'dark' }, handler: 'session' });
    const changes = await page.waitForFunction(() => window.__changes.length > 0 && window.__changes).then((h) => h.jsonValue());
    assert.deepEqual(changes, [{ path: 'preferences.theme', value: 'dark' }]);
    await page.locator('#session-custom').getByText('"theme": "dark"').waitFor();
    await page.close();
  });

  it('logs in through the form, navigates, and shows the idle warning when the clock runs into it', async () => {
    const page = await browser.newPage();
    const session = await openClient(page, served.clientUrl);
    await page.getByRole('link', { name: 'Log in' }).click();
    await page.locator('select[name=user]').selectOption('admin');
    await page.locator('input[name=password]').fill('admin-pass');
    await page.getByRole('button', { name: 'Log in' }).click();
    await page.locator('.route', { hasText: '/dashboard' }).waitFor();
    await page.locator('.user', { hasText: 'admin' }).waitFor();
    assert.match(page.url(), /\/data\/perspective\/client\/default\/dashboard$/, 'the address bar follows the page');

    await inspector.request('advance', { ms: 14 * 60_000 + 1_000, session });
    await page.locator('.idle-warning').waitFor();
    assert.match(await page.locator('.view.popup').first().getAttribute('data-id') ?? '', /idle-warning/);
    await page.close();
  });

  it('keeps the session over a reload, closes the page with its tab, and refuses a SYSTEM prop and garbage', async () => {
    const page = await browser.newPage();
    const session = await openClient(page, served.clientUrl);
    await page.reload();
    await page.waitForFunction(() => window.__client?.view.pageId?.endsWith('-p2'));
    assert.equal(await page.evaluate(() => window.__client.sessionId), session, 'the cookie kept the session');
    await page.waitForFunction(() => window.__client.page.sessionCustom.read('pageViews') === 2);

    await page.evaluate(() => window.__client.page.sessionProps.write('id', 'stolen'));
    await page.locator('.error', { hasText: 'props.id is SYSTEM' }).waitFor();
    await page.waitForFunction((id) => window.__client.page.sessionProps.read('id') === id, session);
    await page.evaluate(() => window.__client.connection.webSocket.send('no-such-frame:{}'));
    await page.locator('.error', { hasText: 'unknown frame type "no-such-frame"' }).waitFor();
    assert.equal(await page.evaluate(() => window.__client.view.connected), true, 'still connected');

    await page.close();
    await served.waitFor(new RegExp(`${session}/p2\\s+page close`));
    const state = (await inspector.request('snapshot', { session })).sessions[0];
    assert.equal(state.closed, false, 'the session waits for its timeout');
    assert.deepEqual(state.pages.map((p) => p.closed), [true, true]);
  });

  it('lets a page of another origin neither drive a session nor run a script', async () => {
    const before = await inspector.request('snapshot', {});
    const { last } = await inspector.request('trace', {});
    const gateway = new URL(served.clientUrl).origin;
    const attack = `<!doctype html><html><body><script>
      const gw = ${JSON.stringify(gateway)};
      const ws = gw.replace('http', 'ws');
      const results = {};
      const socket = (url, first) => new Promise((done) => {
        const s = new WebSocket(url);
        s.onopen = () => { if (first) s.send(first); done('opened'); };
        s.onerror = () => done('refused');
      });
      (async () => {
        results.page = await socket(ws + '/system/pws/default/attacker', 'client-start:{"route":"/home"}');
        results.inspector = await socket(ws + '/system/periscope/inspector?token=guess', '{"v":1,"id":1,"type":"open","params":{"path":"/home"}}');
        results.readPage = await fetch(gw + '/data/perspective/client/default/home').then((r) => r.text()).then((t) => 'read ' + t.length, () => 'blocked');
        results.token = await fetch(gw + '/system/periscope/inspector-token').then((r) => 'status ' + r.status, () => 'blocked');
        results.post = await fetch(gw + '/system/pws/default/attacker', { method: 'POST', body: 'client-start:{}' }).then((r) => 'status ' + r.status, () => 'blocked');
        const frame = document.createElement('iframe');
        frame.src = gw + '/data/perspective/client/default/home';
        document.body.append(frame);
        const opened = window.open(gw + '/data/perspective/client/default/home');
        await new Promise((r) => setTimeout(r, 1500));
        results.popupClient = (() => { try { return typeof opened.__client; } catch { return 'unreadable'; } })();
        window.__attack = results;
      })();
    </script></body></html>`;
    const foreign: Server = createServer((_req, res) => res.writeHead(200, { 'Content-Type': 'text/html' }).end(attack));
    await new Promise<void>((done) => foreign.listen(0, '127.0.0.1', done));
    const page = await browser.newPage();
    try {
      await page.goto(`http://127.0.0.1:${(foreign.address() as AddressInfo).port}/`);
      const results = await page.waitForFunction(() => window.__attack).then((h) => h.jsonValue());
      assert.deepEqual(results, {
        page: 'refused', inspector: 'refused', readPage: 'blocked', token: 'blocked', post: 'blocked', popupClient: 'unreadable',
      });
      const popup = page.context().pages().find((p) => p !== page && p.url().includes('/data/perspective/client/'));
      assert.ok(popup, 'window.open did open the gateway');
      assert.ok(await popup.getByText('Another site sent you to this dev gateway').isVisible(), 'a page opened from another site asks first');
    } finally {
      await page.context().pages().filter((p) => p !== page).reduce((done, p) => done.then(() => p.close()), Promise.resolve());
      await page.close();
      foreign.close();
    }
    const after = await inspector.request('snapshot', {});
    assert.deepEqual(after.sessions.map((s) => s.id), before.sessions.map((s) => s.id), 'no session was started');
    const since = await inspector.request('trace', { after: last });
    assert.deepEqual(since.events.filter((e) => e.kind === 'script' || e.kind === 'session'), [], 'no script ran');
  });

  it('comes back after a gateway restart with a new session on the same address', async () => {
    const page = await browser.newPage();
    const before = await openClient(page, served.clientUrl);
    inspector.close();
    assert.equal(await served.stop(), 0, 'Ctrl-C stops cleanly');
    assert.match(served.output(), new RegExp(`${before}\\s+run onShutdown`), 'Shutdown ran on the way out');
    await page.waitForFunction(() => !window.__client.view.connected);
    served = await serve(['examples/seed', '--port', String(served.port)]);
    inspector = await inspectorAt(served.inspectorUrl!);
    await page.waitForFunction(() => window.__client.view.connected && window.__client.view.pageId !== undefined, null, { timeout: 90_000 });
    const state = (await inspector.request('snapshot', { session: before })).sessions[0];
    assert.equal(state.closed, false, 'the page started its session again on the new gateway');
    await page.close();
  });
});
