// Sessions and pages coming and going: session start with Startup, page open with Page Startup, navigation,
// popups closing, and the end of a session with its views' and its own Shutdown scripts.
import { cloneValue } from '../engine/values';
import { armIdle, stopIdle } from './idle';
import type { ViewParts } from './parts';
import { sessionTimeoutSeconds } from './project';
import { writePage } from './prop-writes';
import { Page, pageArg, Session, sessionArg } from './session';
import { initialSessionProps, scriptMayWrite, type Device } from './session-props';
import { matchPageUrl } from './views/page-url';
import { openViews } from './views/open-views';
import { syncViews, urlParamsOf } from './views/page-views';
import { shutDownViews } from './views/run';

/** The page configuration of a URL: its title and primary view (a path with no configuration shows no view). */
function pageConfig(parts: Pick<ViewParts, 'fixtures'>, path: string): { title: string; viewPath: string } {
  const pages = parts.fixtures.pages;
  const match = matchPageUrl(Object.keys(pages), path);
  const config = match ? pages[match.pattern] : undefined;
  return { title: config?.title ?? '', viewPath: config?.viewPath ?? '' };
}

/** Opens a page (browser tab); the first open of a session starts it and runs Startup. */
export async function openPage(parts: ViewParts, sessionId: string, path: string, device: Device = 'desktop'): Promise<Page | undefined> {
  let session = parts.sessions.get(sessionId);
  if (!session || session.closed) {
    const open = [...parts.sessions.values()].filter((s) => !s.closed).length;
    const limit = parts.project.maxSessions;
    if (limit !== undefined && open >= limit) {
      parts.trace.add({ kind: 'session', session: sessionId, action: 'refused', reason: `the project allows ${limit} sessions and ${open} are open` });
      return undefined;
    }
    session = await startSession(parts, sessionId, device);
  }
  return addPage(parts, session, path);
}

async function startSession(parts: ViewParts, sessionId: string, device: Device): Promise<Session> {
  const project = parts.project;
  const props = initialSessionProps({ id: sessionId, device, now: parts.clock.epochNow(), version: project.version, index: parts.sessions.nextIndex() });
  // The project may set writable props (theme, locale...) for every session; the gateway's own stay as they are.
  for (const [key, value] of Object.entries(project.propsDefaults ?? {})) {
    if (scriptMayWrite([key])) props[key] = cloneValue(value);
  }
  const session = new Session(sessionId, props, cloneValue(project.customDefaults), device);
  parts.sessions.set(sessionId, session);
  parts.trace.add({ kind: 'session', session: sessionId, action: 'open', device });
  const startup = project.sessionEvents.onStartup;
  if (startup) await parts.scripts.invoke(startup, [sessionArg(session)], { session }, 'onStartup');
  armIdle(parts, session);
  return session;
}

async function addPage(parts: ViewParts, session: Session, path: string): Promise<Page> {
  stopSessionTimeout(parts, session);
  const id = session.nextPageId();
  const config = pageConfig(parts, path);
  const page = new Page(id, session.id, {
    pageId: id,
    path,
    primaryView: config.viewPath,
    title: config.title,
    urlParams: urlParamsOf(parts, path),
    dimensions: { viewport: { width: session.device === 'mobile' ? 390 : 1920, height: session.device === 'mobile' ? 844 : 1080 } },
    appBarVisible: true,
  });
  session.pages.push(page);
  session.lastPage = page;
  parts.trace.add({ kind: 'page', session: session.id, page: id, action: 'open', path });
  const startup = parts.project.sessionEvents.onPageStartup;
  if (startup) await parts.scripts.invoke(startup, [pageArg(page)], { session, page }, 'onPageStartup');
  syncViews(parts, page);
  return page;
}

/** Moves a page to another page URL, as navigate() does: the tab stays, Page Startup does not run again. */
export function navigatePage(parts: ViewParts, page: Page, to: string, record: 'back' | 'forward' | 'new' = 'new'): void {
  const from = page.path;
  const config = pageConfig(parts, to);
  if (record === 'new') {
    page.back.push(from);
    page.forward.length = 0;
  }
  parts.trace.add({ kind: 'navigate', session: page.sessionId, page: page.id, from, to, view: config.viewPath });
  writePage(parts.trace, page, ['path'], to);
  writePage(parts.trace, page, ['primaryView'], config.viewPath);
  writePage(parts.trace, page, ['title'], config.title);
  writePage(parts.trace, page, ['urlParams'], urlParamsOf(parts, to));
  for (const id of [...page.popups.keys()]) closePopup(parts, page, id);
  syncViews(parts, page);
}

export function closePopup(parts: ViewParts, page: Page, id: string): boolean {
  const popup = page.popups.get(id);
  if (!popup) return false;
  page.popups.delete(id);
  parts.trace.add({ kind: 'popup', session: page.sessionId, page: page.id, action: 'close', id, view: popup.view });
  syncViews(parts, page);
  return true;
}

/** Closes one page (a browser tab going away): its views' onShutdown scripts run while the views are still there. */
export async function closePage(parts: ViewParts, page: Page): Promise<void> {
  if (page.closed) return;
  await shutDownViews(parts, page, [...openViews(page)]);
  page.closed = true;
  syncViews(parts, page);
  parts.trace.add({ kind: 'page', session: page.sessionId, page: page.id, action: 'close', path: page.path });
  const session = parts.sessions.get(page.sessionId);
  if (!session || session.closed) return;
  // The person goes on with the page they opened last; with none left, the closed one stays the last used.
  if (session.lastPage === page) session.lastPage = session.openPages().at(-1) ?? page;
  if (session.openPages().length === 0) armSessionTimeout(parts, session);
}

/**
 * A session whose last page went away ends after the project's session timeout, as on a gateway when no
 * client keeps it alive; a page opened meanwhile keeps it. The timer runs on the virtual clock.
 */
function armSessionTimeout(parts: ViewParts, session: Session): void {
  const seconds = sessionTimeoutSeconds(parts.project);
  session.timeoutTimer = parts.clock.schedule(parts.clock.now() + seconds * 1000, `${session.id} session timeout`, async () => {
    session.timeoutTimer = undefined;
    await parts.queue.enqueue(session.id, () => closeSession(parts, session, `session timeout: no page for ${seconds} s`));
  });
}

function stopSessionTimeout(parts: Pick<ViewParts, 'clock'>, session: Session): void {
  if (session.timeoutTimer !== undefined) parts.clock.cancel(session.timeoutTimer);
  session.timeoutTimer = undefined;
}

/**
 * Ends a session as a gateway does when it goes away: its pages close first (their views' onShutdown scripts
 * run while the views are still there), then the session's own Shutdown runs.
 */
export async function closeSession(parts: ViewParts, session: Session, reason = 'closed'): Promise<void> {
  if (session.closed) return;
  for (const page of session.openPages()) await shutDownViews(parts, page, [...openViews(page)]);
  const shutdown = parts.project.sessionEvents.onShutdown;
  if (shutdown) await parts.scripts.invoke(shutdown, [sessionArg(session)], { session }, 'onShutdown');
  stopIdle(parts, session);
  stopSessionTimeout(parts, session);
  for (const page of session.openPages()) {
    page.closed = true;
    syncViews(parts, page);
    parts.trace.add({ kind: 'page', session: session.id, page: page.id, action: 'close', path: page.path });
  }
  session.closed = true;
  parts.trace.add({ kind: 'session', session: session.id, action: 'close', reason });
}
