// What each request does, one function per request type. Reads look at the runtime's state; everything that
// changes a session is a step performed through the recorder, so it is traced, ordered and exportable.
import { randomBytes } from 'node:crypto';
import type { SessionDriver } from '../runtime/driver';
import { sessionTimeoutSeconds } from '../runtime/project';
import type { Runtime } from '../runtime/runtime';
import type { Page, Session } from '../runtime/session';
import type { TraceEvent } from '../runtime/trace';
import { parsePath } from '../runtime/tree';
import { firedEventProblem } from '../runtime/session-events';
import { cutToDepth, framedEvent, readPath } from './data';
import type { DroppedHistory } from './history';
import { LIMITS, PROTOCOL_REVISION, PROTOCOL_VERSION, type ErrorCode, type Params, type RequestType, type Result } from './protocol';
import { requestTypes } from './params';
import type { LiveStep, Recorder } from './recorder';
import { sessionState, sessionStateAt } from './state';

/** A request that was read but cannot be answered as asked; the session is unchanged. */
export class RequestError extends Error {
  constructor(readonly code: ErrorCode, message: string) {
    super(message);
  }
}

/** What an inspector reads of a runtime, beside driving it. */
export type InspectedRuntime = Pick<Runtime, 'sessions' | 'clock' | 'project' | 'fixtures' | 'gateway'> & SessionDriver;

/** A connection's own subscriptions, which the server keeps. */
export interface Subscriptions {
  add(params: Params<'subscribe'>): number;
  remove(id: number): boolean;
}

export interface RequestContext {
  runtime: InspectedRuntime;
  recorder: Recorder;
  /** What the trace events the history cap dropped left of each session. */
  dropped: DroppedHistory;
  server: string;
  source: string;
  subscriptions: Subscriptions;
}

type Handlers = { [T in RequestType]: (ctx: RequestContext, params: Params<T>) => Result<T> | Promise<Result<T>> };

function sessionOf(ctx: RequestContext, id: string): Session {
  const session = ctx.runtime.sessions.get(id);
  if (!session) {
    const open = [...ctx.runtime.sessions.values()].filter((s) => !s.closed).map((s) => s.id);
    throw new RequestError('not-found', `no session "${id}"; open sessions: ${open.join(', ') || 'none'}`);
  }
  return session;
}

function openSessionOf(ctx: RequestContext, id: string): Session {
  const session = sessionOf(ctx, id);
  if (session.closed) throw new RequestError('refused', `session "${id}" is closed; open a page to start a new one`);
  return session;
}

function pageOf(session: Session, id: string | undefined): Page | undefined {
  if (id === undefined) return session.lastPage;
  const page = session.page(id);
  if (!page) throw new RequestError('not-found', `no page "${id}" in session ${session.id}; its pages: ${session.pages.map((p) => p.id).join(', ') || 'none'}`);
  return page;
}

/** A step on an open session (and page, when named); a step the runtime refuses is a `refused` error. */
async function step(ctx: RequestContext, live: LiveStep): Promise<Record<string, never>> {
  const session = openSessionOf(ctx, live.session);
  if (live.page !== undefined && pageOf(session, live.page)?.closed) throw new RequestError('refused', `page "${live.page}" is closed`);
  const problem = await ctx.recorder.perform(live);
  if (problem) throw new RequestError('refused', problem);
  return {};
}

/** Trace events after `after`, oldest first; seqs are consecutive, so the position is known without searching. */
function eventsAfter(events: readonly TraceEvent[], after: number): readonly TraceEvent[] {
  const first = events.length > 0 ? events[0].seq : 1;
  return events.slice(Math.max(0, after + 1 - first));
}

/** Refuses a request that needs the trace from just after `after` when the history cap dropped some of it. */
export function keptAfter(ctx: Pick<RequestContext, 'runtime'>, after: number, what: string): void {
  const trace = ctx.runtime.trace;
  if (after + 1 >= trace.firstSeq) return;
  throw new RequestError('dropped', `${what} needs trace events from ${after + 1}, but this server keeps only the last ${trace.retained} (periscope serve --history); the oldest it holds is ${trace.firstSeq}, so ask from ${trace.firstSeq - 1} on`);
}

