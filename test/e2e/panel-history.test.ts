// The devtools panel on a dev gateway that keeps less history than the panel would (`periscope serve --history`):
// the panel shows what the gateway still has and says plainly how many events it will never get, and why.
import { strict as assert } from 'node:assert';
import { panelOnClient, type PanelOnClient } from '../support/extension';
import { inspectorAt } from '../support/serve';

declare const window: { __periscopePanel: { store?: { missed: number; events: Array<{ seq: number }> } } };

describe('the devtools panel on a dev gateway keeping a short history, in Chromium', function () {
  this.timeout(180_000);
  let opened: PanelOnClient | undefined;
  after(async () => {
    await opened?.browser.close();
    await opened?.served.stop();
  });

  it('says how many of the session\'s events the gateway dropped before the panel connected', async () => {
    opened = await panelOnClient(['examples/seed', '--port', '0', '--quiet', '--history', '20']);
    const { panel, served, session } = opened;
    const banner = panel.locator('.banner.missed');
    await banner.waitFor();
    const missed = await panel.evaluate(() => window.__periscopePanel.store!.missed);
    const inspector = await inspectorAt(served.inspectorUrl!);
    const hello = await inspector.request('hello', {});
    const { dropped } = await inspector.request('trace', { after: hello.history!.firstSeq - 1, session });
    assert.ok(missed > 0 && missed <= dropped!, `the panel missed ${missed} of the ${dropped} the gateway dropped`);
    assert.equal((await banner.textContent())!.trim(), `${missed} trace events were dropped by the dev gateway before the panel got them: it keeps the latest 20 (periscope serve --history 20); start it with a larger --history to keep more.`);
    inspector.close();
  });
});
