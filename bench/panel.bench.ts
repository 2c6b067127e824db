// The devtools panel under large state, in Debian's Chromium with the built extension, on a project served by the
// built `periscope serve`: scrolling a 10,000-node custom tree and 100,000 log rows (frame intervals while the
// list scrolls one screen per frame), and how soon a script's prop change is drawn by the panel.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CDPSession, Page } from 'playwright-core';
import { launchWithExtension, openPanel } from '../test/support/extension';
import { inspectorAt, serve } from '../test/support/serve';

/** A session whose Startup builds a custom tree of 2,500 objects of 3 values (10,000 nodes) and handlers that log in bulk and bump a counter. */
const DOCUMENT = `# Large state

\`\`\`params
project: large
timeout: 3600
\`\`\`

## Session Startup

\`\`\`python
def onStartup(session):
    session.custom.counter = 0
    session.custom.big = dict(("node%04d" % i, {"value": i, "label": "node %d" % i, "ok": i % 2 == 0}) for i in xrange(2500))
\`\`\`

## Message Handlers

\`\`\`python
def configure_message_handlers():
    return {
        "spam": {"handler": "onSpam", "scope": "session", "script": '''
def onSpam(session, payload):
    logger = system.util.getLogger("Bench")
    for i in xrange(payload["rows"]):
        logger.info("log row %d of the large-state benchmark" % i)
'''},
        "bump": {"handler": "onBump", "scope": "session", "script": '''
def onBump(session, payload):
    session.custom.counter = payload["n"]
'''},
    }
\`\`\`
`;

/** What the bench reads in the client page (it runs there, typed here). */
declare const window: { __client?: { sessionId: string; view: { pageId?: string } } };

const percentile = (sorted: number[], p: number): number => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];

function frameFigures(label: string, { intervals, long }: { intervals: number[]; long: number[] }): void {
  const sorted = [...intervals].sort((a, b) => a - b);
  const slow = intervals.filter((ms) => ms > 1000 / 60 * 1.5).length;
  const mean = intervals.reduce((a, b) => a + b, 0) / intervals.length;
  console.log(`${label}: ${intervals.length} frames, mean ${mean.toFixed(1)} ms (${(1000 / mean).toFixed(0)} fps), p50 ${percentile(sorted, 50).toFixed(1)} ms, p95 ${percentile(sorted, 95).toFixed(1)} ms, max ${sorted.at(-1)!.toFixed(1)} ms, ${slow} frames over 25 ms; ${long.length} long animation frames (over 50 ms of work)${long.length ? `, longest ${Math.max(...long).toFixed(0)} ms` : ''}`);
}

/**
 * Runs page code given as text over the DevTools protocol: the panel's CSP forbids eval, and functions compiled by
 * tsx (which runs the benches) call a naming helper that the page does not have.
 */
const sessions = new WeakMap<Page, Promise<CDPSession>>();
async function inPage<T>(page: Page, expression: string): Promise<T> {
  if (!sessions.has(page)) sessions.set(page, page.context().newCDPSession(page));
  const cdp = await sessions.get(page)!;
  const { result, exceptionDetails } = await cdp.send('Runtime.evaluate', { expression, awaitPromise: true, returnByValue: true });
  if (exceptionDetails) throw new Error(exceptionDetails.exception?.description ?? exceptionDetails.text);
  return result.value as T;
}

/**
 * Scrolls a virtual list from top to bottom in `frames` equal steps, one per animation frame, and gives the frame
 * intervals seen and the long animation frames (over 50 ms of main-thread work) the browser reported meanwhile.
 */
function scrollThrough(panel: Page, list: string, frames: number): Promise<{ intervals: number[]; long: number[] }> {
  return inPage(panel, `new Promise((done) => {
    const box = document.querySelector(${JSON.stringify(list)});
    box.scrollTop = 0;
    const step = Math.max(box.clientHeight / 2, (box.scrollHeight - box.clientHeight) / ${frames});
    const intervals = [];
    const long = [];
    const observer = new PerformanceObserver((entries) => { for (const e of entries.getEntries()) long.push(e.duration); });
    observer.observe({ type: 'long-animation-frame' });
    let last = performance.now();
    const tick = () => {
      const now = performance.now();
      intervals.push(now - last);
      last = now;
      if (box.scrollTop + box.clientHeight >= box.scrollHeight - 1) {
        setTimeout(() => { observer.disconnect(); done({ intervals: intervals.slice(1), long }); }, 100);
        return;
      }
      box.scrollTop += step;
      requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  })`);
}

/** Records, in the page, when each value of `custom.counter` is first drawn: Date.now(), the clock the bench shares. */
function watchCounter(panel: Page): Promise<boolean> {
  return inPage(panel, `(() => {
    window.__drawn = {};
    const observer = new MutationObserver(() => {
      const text = document.querySelector('.tree-row[data-path="custom.counter"] .v-number')?.textContent;
      if (text !== undefined && !(text in window.__drawn)) window.__drawn[text] = Date.now();
    });
    observer.observe(document.body, { subtree: true, childList: true, characterData: true });
    return true;
  })()`);
}

async function drawnAt(panel: Page, value: number): Promise<number> {
  for (;;) {
    const at = await inPage<number | null>(panel, `window.__drawn[${JSON.stringify(String(value))}] ?? null`);
    if (at !== null) return at;
    await new Promise((wake) => setTimeout(wake, 5));
  }
}

/** How many rows a tab's virtual list holds. */
function rowCount(panel: Page, list: string): Promise<number> {
  return inPage(panel, `Number(document.querySelector(${JSON.stringify(list)})?.getAttribute('aria-rowcount') ?? 0)`);
}

