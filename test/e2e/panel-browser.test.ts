// The devtools panel in Debian's Chromium, with the built extension loaded, on the seed served by the built
// `periscope serve`: what a person sees and does in each tab, checked against the client page and the runtime.
// Each tab's screenshot goes to docs/images/ for the README.
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import type { InspectorClient } from '../../shared/inspector/client';
import { screenshotPath } from '../support/screenshots';
import { panelOnClient, type ExtensionBrowser } from '../support/extension';
import { inspectorAt, ROOT, type Served } from '../support/serve';


async function tab(panel: Page, name: string): Promise<void> {
  await panel.getByRole('tab', { name }).click();
  await panel.locator(`[role=tabpanel][aria-label="${name}"]`).waitFor();
}

async function screenshot(panel: Page, name: string): Promise<void> {
  await panel.screenshot({ path: screenshotPath(`panel-${name}.png`) });
}

/** Edits a tree row in place: selects it, opens the editor, types `text` and presses Enter. */
async function edit(panel: Page, path: string, text: string): Promise<void> {
  const row = panel.locator(`.tree-row[data-path="${path}"]`).first();
  await row.click();
  await row.getByRole('button', { name: 'Edit' }).click();
  const input = panel.getByLabel(`new value of ${path}`);
  await input.fill(text);
  await input.press('Enter');
}

