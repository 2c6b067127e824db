// Helpers for end-to-end tests of the devtools extension: Debian's Chromium with the built extension loaded
// (a persistent profile, as extensions need), the inspected tab's id, and the panel opened as a page of its own.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page, type Worker } from 'playwright-core';
import { CHROMIUM_ARGS, ROOT, serve, type Served } from './serve';

export const EXTENSION_DIR = join(ROOT, 'dist/extension');

export interface ExtensionBrowser {
  context: BrowserContext;
  /** The extension's id, from its service worker's address. */
  id: string;
  worker: Worker;
  close(): Promise<void>;
}

export async function launchWithExtension(extraArgs: string[] = []): Promise<ExtensionBrowser> {
  const profile = mkdtempSync(join(tmpdir(), 'periscope-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: '/usr/bin/chromium',
    // The flags choose the new headless mode, which runs extensions; Playwright's own headless switch would not.
    headless: false,
    args: [...CHROMIUM_ARGS, `--disable-extensions-except=${EXTENSION_DIR}`, `--load-extension=${EXTENSION_DIR}`, ...extraArgs],
    viewport: { width: 1280, height: 760 },
    acceptDownloads: true,
  });
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  return {
    context,
    id: new URL(worker.url()).host,
    worker,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** The browser's tab id of `page`: it must be the active tab when this is called (it is, right after goto). */
export async function tabIdOf(browser: ExtensionBrowser, page: Page): Promise<number> {
  await page.bringToFront();
  const ids = await browser.worker.evaluate(() => chrome.tabs.query({ active: true, lastFocusedWindow: true }).then((tabs) => tabs.map((t) => t.id)));
  if (typeof ids[0] !== 'number') throw new Error('no active tab');
  return ids[0];
}

/** Opens the panel as its own extension page, inspecting `page`'s tab, and waits until it is live. */
export async function openPanel(browser: ExtensionBrowser, page: Page): Promise<Page> {
  const tab = await tabIdOf(browser, page);
  const panel = await browser.context.newPage();
  await panel.goto(`chrome-extension://${browser.id}/panel.html?tab=${tab}`);
  await panel.locator('.status.live').waitFor();
  return panel;
}


/**
 * A target of the browser reached over the DevTools protocol from a page's CDP session (targets that Playwright
 * does not model: DevTools' own front-end, and extension frames inside it).
 */
export interface CdpTarget {
  url: string;
  evaluate<T>(expression: string): Promise<T>;
}

/** Every target whose URL passes `test`, attached and ready to evaluate in. */
export async function cdpTargets(browser: ExtensionBrowser, page: Page, test: (url: string) => boolean): Promise<CdpTarget[]> {
  const cdp = await browser.context.newCDPSession(page);
  let next = 1;
  const waiting = new Map<number, (reply: { result?: { result: { value: unknown }; exceptionDetails?: { text: string } }; error?: { message: string } }) => void>();
  cdp.on('Target.receivedMessageFromTarget', ({ message }: { message: string }) => {
    const reply = JSON.parse(message) as { id: number };
    waiting.get(reply.id)?.(reply as never);
  });
  const { targetInfos } = await cdp.send('Target.getTargets');
  const found: CdpTarget[] = [];
  for (const info of targetInfos.filter((t) => test(t.url))) {
    const { sessionId } = await cdp.send('Target.attachToTarget', { targetId: info.targetId, flatten: false });
    found.push({
      url: info.url,
      async evaluate<T>(expression: string): Promise<T> {
        const id = next++;
        const reply = new Promise<Parameters<NonNullable<ReturnType<typeof waiting.get>>>[0]>((done) => waiting.set(id, done));
        await cdp.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method: 'Runtime.evaluate', params: { expression, awaitPromise: true, returnByValue: true } }) });
        const { result, error } = await reply;
        if (error || result?.exceptionDetails) throw new Error(error?.message ?? result?.exceptionDetails?.text);
        return result!.result.value as T;
      },
    });
  }
  return found;
}

declare const chrome: { tabs: { query(filter: object): Promise<Array<{ id?: number }>> } };
declare const window: { __client?: { sessionId: string; view: { pageId?: string } } };

/** Opens a client page and waits until its session has started; gives the session's id. */
export async function openClient(page: Page, url: string): Promise<string> {
  await page.goto(url);
  await page.waitForFunction(() => window.__client?.view.pageId !== undefined);
  return page.evaluate(() => window.__client!.sessionId);
}

export interface PanelOnClient {
  served: Served;
  browser: ExtensionBrowser;
  page: Page;
  session: string;
  panel: Page;
}

/** `periscope serve <args>`, Chromium with the extension, the first client page, and a panel inspecting it. */
export async function panelOnClient(args: string[]): Promise<PanelOnClient> {
  const [served, browser] = await Promise.all([serve(args), launchWithExtension()]);
  const page = await browser.context.newPage();
  const session = await openClient(page, served.clientUrl);
  return { served, browser, page, session, panel: await openPanel(browser, page) };
}
