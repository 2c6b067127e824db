// The devtools panel on a real Perspective client: the dev gateway's client page with its inspector endpoint
// switched off (`--no-inspector`) behaves like a real gateway's page, and the panel shows what the page surface
// offers (session, custom and page props, the WebSocket frames), writes custom props through it, and says which
// tabs need the dev gateway.
import { strict as assert } from 'node:assert';
import type { Page } from 'playwright-core';
import { screenshotPath } from '../support/screenshots';
import { panelOnClient, type ExtensionBrowser } from '../support/extension';
import { type Served } from '../support/serve';


describe('the devtools panel on a real client (a client page without an inspector endpoint), in Chromium', function () {
  this.timeout(180_000);
  let served: Served;
  let browser: ExtensionBrowser;
  let page: Page;
  let panel: Page;
  let session: string;

  before(async () => {
    ({ served, browser, page, session, panel } = await panelOnClient(['examples/seed', '--port', '0', '--no-inspector']));
    assert.equal(served.inspectorUrl, undefined);
  });
  after(async () => {
    await browser?.close();
    await served?.stop();
  });

  it('shows the session, its custom props and its page props from the page surface', async () => {
    await panel.locator('.mode-badge', { hasText: 'real client' }).waitFor();
    await panel.locator('.topbar', { hasText: session }).waitFor();
    await panel.locator('.tree-row[data-path="custom.userRole"]', { hasText: '"Operator"' }).waitFor();
    await panel.locator('.tree-row[data-path="page.props.path"]', { hasText: '"/unauthorized"' }).waitFor();
    assert.equal(await panel.locator('.tree-row[data-path="props.id"] .badge').textContent(), 'system');
  });

  it('writes a custom prop through the page, which sends it to the gateway', async () => {
    const row = panel.locator('.tree-row[data-path="custom.viewMode"]');
    await row.click();
    await row.getByRole('button', { name: 'Edit' }).click();
    const input = panel.getByLabel('new value of custom.viewMode');
    await input.fill('"compact"');
    await input.press('Enter');
    await page.locator('#session-custom').getByText('"viewMode": "compact"').waitFor();
    await served.waitFor(new RegExp(`${session}\\s+prop custom\\.viewMode: "full" → "compact"`));
    await panel.locator('.tree-row[data-path="custom.viewMode"]', { hasText: '"compact"' }).waitFor();
  });

  it('lists the page\'s WebSocket frames both ways, and the prop changes they brought', async () => {
    await panel.getByRole('tab', { name: 'Messages' }).click();
    await panel.locator('.frames-grid', { hasText: 'client-value-update' }).filter({ hasText: '↑ out' }).waitFor();
    await panel.locator('.frames-grid', { hasText: 'value-update' }).filter({ hasText: '↓ in' }).first().waitFor();
    await panel.locator('.frames-grid', { hasText: 'session-init' }).click();
    await panel.locator('.detail', { hasText: 'from the gateway' }).waitFor();
    await panel.screenshot({ path: screenshotPath('panel-real-client.png') });
    await panel.getByRole('tab', { name: 'Timeline' }).click();
    await panel.locator('.timeline-grid', { hasText: 'prop custom.viewMode: "full" → "compact"' }).waitFor();
  });

  it('says plainly which tabs need the dev gateway', async () => {
    for (const name of ['Logs', 'Queries', 'Actions']) {
      await panel.getByRole('tab', { name }).click();
      await panel.getByRole('heading', { name: `${name} needs the dev gateway` }).waitFor();
    }
    await panel.getByRole('tab', { name: 'Timeline' }).click();
    await panel.locator('.timeline-grid').first().click();
    await panel.locator('.note', { hasText: 'needs the dev gateway' }).waitFor();
  });
});
