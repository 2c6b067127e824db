// VS Code end to end: the packaged .vsix in code-server, driven in Chromium like a person would use it on the seed.
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strict as assert } from 'node:assert';
import type { Frame, Page } from 'playwright-core';
import { screenshotPath } from '../support/screenshots';
import { codeServerMissing, startVsCode, type VsCode } from '../support/code-server';

const root = join(import.meta.dirname, '..', '..');

/** Runs a command from the palette by its title. */
async function command(page: Page, title: string): Promise<void> {
  await page.keyboard.press('F1');
  await page.keyboard.type(title);
  await page.locator('.quick-input-list .monaco-list-row', { hasText: title }).first().waitFor();
  await page.keyboard.press('Enter');
}

async function goToLine(page: Page, line: number, column: number): Promise<void> {
  await page.keyboard.press('Control+G');
  await page.keyboard.type(`${line}:${column}`);
  await page.keyboard.press('Enter');
}

/** The webview frame whose page shows `text` (webviews are iframes inside iframes). */
async function webviewWith(page: Page, text: string): Promise<Frame> {
  for (;;) {
    for (const frame of page.frames()) {
      if (await frame.locator(`text=${text}`).count().catch(() => 0)) return frame;
    }
    await page.waitForTimeout(250);
  }
}

describe('VS Code with the Periscope extension (code-server)', function () {
  this.timeout(300_000);
  let vscode: VsCode | undefined;
  let page: Page;
  let folder: string;

  before(async function () {
    const missing = codeServerMissing();
    if (missing) {
      console.log(`    skipped: ${missing}`);
      this.skip();
    }
    execFileSync(process.execPath, [join(root, 'vscode', 'package.mjs')], { stdio: 'pipe' });
    const vsix = join(root, 'vscode', 'dist', readdirSync(join(root, 'vscode', 'dist')).find((f) => f.endsWith('.vsix'))!);
    folder = mkdtempSync(join(tmpdir(), 'periscope-vscode-'));
    cpSync(join(root, 'examples', 'seed'), folder, { recursive: true });
    // An 8.1 project beside the document, for the scripts stored in JSON.
    cpSync(join(root, 'test', 'fixtures', 'project-81'), join(folder, 'Bottling'), { recursive: true });
    // The simulator runs on the Node.js that built better-sqlite3 (code-server's own is Node 24).
    vscode = await startVsCode(vsix, folder, { 'periscope.nodePath': process.execPath });
    page = vscode.page;
    await page.keyboard.press('Control+P');
    await page.keyboard.type('session-scripts.md');
    await page.locator('.quick-input-list .monaco-list-row', { hasText: 'session-scripts.md' }).first().waitFor();
    await page.keyboard.press('Enter');
    await page.locator('.monaco-editor .view-lines').first().waitFor();
  });

  after(async () => {
    await vscode?.close();
  });

  it("shows the seed's diagnostics in the Problems panel", async () => {
    await command(page, 'Problems: Focus on Problems View');
    const problems = page.locator('.markers-panel');
    await problems.getByText('`session.id` does not exist', { exact: false }).first().waitFor({ timeout: 120_000 });
    await problems.getByText('f-string', { exact: false }).first().waitFor();
    await page.screenshot({ path: screenshotPath('vscode-problems.png') });
    assert.ok(await problems.getByText('no-such-session-attr', { exact: false }).count() > 0);
  });

  it('applies a quick fix that changes the text', async () => {
    const fix = page.locator('.action-widget .monaco-list-row', { hasText: 'use session.props.id' }).first();
    // Code actions asked for before the server has this document's diagnostics come back empty: ask until it offers.
    for (let tries = 0; !(await fix.isVisible()); tries++) {
      assert.ok(tries < 20, 'the quick fix was never offered');
      await page.keyboard.press('Escape');
      await page.locator('.monaco-editor .view-lines').first().click();
      await goToLine(page, 20, 25);
      await page.keyboard.press('Control+.');
      await fix.waitFor({ timeout: 5000 }).catch(() => undefined);
    }
    await fix.click();
    await page.locator('.monaco-editor .view-lines', { hasText: 'session_id = session.props.id' }).first().waitFor();
  });

  it('shows the signature of system.perspective.navigate on hover', async () => {
    await goToLine(page, 49, 27);
    await command(page, 'Show or Focus Hover');
    const hover = page.locator('.monaco-hover-content', { hasText: 'navigate(page: str = None' }).first();
    await hover.waitFor();
    await page.screenshot({ path: screenshotPath('vscode-hover.png') });
    assert.match(await hover.innerText(), /Needs a page/);
  });

  it('runs a message handler from its CodeLens and shows what it did', async () => {
    await page.keyboard.press('Escape');
    await goToLine(page, 232, 1);
    const lens = page.locator('.codelens-decoration a', { hasText: 'Run message handler "updatePreference"' }).first();
    await lens.waitFor({ timeout: 60_000 });
    // A lens redrawn while the click lands misses it: click until the payload prompt shows.
    const prompt = page.locator('.quick-input-widget', { hasText: 'as the handler receives it in' });
    const input = prompt.locator('.quick-input-box input');
    for (let tries = 0; !(await prompt.isVisible()); tries++) {
      assert.ok(tries < 20, 'the Run lens never asked for a payload');
      await lens.click();
      await prompt.waitFor({ timeout: 3000 }).catch(() => undefined);
    }
    await input.fill('{"name": "theme", "value": "dark"}');
    await page.keyboard.press('Enter');
    const report = page.frameLocator('iframe.webview.ready').frameLocator('iframe').locator('body.periscope-run');
    await report.getByText('Prop changes').waitFor({ timeout: 180_000 });
    await report.getByText('custom.preferences.theme', { exact: false }).first().waitFor();
    await page.screenshot({ path: screenshotPath('vscode-run.png') });
  });

  it('shows a live simulated session in the Perspective Session view, and edits a custom prop through the protocol', async () => {
    await command(page, 'Periscope: Open Session Inspector');
    const view = await webviewWith(page, 'Custom props');
    const theme = view.locator('li[data-path="custom.preferences.theme"] .value');
    await theme.waitFor();
    assert.equal(await theme.innerText(), '"light"');
    await theme.click();
    const input = view.locator('li[data-path="custom.preferences.theme"] input.edit');
    await input.fill('"dark"');
    await input.press('Enter');
    await view.locator('li[data-path="custom.preferences.theme"] .value', { hasText: '"dark"' }).waitFor();
    await view.locator('.trace', { hasText: 'custom.preferences.theme: "light" → "dark"' }).waitFor();
    // A fixture user logs in, the virtual clock moves on, and the user logs out, all through the protocol.
    await view.locator('select.user').selectOption('admin');
    await view.locator('input.password').fill('admin-pass');
    await view.locator('button.login').click();
    await view.locator('summary', { hasText: 'Logged in as admin' }).waitFor();
    await view.locator('input.duration').fill('14m');
    await view.locator('button.advance').click();
    await view.locator('summary', { hasText: 'Virtual clock 14:00.000' }).waitFor();
    await view.locator('button.logout').click();
    await view.locator('summary', { hasText: 'Not logged in' }).waitFor();
    // A key press and a barcode scan reach the runtime (the seed handles neither); a device event it has no handler
    // for comes back refused, with the reason.
    await view.locator('input.key').fill('F5');
    await view.locator('button.press').click();
    await view.locator('p.status', { hasText: 'pressed F5' }).waitFor();
    await view.locator('input.scan').fill('LOT-42');
    await view.locator('button.scan').click();
    await view.locator('p.status', { hasText: 'scanned LOT-42' }).waitFor();
    await view.locator('select.fired').selectOption('onBluetoothReceived');
    await view.locator('input.args').fill('{data: 1}');
    await view.locator('button.fire').click();
    await view.locator('p.error', { hasText: 'the arguments are not JSON' }).waitFor();
    await view.locator('input.args').fill('{"data": {"value": "AA:01"}}');
    await view.locator('button.fire').click();
    await view.locator('p.error', { hasText: 'the project has no onBluetoothReceived session event' }).waitFor();
    // Room for the view in the picture: the file tree and the Problems panel fold away.
    const closePanel = page.locator('.part.panel .codicon-panel-close').first();
    if (await closePanel.isVisible()) await closePanel.click();
    await page.locator('.explorer-viewlet .pane-header').first().click();
    await view.locator('summary', { hasText: 'Custom props' }).scrollIntoViewIfNeeded();
    await page.screenshot({ path: screenshotPath('vscode-session.png') });
  });

  it('edits a script stored in data.bin as Python and saves it back into its JSON string, changing nothing else', async () => {
    const dataBin = join(folder, 'Bottling', 'com.inductiveautomation.perspective', 'session-scripts', 'data.bin');
    const before = readFileSync(dataBin, 'utf8');
    await page.keyboard.press('Control+P');
    // The project has other data.bin files (Gateway Events, a report): ask for the Session Events one by its folder.
    await page.keyboard.type('session-scripts/data.bin');
    await page.locator('.quick-input-list .monaco-list-row', { hasText: 'session-scripts' }).first().click();
    // A visible editor: others (tabs behind, the session view's group) may hold the same lines hidden.
    await page.locator('.monaco-editor .view-lines', { hasText: 'refreshOrders' }).filter({ visible: true }).first().waitFor();
    await goToLine(page, 11, 40);
    await command(page, 'Periscope: Edit Embedded Script');
    await page.locator('.tab', { hasText: '.py' }).first().waitFor();
    await page.locator('.monaco-editor .view-lines', { hasText: 'orderCount < 0' }).filter({ visible: true }).first().waitFor();
    await goToLine(page, 3, 100);
    await page.keyboard.type('  # reset');
    await page.keyboard.press('Control+S');
    const expected = before.replace('\\t\\tsession.custom.orderCount \\u003d 0\\n', '\\t\\tsession.custom.orderCount \\u003d 0  # reset\\n');
    assert.notEqual(expected, before);
    for (;;) {
      if (readFileSync(dataBin, 'utf8') === expected) break;
      await page.waitForTimeout(250);
    }
  });
});
