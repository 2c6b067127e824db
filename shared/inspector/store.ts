// The copy of a live runtime that a face (the devtools panel, the VS Code session view) shows: a snapshot kept
// current by prop patches, the trace so far (capped), and nested data loaded only when someone expands it.
// It knows only the protocol; notifications are batched so a storm of patches redraws once.
import type { Json } from '../engine/types';
import type { TraceEvent } from '../runtime/trace';
import { isObject, parsePath, type PathPart } from '../runtime/tree';
import { InspectorError, type InspectorClient } from './client';
import { isStub, type Clock, type Hello, type PushedFrame, type SessionState } from './protocol';

export interface StoreOptions {
  /** Levels of nested data loaded at first under each tree; deeper data waits for expand(). */
  depth?: number;
  /** Trace events kept: the latest this many, up to a tenth more while the oldest wait to be dropped together. */
  history?: number;
  /** Only this session, or every session of the runtime. */
  session?: string;
  /** How notifications are batched: a microtask by default, an animation frame in a panel. */
  schedule?: (flush: () => void) => void;
}

type PatchData = Extract<PushedFrame, { event: 'patch' }>['data'];

/** Trace events after which the session's shape (pages, popups, docks, views, user) is fetched again. */
const RESHAPING = new Set(['session', 'page', 'navigate', 'popup', 'dock', 'auth']);

export class InspectorStore {
  hello: Hello | undefined;
  clock: Clock = { time: 0, epoch: 0 };
  readonly sessions = new Map<string, SessionState>();
  readonly events: TraceEvent[] = [];
  /** Trace events dropped from `events` by the history cap. */
  dropped = 0;
  /**
   * Trace events this copy never got although its history had room for them: the server's own history cap
   * (`periscope serve --history`) dropped them before they were sent or asked for. The server says how many.
   */
  missed = 0;
  /** Bumped on every change, for faces that redraw by comparing versions. */
  version = 0;
  private history: number;
  private readonly depth: number | undefined;
  private readonly listeners = new Set<() => void>();
  private readonly stale = new Set<string>();
  private flushing = false;
  private seq = 0;
  private readonly schedule: (flush: () => void) => void;

  constructor(
    readonly client: InspectorClient,
    private readonly options: StoreOptions = {},
  ) {
    this.history = options.history ?? 10_000;
    this.depth = options.depth;
    this.schedule = options.schedule ?? queueMicrotask;
  }

  /**
   * Says hello, subscribes, then takes the snapshot; frames that arrive meanwhile wait, and those the snapshot
   * already holds (by seq) are dropped, so nothing is missed and nothing is applied twice.
   */
  async start(): Promise<void> {
    this.hello = await this.client.request('hello', {});
    const early: PushedFrame[] = [];
    let ready = false;
    this.client.onEvent((frame) => (ready ? this.receive(frame) : early.push(frame)));
    const session = this.options.session;
    // Batched pushes (revision 2) let a server that waited for this reader catch it up in a few large frames.
    const batch = (this.hello.revision ?? 1) >= 2 ? { batch: true } : {};
    await this.client.request('subscribe', { ...(session ? { session } : {}), ...(this.depth !== undefined ? { depth: this.depth } : {}), ...batch });
    const snapshot = await this.client.request('snapshot', { ...(session ? { session } : {}), ...(this.depth !== undefined ? { depth: this.depth } : {}) });
    this.clock = { time: snapshot.time, epoch: snapshot.epoch };
    for (const s of snapshot.sessions) this.sessions.set(s.id, s);
    this.seq = snapshot.seq;
    // One `trace` reply holds a bounded number of events: page through the history the cap keeps. The server keeps
    // the events from `hello.history.firstSeq` on; older ones it would refuse.
    let after = Math.max(0, snapshot.seq - this.history, (this.hello.history?.firstSeq ?? 1) - 1);
    let droppedByServer = 0;
    while (after < snapshot.seq) {
      const page = await this.client.request('trace', { after, ...(session ? { session } : {}) }).catch(async (error: unknown) => {
        // Events kept on when paging began may be dropped by the time their page is asked for: go on from the oldest now.
        if (!(error instanceof InspectorError && error.code === 'dropped')) throw error;
        after = Math.max(after, ((await this.client.request('hello', {})).history?.firstSeq ?? 1) - 1);
        return undefined;
      });
      if (!page) continue;
      const { events } = page;
      droppedByServer = page.dropped ?? 0;
      this.keep(events.filter((e) => e.seq <= snapshot.seq));
      if (events.length === 0) break;
      after = events[events.length - 1].seq;
    }
    // Of the events the server dropped, those this copy's history would have kept are missing from it.
    this.missed = Math.min(droppedByServer, Math.max(0, this.history - this.events.length));
    ready = true;
    for (const frame of early) this.receive(frame);
    this.changed();
  }

  /** Calls `listener` after changes, at most once per batch; returns how to stop. */
  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** How many trace events to keep; lowering it drops the oldest now. */
  setHistory(limit: number): void {
    this.history = Math.max(1, Math.floor(limit));
    this.keep([], true);
    this.changed();
  }

  get historyLimit(): number {
    return this.history;
  }

  /** Loads the data behind a stub (a `$more` value) at `path`, `depth` levels deeper. */
  async expand(session: string, path: string, page?: string): Promise<void> {
    const read = await this.client.request('read', { session, path, ...(page ? { page } : {}), ...(this.depth !== undefined ? { depth: this.depth } : {}) });
    if (read.found) this.put(session, page, path, read.value, undefined);
    this.changed();
  }