describe('the devtools panel on the seed served by periscope serve, in Chromium', function () {
  this.timeout(180_000);
  let served: Served;
  let browser: ExtensionBrowser;
  let inspector: InspectorClient;
  let page: Page;
  let panel: Page;
  let session: string;

  before(async () => {
    ({ served, browser, page, session, panel } = await panelOnClient(['examples/seed', '--port', '0', '--quiet']));
    inspector = await inspectorAt(served.inspectorUrl!);
  });
  afterEach(async function () {
    if (this.currentTest?.state === 'failed' && panel) await panel.screenshot({ path: join(tmpdir(), `periscope-panel-failure-${Date.now()}.png`) }).then(() => undefined, () => undefined);
  });
  after(async () => {
    inspector?.close();
    await browser?.close();
    await served?.stop();
  });

  it('shows the seed\'s session props with access badges and its custom props', async () => {
    await panel.locator('.mode-badge', { hasText: 'dev gateway' }).waitFor();
    await panel.locator('.tree-row[data-path="custom.userRole"]', { hasText: '"Operator"' }).waitFor();
    assert.equal(await panel.locator('.tree-row[data-path="props.id"] .badge').textContent(), 'system');
    assert.equal(await panel.locator('.tree-row[data-path="props.auth"] .badge').textContent(), 'private');
    assert.equal(await panel.locator('.tree-row[data-path="props.theme"] .badge').textContent(), 'public');
    await panel.locator('.card[data-page] .route', { hasText: '/unauthorized' }).waitFor();
    await screenshot(panel, 'session');
  });

  it('edits a custom prop in place: invalid JSON is refused and changes nothing, a valid value reaches the page and the runtime', async () => {
    await edit(panel, 'custom.viewMode', 'compact');
    await panel.getByRole('alert').filter({ hasText: 'text needs quotes: "compact"' }).waitFor();
    assert.deepEqual(await inspector.request('read', { session, path: 'custom.viewMode' }), { found: true, value: 'full' }, 'nothing was written');

    const input = panel.getByLabel('new value of custom.viewMode');
    await input.fill('"compact"');
    await input.press('Enter');
    await panel.locator('.tree-row[data-path="custom.viewMode"]', { hasText: '"compact"' }).waitFor();
    await page.locator('#session-custom').getByText('"viewMode": "compact"').waitFor();
    assert.deepEqual(await inspector.request('read', { session, path: 'custom.viewMode' }), { found: true, value: 'compact' });
  });

  it('refuses a write to a SYSTEM prop and says why', async () => {
    const row = panel.locator('.tree-row[data-path="props.id"]');
    await row.click();
    assert.equal(await row.getByRole('button', { name: 'Edit' }).count(), 0, 'a SYSTEM prop offers no editor');
    assert.deepEqual(await inspector.request('read', { session, path: 'props.id' }), { found: true, value: session });
  });

  it('logs in as admin from the Actions tab and follows the navigation to /dashboard', async () => {
    await tab(panel, 'Actions');
    await panel.getByLabel('fixture user').selectOption('admin');
    await panel.getByLabel('password').fill('admin-pass');
    await panel.getByRole('button', { name: 'Log in' }).click();
    await panel.getByRole('status').filter({ hasText: 'logged in as admin' }).waitFor();
    await page.locator('.route', { hasText: '/dashboard' }).waitFor();
    await panel.locator('.topbar', { hasText: 'admin' }).waitFor();
    await screenshot(panel, 'actions');
    await tab(panel, 'Session');
    await panel.locator('.card[data-page] .route', { hasText: '/dashboard' }).waitFor();
    await panel.getByLabel('search session properties').fill('canDelete');
    await panel.locator('.tree-row[data-path="custom.permissions.canDelete"]', { hasText: 'true' }).waitFor();
    await panel.getByLabel('search session properties').fill('');
  });

  it('sends updatePreference from the composer and shows the handler\'s effect and its trace', async () => {
    await tab(panel, 'Messages');
    await panel.getByLabel('message type').fill('updatePreference');
    await panel.getByLabel('payload (JSON object)').fill('{"name": "theme", "value": "dark"}');
    await panel.getByRole('button', { name: 'Send' }).click();
    const row = panel.locator('.line.messages-grid', { hasText: 'updatePreference' });
    await row.filter({ hasText: 'message updatePreference · session-scripts.md:' }).filter({ hasText: '"status":"updated"' }).waitFor();
    await panel.getByLabel('payload (JSON object)').fill('{"type": "alarms"}');
    await panel.getByLabel('message type').fill('refreshData');
    await panel.getByRole('button', { name: 'Send' }).click();
    await panel.locator('.line.messages-grid', { hasText: 'refreshData' }).filter({ hasText: 'AttributeError' }).click();
    await panel.locator('.detail .traceback', { hasText: "object has no attribute 'activeTime'" }).waitFor();
    await row.click();
    await panel.locator('.detail').getByText('ok in').waitFor();
    await screenshot(panel, 'messages');

    // The page's own WebSocket frames, which only the page's hook sees: its start, and the changes pushed to it.
    await panel.getByLabel('list').selectOption('frames');
    await panel.locator('.frames-grid', { hasText: 'client-start' }).filter({ hasText: '↑ out' }).waitFor();
    await panel.locator('.frames-grid', { hasText: 'value-update' }).filter({ hasText: '↓ in' }).filter({ hasText: 'viewMode' }).waitFor();
    await panel.locator('.frames-grid', { hasText: 'value-update' }).filter({ hasText: '↓ in' }).filter({ hasText: 'theme' }).waitFor();
    await panel.getByLabel('list').selectOption('messages');

    await tab(panel, 'Timeline');
    await panel.locator('.timeline-grid', { hasText: 'prop custom.preferences.theme: "light" → "dark"' }).waitFor();
    await panel.locator('.timeline-grid', { hasText: 'query UpdateUserPreference' }).filter({ hasText: '1 rows affected' }).waitFor();
    await page.locator('#session-custom').getByText('"theme": "dark"').waitFor();
  });

  it('fires a device event with its arguments, and says what the runtime answered', async () => {
    await tab(panel, 'Actions');
    await panel.getByLabel('fired event').selectOption('handleSubmission');
    const fire = panel.getByRole('button', { name: 'Fire' });
    assert.equal(await fire.isDisabled(), true, 'a form submission needs its handler named');
    await panel.getByLabel('form handler').fill('contact');
    await panel.getByLabel('event arguments').fill('{data: 1}');
    await fire.click();
    await panel.getByRole('alert').filter({ hasText: 'not JSON' }).waitFor();
    await panel.getByLabel('fired event').selectOption('onBluetoothReceived');
    assert.equal(await panel.getByLabel('form handler').count(), 0);
    await panel.getByLabel('event arguments').fill('{"data": {"value": "AA:01"}}');
    await fire.click();
    // The seed has no Bluetooth event: the request reached the runtime, which says so.
    await panel.getByRole('alert').filter({ hasText: 'the project has no onBluetoothReceived session event' }).waitFor();
  });

  it('advances the virtual clock into the idle warning', async () => {
    await tab(panel, 'Actions');
    await panel.getByLabel('advance by').fill('14m 1s');
    await panel.getByRole('button', { name: 'Advance', exact: true }).click();
    await panel.getByRole('status').filter({ hasText: 'clock at 14:01.000' }).waitFor();
    await page.locator('.idle-warning').waitFor();
    await tab(panel, 'Session');
    await panel.locator('.card[data-page]', { hasText: 'idle-warning' }).waitFor();
  });

  it('selects an earlier timeline event and shows the session as it was then', async () => {
    await tab(panel, 'Timeline');
    await panel.getByLabel('search the timeline').fill('custom.viewMode');
    await panel.locator('.timeline-grid', { hasText: '"full" → "compact"' }).click();
    const then = panel.locator('.state-then');
    await then.locator('.sub-title', { hasText: 'not logged in' }).waitFor();
    await then.getByLabel('search state then').fill('theme');
    const theme = then.locator('.tree-row[data-path="custom.preferences.theme"]');
    await theme.filter({ hasText: '"light"' }).waitFor();
    assert.match(await theme.getAttribute('class') ?? '', /changed/, 'marked as changed since');
    await then.getByText(/changes since then/).waitFor();

    await panel.getByLabel('search the timeline').fill('run onLogin');
    await panel.locator('.timeline-grid', { hasText: 'run onLogin' }).click();
    await panel.getByLabel('search the timeline').fill('');
    await panel.locator('.detail .sub-title', { hasText: 'During this run' }).waitFor();
    await panel.locator('.detail table.diff', { hasText: 'custom.permissions.canDelete' }).waitFor();
    await panel.locator('.state-then .sub-title', { hasText: 'user admin' }).waitFor();
    await screenshot(panel, 'timeline');
  });

  it('lists the scripts\' log lines and named queries', async () => {
    await tab(panel, 'Logs');
    await panel.locator('.logs-grid', { hasText: `Session started: ${session}` }).waitFor();
    await screenshot(panel, 'logs');
    await tab(panel, 'Queries');
    const query = panel.locator('.queries-grid', { hasText: 'GetUserPreferences' }).first();
    await query.filter({ hasText: '0 rows' }).waitFor();
    await panel.locator('.queries-grid', { hasText: 'UpdateUserPreference' }).filter({ hasText: '1 affected' }).waitFor();
    await query.click();
    await panel.locator('.detail', { hasText: 'username' }).waitFor();
    await screenshot(panel, 'queries');
  });

  it('exports the recording as a scenario that periscope test replays with every expectation passing', async () => {
    await tab(panel, 'Actions');
    const download = panel.waitForEvent('download');
    await panel.getByRole('button', { name: 'Export scenario' }).click();
    const file = join(mkdtempSync(join(tmpdir(), 'periscope-export-')), (await download).suggestedFilename());
    await (await download).saveAs(file);
    const scenario = JSON.parse(readFileSync(file, 'utf8')) as { steps: Array<Record<string, unknown>> };
    assert.ok(scenario.steps.some((s) => s.message === 'updatePreference'), 'the composer\'s message is a step');
    assert.ok(scenario.steps.some((s) => s.login === 'admin'), 'the login is a step');
    const replay = spawnSync(process.execPath, [join(ROOT, 'bin/periscope.cjs'), 'test', file], { cwd: ROOT, encoding: 'utf8' });
    assert.equal(replay.status, 0, replay.stdout + replay.stderr);
    assert.match(replay.stdout, /passed, 0 failed/);
  });
});
