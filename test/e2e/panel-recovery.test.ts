// The devtools panel when things go away under it: a reload of the inspected page, two panels on one session,
// and a restart of the dev gateway while the panel is open. Each time the panel says what happened, keeps the last
// state on screen, and comes back without being reopened.
import { strict as assert } from 'node:assert';
import type { Page } from 'playwright-core';
import { openPanel, panelOnClient, type ExtensionBrowser } from '../support/extension';
import { serve, type Served } from '../support/serve';

declare const window: {
  __client: { sessionId: string; view: { pageId?: string; connected: boolean } };
  __periscopePanel: { status: { state: string; target?: { pageId?: string; inspector?: string } } };
};

describe('the devtools panel through reloads, a second panel and a gateway restart, in Chromium', function () {
  this.timeout(180_000);
  let served: Served;
  let browser: ExtensionBrowser;
  let page: Page;
  let panel: Page;
  let session: string;

  before(async () => {
    ({ served, browser, page, session, panel } = await panelOnClient(['examples/seed', '--port', '0', '--quiet']));
  });
  after(async () => {
    await browser?.close();
    await served?.stop();
  });

  it('follows the inspected page through a reload to its new page of the same session', async () => {
    await page.reload();
    await page.waitForFunction(() => window.__client?.view.pageId?.endsWith('-p2'));
    // A new page runs Page Startup first; on a loaded machine with the Jython engine that can take a while.
    await panel.waitForFunction(() => window.__periscopePanel.status.state === 'live' && window.__periscopePanel.status.target?.pageId?.endsWith('-p2'), null, { timeout: 60_000 });
    await panel.locator('.tree-row[data-path="custom.pageViews"]', { hasText: '2' }).waitFor();
    await panel.locator('.topbar', { hasText: session }).waitFor();
  });

  it('keeps two panels on one session in step: an edit in one shows in the other', async () => {
    const second = await openPanel(browser, page);
    const row = panel.locator('.tree-row[data-path="custom.userRole"]');
    await row.click();
    await row.getByRole('button', { name: 'Edit' }).click();
    const input = panel.getByLabel('new value of custom.userRole');
    await input.fill('"Supervisor"');
    await input.press('Enter');
    await second.locator('.tree-row[data-path="custom.userRole"]', { hasText: '"Supervisor"' }).waitFor();
    await page.locator('#session-custom').getByText('"userRole": "Supervisor"').waitFor();
    await second.close();
    // The first panel is untouched by the second one going away.
    await panel.locator('.status.live').waitFor();
  });

  it('says the dev gateway went away, keeps the last state, and comes back through the restarted gateway without a reload', async () => {
    const before = await panel.evaluate(() => window.__periscopePanel.status.target?.inspector);
    assert.equal(await served.stop(), 0);
    await panel.locator('.banner.lost').waitFor();
    await panel.locator('.tree-row[data-path="custom.userRole"]', { hasText: '"Supervisor"' }).waitFor();
    served = await serve(['examples/seed', '--port', String(served.port), '--quiet']);
    await page.waitForFunction(() => window.__client.view.connected && window.__client.view.pageId !== undefined, null, { timeout: 30_000 });
    // The page reconnects without reloading, so its meta tag still names the old run's token: the panel asks the
    // gateway for the new one.
    await panel.waitForFunction((old) => window.__periscopePanel.status.state === 'live' && window.__periscopePanel.status.target?.inspector !== old, before, { timeout: 30_000 });
    await panel.locator('.mode-badge', { hasText: 'dev gateway' }).waitFor();
    await panel.locator('.tree-row[data-path="custom.userRole"]', { hasText: '"Operator"' }).waitFor();
    assert.equal(await panel.locator('.banner').count(), 0);
  });

  it('goes on with the page surface, and says so, when the restarted gateway has no inspector endpoint', async () => {
    assert.equal(await served.stop(), 0);
    await panel.locator('.banner.lost').waitFor();
    served = await serve(['examples/seed', '--port', String(served.port), '--quiet', '--no-inspector']);
    await page.waitForFunction(() => window.__client.view.connected && window.__client.view.pageId !== undefined, null, { timeout: 30_000 });
    await panel.locator('.mode-badge', { hasText: 'real client' }).waitFor({ timeout: 30_000 });
    await panel.locator('.banner', { hasText: 'reload the page to inspect through the dev gateway again' }).waitFor();
    await panel.locator('.tree-row[data-path="custom.userRole"]', { hasText: '"Operator"' }).waitFor();
  });
});
