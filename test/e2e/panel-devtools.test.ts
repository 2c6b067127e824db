// The Periscope panel inside the browser's real DevTools: the extension's devtools page adds it for every
// inspected tab, and, shown there, it inspects that tab's session through the dev gateway, as a person sees it.
import { strict as assert } from 'node:assert';
import type { Page } from 'playwright-core';
import { cdpTargets, launchWithExtension, openClient, type ExtensionBrowser } from '../support/extension';
import { serve, type Served } from '../support/serve';

declare const window: { __client: { sessionId: string; view: { pageId?: string } } };

/** Polls `read` until it returns a value that `ok` accepts. */
async function until<T>(read: () => Promise<T | undefined>, ok: (value: T) => boolean, what: string): Promise<T> {
  for (let i = 0; i < 450; i++) {
    const value = await read().catch(() => undefined);
    if (value !== undefined && ok(value)) return value;
    await new Promise((wake) => setTimeout(wake, 200));
  }
  throw new Error(`gave up waiting for ${what}`);
}

describe('the Periscope panel inside DevTools, in Chromium', function () {
  this.timeout(120_000);
  let served: Served;
  let browser: ExtensionBrowser;
  let page: Page;

  before(async () => {
    [served, browser] = await Promise.all([serve(['examples/seed', '--port', '0', '--quiet']), launchWithExtension(['--auto-open-devtools-for-tabs'])]);
    page = await browser.context.newPage();
    await openClient(page, served.clientUrl);
  });
  after(async () => {
    await browser?.close();
    await served?.stop();
  });

  it('adds a Periscope panel to DevTools that shows the inspected page\'s session and custom props', async () => {
    const session = await page.evaluate(() => window.__client.sessionId);
    const panelId = `chrome-extension://${browser.id}Periscope`;
    // DevTools opened for every tab: find the front-end inspecting the client page, and show the panel there.
    const frontEnd = await until(async () => {
      for (const target of await cdpTargets(browser, page, (url) => url.startsWith('devtools://devtools/'))) {
        const inspected = await target.evaluate<string>(`import('./core/sdk/sdk.js').then((SDK) => SDK.TargetManager.TargetManager.instance().primaryPageTarget()?.inspectedURL() ?? '')`);
        if (inspected.includes('/data/perspective/client/')) return target;
      }
      return undefined;
    }, () => true, 'the DevTools of the client page');
    const panels = await until(() => frontEnd.evaluate<string[]>(`import('./ui/legacy/legacy.js').then((UI) => UI.InspectorView.InspectorView.instance().tabbedPane.tabIds())`), (ids) => ids.includes(panelId), 'the Periscope panel in DevTools');
    assert.ok(panels.includes(panelId));
    await frontEnd.evaluate(`import('./ui/legacy/legacy.js').then((UI) => UI.InspectorView.InspectorView.instance().showPanel(${JSON.stringify(panelId)})).then(() => true)`);

    const shown = await until(async () => {
      const [panel] = await cdpTargets(browser, page, (url) => url.startsWith(`chrome-extension://${browser.id}/panel.html`));
      return panel ? panel.evaluate<string>(`document.querySelector('.status')?.textContent + ' | ' + document.querySelector('.topbar')?.textContent + ' | ' + [...document.querySelectorAll('.tree-row[data-path^="custom."]')].map((r) => r.textContent).join(' ; ')`) : undefined;
    }, (text) => text.startsWith('● live') && text.includes('userRole'), 'the panel to show the session');
    assert.match(shown, new RegExp(`session ${session}`));
    assert.match(shown, /dev gateway/);
    assert.match(shown, /userRole:\s*"Operator"/);
  });
});