export default async function bench(): Promise<void> {
  const folder = mkdtempSync(join(tmpdir(), 'periscope-panel-bench-'));
  writeFileSync(join(folder, 'large.md'), DOCUMENT);
  // The gateway's history: above the 100,000 rows by default, so that none may be dropped; PANEL_BENCH_HISTORY
  // below them shows what the panel says of the ones dropped.
  const history = process.env.PANEL_BENCH_HISTORY ?? '200000';
  console.log(`periscope serve --history ${history}`);
  // The handler logging 100,000 lines runs longer than the default 10 s a script may take on a loaded machine.
  const [served, browser] = await Promise.all([serve([join(folder, 'large.md'), '--port', '0', '--quiet', '--history', history, '--script-timeout', '10m']), launchWithExtension()]);
  try {
    const inspector = await inspectorAt(served.inspectorUrl!);
    const page = await browser.context.newPage();
    await page.goto(served.clientUrl);
    await page.waitForFunction(() => window.__client?.view.pageId !== undefined);
    const session = await page.evaluate(() => window.__client!.sessionId);
    const panel = await openPanel(browser, page);
    panel.on('crash', () => console.log('the panel page crashed'));
    await panel.getByLabel('events kept').fill('200000');
    await panel.getByLabel('events kept').press('Enter');

    // The tree: open custom.big (its 2,500 objects are loaded when it is expanded), then everything in it (*).
    const big = panel.locator('.tree-row[data-path="custom.big"]');
    await big.locator('.twisty').click();
    while ((await rowCount(panel, '.tree-list')) < 2_500) await panel.waitForTimeout(100);
    await big.click();
    await panel.keyboard.press('*');
    while ((await rowCount(panel, '.tree-list')) < 10_000) await panel.waitForTimeout(100);
    const rows = await rowCount(panel, '.tree-list');
    frameFigures(`custom tree, ${rows} rows open`, await scrollThrough(panel, '.tree-list', 600));

    // A script's prop change: the bench's own inspector and the panel both follow the session.
    await panel.getByRole('tab', { name: 'Session' }).click();
    await panel.getByLabel('search session properties').fill('counter');
    await watchCounter(panel);
    await inspector.request('subscribe', { session, events: false });
    const patchAt = new Map<number, number>();
    inspector.onEvent((frame) => {
      if (frame.event === 'patch' && frame.data.path === 'custom.counter') patchAt.set(frame.data.value as number, Date.now());
    });
    const sendToDrawn: number[] = [];
    const patchToDrawn: number[] = [];
    for (let n = 1; n <= 200; n++) {
      const sent = Date.now();
      await inspector.request('send', { session, message: 'bump', payload: { n }, handler: 'session' });
      const at = await drawnAt(panel, n);
      sendToDrawn.push(at - sent);
      patchToDrawn.push(at - (patchAt.get(n) ?? at));
    }
    const report = (label: string, samples: number[]) => {
      const sorted = [...samples].sort((a, b) => a - b);
      console.log(`${label}: p50 ${percentile(sorted, 50)} ms, p95 ${percentile(sorted, 95)} ms, max ${sorted.at(-1)} ms (${samples.length} changes)`);
    };
    report('prop change by a script, send request → drawn in the panel (includes the handler run)', sendToDrawn);
    report('prop change by a script, patch pushed by the gateway (seen by a second inspector) → drawn in the panel', patchToDrawn);
    // 100,000 log lines from one handler, followed live by the panel.
    const rowsWanted = 100_000;
    const started = performance.now();
    await inspector.request('send', { session, message: 'spam', payload: { rows: rowsWanted }, handler: 'session' });
    console.log(`handler logging ${rowsWanted} rows: ${((performance.now() - started) / 1000).toFixed(1)} s in the runtime`);
    const { seq: ran } = await inspector.request('snapshot', { session, depth: 0 });
    const run = (await inspector.request('trace', { after: Math.max(0, ran - 5), session })).events.findLast((e) => e.kind === 'script');
    console.log(`the handler's run: ${run?.kind === 'script' ? (run.status === 'ok' ? `ok, ${run.durationMs.toFixed(0)} ms` : `${run.status}: ${run.error?.message}`) : 'not found'}`);
    await panel.getByRole('tab', { name: 'Logs' }).click();
    const kept = await inPage<number>(panel, 'window.__periscopePanel.historyLimit');
    // The panel has caught up when it holds the gateway's last event (or was told it was dropped).
    const { seq: last } = await inspector.request('snapshot', { session, depth: 0 });
    const panelAt = () => inPage<number>(panel, 'window.__periscopePanel.store?.events.at(-1)?.seq ?? 0');
    for (let waited = 0; waited < 600_000 && (await panelAt()) < last; waited += 250) await panel.waitForTimeout(250);
    const received = ((performance.now() - started) / 1000).toFixed(1);
    // Then the list draws them (once per animation frame): wait until its row count stops changing.
    let arrived = await rowCount(panel, '.vlist');
    for (let before = -1; arrived !== before && arrived < rowsWanted; ) {
      before = arrived;
      await panel.waitForTimeout(500);
      arrived = await rowCount(panel, '.vlist');
    }
    const missed = await inPage<number>(panel, 'window.__periscopePanel.store?.missed ?? 0');
    const banner = await inPage<string>(panel, `document.querySelector('.banner.missed')?.textContent ?? 'none'`);
    console.log(`${arrived} of ${rowsWanted} rows in the panel (panel keeps ${kept} events; ${missed} trace events dropped by the gateway; banner: ${banner}); the panel held the last event ${received} s after the request, the list showed them ${((performance.now() - started) / 1000).toFixed(1)} s after it`);
    frameFigures(`logs, ${rowsWanted} rows`, await scrollThrough(panel, '.vlist', 600));

    inspector.close();
  } finally {
    await browser.close();
    await served.stop();
  }
}