  private receive(frame: PushedFrame): void {
    if (frame.event === 'closing') return;
    if (frame.event === 'dropped') {
      // The server gave up pushes this copy read too slowly to take: count the events, and fetch the state again,
      // as the patches and the reshaping events among them are gone.
      this.missed += frame.data.events;
      for (const id of this.sessions.keys()) this.refresh(id);
    } else if (frame.event === 'trace') {
      const event = frame.data;
      if (event.seq <= this.seq) return;
      this.seq = event.seq;
      this.keep([event]);
      this.clock = { ...this.clock, time: event.kind === 'clock' ? event.to : Math.max(this.clock.time, event.time) };
      if (event.session !== null && (RESHAPING.has(event.kind) || !this.sessions.has(event.session))) this.refresh(event.session);
    } else {
      const patch = frame.data;
      if (patch.seq < this.seq) return;
      this.apply(patch);
    }
    this.changed();
  }

  /** Appends events; beyond the cap the oldest go, a tenth of it at a time (`exact`: right now, down to the cap). */
  private keep(events: TraceEvent[], exact = false): void {
    for (const event of events) this.events.push(event);
    const over = this.events.length - this.history;
    if (over > 0 && (exact || over >= Math.max(1, Math.floor(this.history / 10)))) {
      this.events.splice(0, over);
      this.dropped += over;
    }
  }

  private apply(patch: PatchData): void {
    if (!this.sessions.has(patch.session)) {
      this.refresh(patch.session);
      return;
    }
    if (!this.put(patch.session, patch.page, patch.path, patch.value, patch.view)) this.refresh(patch.session);
  }

  /** Writes a value into the copy; false when the copy has no place for it (it is then fetched again). */
  private put(sessionId: string, pageId: string | undefined, path: string, value: Json | undefined, view: string | undefined): boolean {
    const session = this.sessions.get(sessionId);
    if (!session) return false;
    const page = session.pages.find((p) => p.id === (pageId ?? session.lastPage));
    try {
      const at = locate(session, page, path, view);
      return at !== undefined && setIn(at.holder, at.key, at.path, value);
    } catch {
      // A path that does not parse (never sent by a Periscope server): fetch the session again instead.
      return false;
    }
  }

  /** Fetches a session's state again, once per batch however many events asked for it. */
  private refresh(session: string): void {
    if (this.stale.has(session)) return;
    this.stale.add(session);
    this.schedule(() => {
      this.stale.delete(session);
      this.client.request('snapshot', { session, ...(this.depth !== undefined ? { depth: this.depth } : {}) }).then((snapshot) => {
        for (const s of snapshot.sessions) this.sessions.set(s.id, s);
        this.changed();
      }, () => undefined);
    });
  }

  private changed(): void {
    this.version++;
    if (this.flushing) return;
    this.flushing = true;
    this.schedule(() => {
      this.flushing = false;
      for (const listener of this.listeners) listener();
    });
  }
}

/** The object holding a tree, the tree's key in it, and the path inside. */
interface Place {
  holder: { [key: string]: Json };
  key: string;
  path: PathPart[];
}

function locate(session: SessionState, page: SessionState['pages'][number] | undefined, path: string, view: string | undefined): Place | undefined {
  const holder = session as unknown as { [key: string]: Json };
  const inside = (rest: string): PathPart[] => (rest === '' ? [] : parsePath(rest));
  if (path === 'props' || path.startsWith('props.')) return { holder, key: 'props', path: inside(path.slice('props.'.length)) };
  if (path === 'custom' || path.startsWith('custom.')) return { holder, key: 'custom', path: inside(path.slice('custom.'.length)) };
  if (!page) return undefined;
  if (path === 'page.props' || path.startsWith('page.props.')) return { holder: page as unknown as { [key: string]: Json }, key: 'props', path: inside(path.slice('page.props.'.length)) };
  if (!path.startsWith('view:')) return undefined;
  const body = path.slice('view:'.length);
  const dot = body.indexOf('.');
  const owner = body.slice(0, dot);
  const [tree, ...rest] = parsePath(body.slice(dot + 1));
  const instance = page.views.find((v) => (view !== undefined ? v.instanceId === view : owner === v.path || owner.startsWith(`${v.path}/`)));
  if (!instance || typeof tree !== 'string') return undefined;
  if (owner === instance.path) return { holder: instance as unknown as { [key: string]: Json }, key: tree, path: rest };
  const component = instance.components.find((c) => `${instance.path}/${c.path}` === owner);
  return component ? { holder: component as unknown as { [key: string]: Json }, key: tree, path: rest } : undefined;
}

/** Sets (or, with undefined, removes) `holder[key]` at `path`; a path through a stub is not loaded, so it is left. */
function setIn(holder: { [key: string]: Json }, key: string, path: PathPart[], value: Json | undefined): boolean {
  if (path.length === 0) {
    if (value === undefined) return false;
    holder[key] = value;
    return true;
  }
  let node: Json | undefined = holder[key];
  for (const part of path.slice(0, -1)) {
    if (isStub(node)) return true;
    node = Array.isArray(node) && typeof part === 'number' ? node[part] : isObject(node) ? node[String(part)] : undefined;
    if (node === undefined) return false;
  }
  if (isStub(node)) return true;
  const last = path[path.length - 1];
  if (Array.isArray(node) && typeof last === 'number') {
    if (value === undefined) node.splice(last, 1);
    else node[last] = value;
    return true;
  }
  if (!isObject(node)) return false;
  if (value === undefined) delete node[String(last)];
  else node[String(last)] = value;
  return true;
}
