// Sessions and pages coming and going: session start with Startup, page open with Page Startup, navigation,
// popups closing, and the end of a session with its views' and its own Shutdown scripts.
import { cloneValue } from '../engine/values';
import { armIdle, stopIdle } from './idle';
import type { Runtime } from './runtime';
import { Page, Session } from './session';
import { initialSessionProps, scriptMayWrite, type Device } from './session-props';
import { matchPageUrl } from './views/page-url';
import { openViews, syncViews, urlParamsOf } from './views/page-views';
import { shutDownViews } from './views/run';

/** The page configuration of a URL: its title and primary view (a path with no configuration shows no view). */
export function pageConfig(runtime: Runtime, path: string): { title: string; viewPath: string } {
  const pages = runtime.fixtures.pages;
  const match = matchPageUrl(Object.keys(pages), path);
  const config = match ? pages[match.pattern] : undefined;
  return { title: config?.title ?? '', viewPath: config?.viewPath ?? '' };
}

/** Opens a page (browser tab); the first open of a session starts it and runs Startup. */
export async function openPage(runtime: Runtime, sessionId: string, path: string, device: Device = 'desktop'): Promise<Page | undefined> {
  let session = runtime.sessions.get(sessionId);
  if (!session || session.closed) {
    const open = [...runtime.sessions.values()].filter((s) => !s.closed).length;
    const limit = runtime.project.maxSessions;
    if (limit !== undefined && open >= limit) {
      runtime.event({ kind: 'session', session: sessionId, action: 'refused', reason: `the project allows ${limit} sessions and ${open} are open` });
      return undefined;
    }
    session = await startSession(runtime, sessionId, device);
  }
  return addPage(runtime, session, path);
}

async function startSession(runtime: Runtime, sessionId: string, device: Device): Promise<Session> {
  const project = runtime.project;
  const props = initialSessionProps({ id: sessionId, device, now: runtime.clock.epochNow(), version: project.version, index: runtime.nextSessionIndex() });
  // The project may set writable props (theme, locale...) for every session; the gateway's own stay as they are.
  for (const [key, value] of Object.entries(project.propsDefaults ?? {})) {
    if (scriptMayWrite([key])) props[key] = cloneValue(value);
  }
  const session = new Session(sessionId, props, cloneValue(project.customDefaults), device);
  runtime.sessions.set(sessionId, session);
  runtime.event({ kind: 'session', session: sessionId, action: 'open', device });
  const startup = project.sessionEvents.onStartup;
  if (startup) await runtime.invoke(startup, [runtime.sessionArg(session)], { session }, 'onStartup');
  armIdle(runtime, session);
  return session;
}

async function addPage(runtime: Runtime, session: Session, path: string): Promise<Page> {
  const id = session.nextPageId();
  const config = pageConfig(runtime, path);
  const page = new Page(id, session.id, {
    pageId: id,
    path,
    primaryView: config.viewPath,
    title: config.title,
    urlParams: urlParamsOf(runtime, path),
    dimensions: { viewport: { width: session.device === 'mobile' ? 390 : 1920, height: session.device === 'mobile' ? 844 : 1080 } },
    appBarVisible: true,
  });
  session.pages.push(page);
  session.lastPage = page;
  runtime.event({ kind: 'page', session: session.id, page: id, action: 'open', path });
  const startup = runtime.project.sessionEvents.onPageStartup;
  if (startup) await runtime.invoke(startup, [runtime.pageArg(page)], { session, page }, 'onPageStartup');
  syncViews(runtime, page);
  return page;
}

/** Moves a page to another page URL, as navigate() does: the tab stays, Page Startup does not run again. */
export function navigatePage(runtime: Runtime, page: Page, to: string, record: 'back' | 'forward' | 'new' = 'new'): void {
  const from = page.path;
  const config = pageConfig(runtime, to);
  if (record === 'new') {
    page.back.push(from);
    page.forward.length = 0;
  }
  runtime.event({ kind: 'navigate', session: page.sessionId, page: page.id, from, to, view: config.viewPath });
  runtime.writePage(page, ['path'], to);
  runtime.writePage(page, ['primaryView'], config.viewPath);
  runtime.writePage(page, ['title'], config.title);
  runtime.writePage(page, ['urlParams'], urlParamsOf(runtime, to));
  for (const id of [...page.popups.keys()]) closePopup(runtime, page, id);
  syncViews(runtime, page);
}

export function closePopup(runtime: Runtime, page: Page, id: string): boolean {
  const popup = page.popups.get(id);
  if (!popup) return false;
  page.popups.delete(id);
  runtime.event({ kind: 'popup', session: page.sessionId, page: page.id, action: 'close', id, view: popup.view });
  syncViews(runtime, page);
  return true;
}

/** Closes one page (a browser tab going away): its views' onShutdown scripts run while the views are still there. */
export async function closePage(runtime: Runtime, page: Page): Promise<void> {
  if (page.closed) return;
  await shutDownViews(runtime, page, [...openViews(page)]);
  page.closed = true;
  syncViews(runtime, page);
  runtime.event({ kind: 'page', session: page.sessionId, page: page.id, action: 'close', path: page.path });
}

/**
 * Ends a session as a gateway does when it goes away: its pages close first (their views' onShutdown scripts
 * run while the views are still there), then the session's own Shutdown runs.
 */
export async function closeSession(runtime: Runtime, session: Session, reason = 'closed'): Promise<void> {
  if (session.closed) return;
  for (const page of session.openPages()) await shutDownViews(runtime, page, [...openViews(page)]);
  const shutdown = runtime.project.sessionEvents.onShutdown;
  if (shutdown) await runtime.invoke(shutdown, [runtime.sessionArg(session)], { session }, 'onShutdown');
  stopIdle(runtime, session);
  for (const page of session.openPages()) {
    page.closed = true;
    syncViews(runtime, page);
    runtime.event({ kind: 'page', session: session.id, page: page.id, action: 'close', path: page.path });
  }
  session.closed = true;
  runtime.event({ kind: 'session', session: session.id, action: 'close', reason });
}
