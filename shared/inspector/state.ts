// Sessions as an inspector sees them: now (snapshot), and as they were right after any trace event (stateAt),
// rebuilt by undoing the prop changes recorded since, so no history of whole states is ever kept.
import { cloneValue } from '../engine/values';
import type { Page, Session } from '../runtime/session';
import { accessOf, pagePropWritable } from '../runtime/session-props';
import type { TraceEvent } from '../runtime/trace';
import { deleteAt, parsePath, setAt, type JsonObject, type PathPart } from '../runtime/tree';
import { snapshotViews } from '../runtime/views/snapshot';
import { cutToDepth } from './data';
import { foldSession, freshSession, type SessionThen } from './history';
import type { PageState, SessionState } from './protocol';

function accessLevels(props: JsonObject): SessionState['access'] {
  return Object.fromEntries(Object.keys(props).map((key) => [key, accessOf([key])]));
}

function readOnlyPageProps(props: JsonObject): string[] {
  return Object.keys(props).filter((key) => !pagePropWritable([key]));
}

function pageState(page: Page, depth: number | undefined): PageState {
  return {
    id: page.id,
    path: page.path,
    title: String(page.props.title ?? ''),
    primaryView: String(page.props.primaryView ?? ''),
    closed: page.closed,
    props: cutToDepth(page.props, depth, 'page.props'),
    readOnly: readOnlyPageProps(page.props),
    popups: [...page.popups.values()].map((p) => cloneValue(p)),
    docks: [...page.docks.values()].map((d) => cloneValue(d)),
    views: snapshotViews(page).map((view) => ({
      ...view,
      params: cutToDepth(view.params, depth, `view:${view.path}.params`),
      custom: cutToDepth(view.custom, depth, `view:${view.path}.custom`),
      props: cutToDepth(view.props, depth, `view:${view.path}.props`),
      components: view.components.map((c) => ({
        ...c,
        props: cutToDepth(c.props, depth, `view:${view.path}/${c.path}.props`),
        custom: cutToDepth(c.custom, depth, `view:${view.path}/${c.path}.custom`),
        meta: cutToDepth(c.meta, depth, `view:${view.path}/${c.path}.meta`),
      })),
    })),
  };
}

/** A session now, with nested data cut to `depth` levels under each tree. */
export function sessionState(session: Session, depth?: number): SessionState {
  return {
    id: session.id,
    closed: session.closed,
    user: session.user?.username ?? null,
    props: cutToDepth(session.props, depth, 'props'),
    access: accessLevels(session.props),
    custom: cutToDepth(session.custom, depth, 'custom'),
    lastPage: session.lastPage?.id ?? null,
    pages: session.pages.map((p) => pageState(p, depth)),
  };
}

type PropEvent = Extract<TraceEvent, { kind: 'prop' }>;

/** Where a prop event's path lives: a session tree or a page's props (view props are not rebuilt). */
function propRoot(event: PropEvent, state: { props: JsonObject; custom: JsonObject; pages: Map<string, JsonObject> }): { root: JsonObject; path: PathPart[] } | undefined {
  const path = event.path;
  if (path.startsWith('props.')) return { root: state.props, path: parsePath(path.slice('props.'.length)) };
  if (path.startsWith('custom.')) return { root: state.custom, path: parsePath(path.slice('custom.'.length)) };
  const page = event.page !== undefined ? state.pages.get(event.page) : undefined;
  if (page && path.startsWith('page.props.')) return { root: page, path: parsePath(path.slice('page.props.'.length)) };
  return undefined;
}

/**
 * The session as it was right after trace event `seq`, or undefined when it did not exist then. Props, custom
 * props and page props are today's with every later change undone; pages, popups, docks and the user follow
 * the events up to `seq`, starting from `dropped` (the shape the events a server no longer keeps built, if it
 * dropped any of this session's). Views are today's only when nothing changed since; otherwise left out.
 */
export function sessionStateAt(session: Session, events: readonly TraceEvent[], seq: number, depth?: number, dropped?: SessionThen): SessionState | undefined {
  const mine = events.filter((e) => e.session === session.id);
  // A session id opened again after a close names a new session: only its latest life can be rebuilt.
  const opened = mine.filter((e) => e.kind === 'session' && e.action === 'open').pop();
  if (opened ? opened.seq > seq : !dropped?.opened) return undefined;
  const then = opened ? freshSession() : dropped!;
  const before = mine.filter((e) => e.seq >= (opened?.seq ?? 0) && e.seq <= seq);
  const after = mine.filter((e) => e.seq > seq);

  const props = cloneValue(session.props);
  const custom = cloneValue(session.custom);
  const pageProps = new Map(session.pages.map((p) => [p.id, cloneValue(p.props)]));
  for (const event of [...after].reverse()) {
    if (event.kind !== 'prop') continue;
    const at = propRoot(event, { props, custom, pages: pageProps });
    if (!at || at.path.length === 0) continue;
    try {
      if ('old' in event && event.old !== undefined) setAt(at.root, at.path, cloneValue(event.old));
      else deleteAt(at.root, at.path);
    } catch {
      // A change whose parents were themselves created later: undoing those later creations removes it anyway.
    }
  }

  for (const event of before) foldSession(then, event);
  const { user, closed, lastPage, pages } = then;
  const unchangedSince = after.length === 0;
  return {
    id: session.id,
    closed,
    user,
    props: cutToDepth(props, depth, 'props'),
    access: accessLevels(props),
    custom: cutToDepth(custom, depth, 'custom'),
    lastPage,
    pages: session.pages.filter((p) => pages.has(p.id)).map((p) => {
      const then = pages.get(p.id)!;
      const propsThen = pageProps.get(p.id)!;
      const now = pageState(p, depth);
      return {
        ...now,
        path: String(propsThen.path ?? now.path),
        title: String(propsThen.title ?? ''),
        primaryView: String(propsThen.primaryView ?? ''),
        closed: then.closed,
        props: cutToDepth(propsThen, depth, 'page.props'),
        popups: [...then.popups.values()],
        docks: [...then.docks.values()],
        views: unchangedSince ? now.views : [],
      };
    }),
  };
}
