// A session's shape as trace events build it (opened, user, pages, popups, docks), and what a server still knows of
// it once the oldest events are dropped (`--history`): those events folded into one state per session, so that
// `stateAt` rebuilds any moment the kept events reach.
import type { Dock, Popup } from '../runtime/session';
import type { TraceEvent } from '../runtime/trace';

export interface PageThen {
  closed: boolean;
  popups: Map<string, Popup>;
  docks: Map<string, Dock>;
}

/** A session's shape after some of its events; `opened` is false until its session-open event. */
export interface SessionThen {
  opened: boolean;
  user: string | null;
  closed: boolean;
  lastPage: string | null;
  pages: Map<string, PageThen>;
}

export function freshSession(): SessionThen {
  return { opened: false, user: null, closed: false, lastPage: null, pages: new Map() };
}

/** A copy that folding more events into leaves the original as it was. */
export function copySession(then: SessionThen): SessionThen {
  const pages = new Map([...then.pages].map(([id, page]) => [id, { closed: page.closed, popups: new Map(page.popups), docks: new Map(page.docks) }]));
  return { ...then, pages };
}

/** One of the session's events applied to its shape; a session opened again starts a new life. */
export function foldSession(then: SessionThen, event: TraceEvent): void {
  if (event.kind === 'session' && event.action === 'open') Object.assign(then, { ...freshSession(), opened: true });
  if (event.kind === 'auth' && event.ok) then.user = event.action === 'login' ? event.user : null;
  if (event.kind === 'session' && event.action === 'close') then.closed = true;
  if (event.kind === 'page' && event.page) {
    if (event.action === 'open') {
      then.pages.set(event.page, { closed: false, popups: new Map(), docks: new Map() });
      then.lastPage = event.page;
    } else if (then.pages.has(event.page)) then.pages.get(event.page)!.closed = true;
  }
  const page = event.page ? then.pages.get(event.page) : undefined;
  if (page && event.kind === 'popup') {
    if (event.action === 'open') page.popups.set(event.id, { id: event.id, view: event.view ?? '', params: event.params ?? {}, modal: event.modal ?? false });
    else page.popups.delete(event.id);
  }
  if (page && event.kind === 'dock' && event.action !== 'alter') page.docks.set(event.id, { id: event.id, params: event.params ?? {}, open: event.action === 'open' });
}

/** The shapes the dropped events of each session built. */
export class DroppedHistory {
  private readonly sessions = new Map<string, SessionThen>();
  /** Events dropped of each session (a null session for gateway-wide ones). */
  private readonly counts = new Map<string | null, number>();
  /** Events dropped in all. */
  total = 0;
  /** The time of the last event dropped. */
  lastTime = 0;

  fold(events: readonly TraceEvent[]): void {
    for (const event of events) {
      this.lastTime = event.time;
      this.total++;
      this.counts.set(event.session, (this.counts.get(event.session) ?? 0) + 1);
      if (event.session === null) continue;
      let then = this.sessions.get(event.session);
      if (!then) this.sessions.set(event.session, (then = freshSession()));
      foldSession(then, event);
    }
  }

  /** How many events of `session` (of every session, without one) were dropped. */
  count(session?: string): number {
    return session === undefined ? this.total : (this.counts.get(session) ?? 0);
  }

  /** The session's shape when the kept events begin, or undefined when none of its events was dropped. */
  of(session: string): SessionThen | undefined {
    const then = this.sessions.get(session);
    return then && copySession(then);
  }
}