/** A new session id, as unguessable as a gateway's. */
function newSessionId(): string {
  return randomBytes(6).toString('hex');
}

export const handlers: Handlers = {
  hello: (ctx) => {
    const { project, fixtures, gateway } = ctx.runtime;
    const idle = project.idle;
    return {
      protocol: PROTOCOL_VERSION,
      server: ctx.server,
      project: { name: project.name, source: ctx.source, version: project.version },
      pages: Object.entries(fixtures.pages).map(([url, page]) => ({ url, title: page.title ?? '', viewPath: page.viewPath ?? '' })),
      users: (gateway?.users ?? fixtures.users).map((u) => ({ username: u.username, roles: [...u.roles] })),
      messageHandlers: [...project.messageHandlers.keys()].sort(),
      componentMessages: project.views?.messageTypes() ?? [],
      idle: idle ? { timeoutMs: idle.timeoutMs, warningMs: idle.warningMs } : null,
      sessionTimeoutMs: sessionTimeoutSeconds(project) * 1000,
      requests: requestTypes(),
      limits: LIMITS,
      revision: PROTOCOL_REVISION,
      history: Number.isFinite(ctx.runtime.trace.retained) ? { events: ctx.runtime.trace.retained, firstSeq: ctx.runtime.trace.firstSeq } : null,
    };
  },

  snapshot: (ctx, { session, depth }) => {
    const sessions = session !== undefined ? [sessionOf(ctx, session)] : [...ctx.runtime.sessions.values()];
    return { time: ctx.runtime.clock.now(), epoch: ctx.runtime.clock.epoch, seq: ctx.runtime.trace.lastSeq, sessions: sessions.map((s) => sessionState(s, depth)) };
  },

  read: (ctx, { session: id, page, path, depth }) => {
    const session = sessionOf(ctx, id);
    let value;
    try {
      value = readPath(session, pageOf(session, page), path);
    } catch (error) {
      throw new RequestError('bad-params', `read: ${(error as Error).message}`);
    }
    return value === undefined ? { found: false, value: null } : { found: true, value: cutToDepth(value, depth, path) };
  },

  trace: (ctx, { after = 0, limit = LIMITS.traceEvents, session }) => {
    keptAfter(ctx, after, 'trace');
    const all = ctx.runtime.trace.events;
    const picked: TraceEvent[] = [];
    for (const event of eventsAfter(all, after)) {
      if (session !== undefined && event.session !== session) continue;
      picked.push(framedEvent(event));
      if (picked.length === limit) break;
    }
    return { events: picked, last: ctx.runtime.trace.lastSeq, dropped: ctx.dropped.count(session) };
  },

  subscribe: (ctx, params) => {
    if (params.after !== undefined && params.events !== false) keptAfter(ctx, params.after, 'subscribe');
    return { subscription: ctx.subscriptions.add(params), last: ctx.runtime.trace.lastSeq };
  },

  unsubscribe: (ctx, { subscription }) => {
    if (!ctx.subscriptions.remove(subscription)) throw new RequestError('not-found', `no subscription ${subscription} on this connection`);
    return {};
  },

  write: (ctx, { session, page, path, value }) => {
    try {
      parsePath(path.startsWith('view:') ? path.slice(path.indexOf('.') + 1) : path);
    } catch (error) {
      throw new RequestError('bad-params', `write: ${(error as Error).message}`);
    }
    return step(ctx, { kind: 'write', session, page, values: { [path]: value } });
  },

  send: (ctx, { session, page, message, payload = {}, handler, scope = 'page', view }) => {
    if (handler === 'session') return step(ctx, { kind: 'message', session, name: message, payload });
    return step(ctx, { kind: 'send', session, page, type: message, payload, scope, ...(view !== undefined ? { view } : {}) });
  },

  login: async (ctx, { session, page, user, password }) => {
    await step(ctx, { kind: 'login', session, page, user, ...(password !== undefined ? { password } : {}) });
    return { user };
  },

  logout: (ctx, { session, page }) => step(ctx, { kind: 'logout', session, page }),

  advance: async (ctx, { ms, session }) => {
    // The clock is the gateway's; a scenario still names a session for the clock event.
    const owner = session ?? [...ctx.runtime.sessions.values()].filter((s) => !s.closed).pop()?.id ?? 'clock';
    const problem = await ctx.recorder.perform({ kind: 'advance', session: owner, ms });
    if (problem) throw new RequestError('refused', problem);
    return { time: ctx.runtime.clock.now(), epoch: ctx.runtime.clock.epoch };
  },

  activity: (ctx, { session, page }) => step(ctx, { kind: 'activity', session, page }),
  key: (ctx, { session, page, key, modifiers }) => step(ctx, { kind: 'key', session, page, key, ...(modifiers ? { modifiers } : {}) }),
  barcode: (ctx, { session, page, data }) => step(ctx, { kind: 'barcode', session, page, data }),
  event: (ctx, { session, page, event, args = {}, name }) => {
    const problem = firedEventProblem(event, args, name);
    if (problem) throw new RequestError('bad-params', `event: ${problem}`);
    return step(ctx, { kind: 'event', session, page, event, args, ...(name !== undefined ? { name } : {}) });
  },
  action: (ctx, { session, page, view, component = '', event, data = {} }) => step(ctx, { kind: 'action', session, page, view, component, event, data }),

  open: async (ctx, { session: given, path, device = 'desktop' }) => {
    const id = given ?? newSessionId();
    const before = ctx.runtime.sessions.get(id);
    const pagesBefore = before && !before.closed ? before.pages.length : 0;
    const problem = await ctx.recorder.perform({ kind: 'open', session: id, path, device });
    if (problem) throw new RequestError('refused', problem);
    const session = ctx.runtime.sessions.get(id);
    const page = session && !session.closed && session.pages.length > pagesBefore ? session.pages[session.pages.length - 1] : undefined;
    if (!page) {
      const refusal = [...ctx.runtime.trace.events].reverse().find((e) => e.session === id && e.kind === 'session' && e.action === 'refused');
      throw new RequestError('refused', refusal?.kind === 'session' && refusal.reason ? `the session was refused: ${refusal.reason}` : `no page opened at ${path}`);
    }
    return { session: id, page: page.id };
  },

  navigate: (ctx, { session, page, path }) => step(ctx, { kind: 'navigate', session, page, path }),

  close: (ctx, { session, page }) => step(ctx, page !== undefined ? { kind: 'close_page', session, page } : { kind: 'close', session }),

  stateAt: (ctx, { seq, session, depth }) => {
    const trace = ctx.runtime.trace;
    // Undoing changes needs every event after `seq`; the events up to it may have been folded into what was dropped.
    keptAfter(ctx, seq, 'stateAt');
    const events = trace.events;
    const event = seq >= trace.firstSeq ? events[seq - trace.firstSeq] : undefined;
    if (seq > trace.lastSeq) throw new RequestError('not-found', `no trace event ${seq}; the trace holds ${trace.firstSeq} to ${trace.lastSeq}`);
    const sessions = session !== undefined ? [sessionOf(ctx, session)] : [...ctx.runtime.sessions.values()];
    return {
      seq,
      time: event?.time ?? (seq === 0 ? 0 : ctx.dropped.lastTime),
      sessions: sessions.map((s) => sessionStateAt(s, events, seq, depth, ctx.dropped.of(s.id))).filter((s) => s !== undefined),
    };
  },

  exportScenario: (ctx, { name }) => {
    const { dropped } = ctx.recorder;
    if (dropped > 0) {
      throw new RequestError('dropped', `the recording no longer holds its first ${dropped} steps (this server keeps the most recent ones: periscope serve --history), so no scenario can replay it from the start; restart serve with a larger --history to record a longer session`);
    }
    return ctx.recorder.exportScenario(name);
  },
};
