// The trace: the ordered, typed record of everything a simulated session did, and the stream observers follow.
import type { Json } from '../engine/types';

export interface ScriptErrorInfo {
  type: string;
  message: string;
  file: string;
  line: number;
  column?: number;
  traceback: Array<{ file: string; line: number; function: string; text?: string }>;
  cause: string;
}

/** Fields every event carries; `time` is virtual milliseconds since the run started. */
interface Base {
  seq: number;
  time: number;
  /** The session the event belongs to; null for project-level events such as loading scripts. */
  session: string | null;
  page?: string;
}

export type TraceEvent = Base &
  (
    /** The first event of every trace: which engine ran the scripts, and why that one. */
    | { kind: 'engine'; name: string; about: string; reason: string }
    | { kind: 'session'; action: 'open' | 'close' | 'refused'; device?: string; reason?: string }
    | { kind: 'page'; action: 'open' | 'close'; path: string; device?: string }
    | { kind: 'script'; name: string; event: string; file: string; line: number; status: 'ok' | 'error'; error?: ScriptErrorInfo; result?: Json; durationMs: number }
    | { kind: 'log'; logger: string; level: string; message: string }
    /** A system.* call whose simulation has no event of its own (date arithmetic, JSON, datasets...). */
    | { kind: 'call'; function: string; args: Json; kwargs?: Json; result: Json }
    /** `old` is absent when the key is new, `new` when the key was removed. */
    | { kind: 'prop'; path: string; old?: Json; new?: Json; /** The view instance, for view and component props. */ view?: string }
    | { kind: 'message'; name: string; payload: Json; handled: boolean; scope?: string; /** Component messages: who received it, or why nobody did. */ view?: string; component?: string; reason?: string; /** Who sent it: a script (system.util/perspective.sendMessage), or a client or inspector. */ from?: 'client' | 'script' }
    | { kind: 'navigate'; from: string; to: string; view?: string }
    | { kind: 'popup'; action: 'open' | 'close'; id: string; view?: string; params?: Json; modal?: boolean }
    | { kind: 'dock'; action: 'open' | 'close' | 'alter'; id: string; params?: Json }
    | { kind: 'query'; name: string; params: Json; rowCount?: number; rowsAffected?: number; value?: Json; error?: string; sql?: string; /** Wall-clock ms the database took. */ durationMs?: number }
    | { kind: 'tag'; action: 'read' | 'write'; paths: string[]; values?: Json[]; qualities: string[] }
    | { kind: 'alarm'; action: 'query'; filter: Json; count: number }
    | { kind: 'audit'; action: string; target: string; value: string; actor: string }
    | { kind: 'auth'; action: 'login' | 'logout'; user: string; ok: boolean; reason?: string }
    | { kind: 'divergence'; rule: string; message: string; file: string; line: number; column?: number }
    | { kind: 'clock'; from: number; to: number }
    | { kind: 'client'; action: string; detail: Json }
    | { kind: 'expect'; step: number; passed: boolean; message: string }
    /** The runtime itself failed (a bug in Periscope, not in the project): its error in a line, the stack kept apart. */
    | { kind: 'internal'; message: string }
  );

export type TraceKind = TraceEvent['kind'];

/** An event as a producer writes it; the trace stamps `seq` and `time`. */
export type NewEvent = TraceEvent extends infer E ? (E extends TraceEvent ? Omit<E, 'seq' | 'time'> : never) : never;

/** A prop change as observers of the live state see it (the devtools panel applies these to its copy). */
export interface PropPatch {
  session: string;
  page?: string;
  /** `props.theme`, `custom.preferences.theme`, `page.props.path`... */
  path: string;
  value: Json | undefined;
  /** The view instance (`primary`, `popup:editor`), for view and component props. */
  view?: string;
}

export type TraceListener = (item: { type: 'event'; event: TraceEvent } | { type: 'patch'; patch: PropPatch }) => void;

export class Trace {
  /** The events kept, oldest first, their seqs consecutive: all of them, unless `retain` set a limit. */
  readonly events: TraceEvent[] = [];
  private readonly listeners = new Set<TraceListener>();
  private readonly dropListeners = new Set<(dropped: readonly TraceEvent[]) => void>();
  private nextSeq = 1;
  private limit = Infinity;
  /** While set, events are built but not kept or sent (a replaced engine replaying calls that already happened). */
  muted = false;

  constructor(private readonly now: () => number) {}

  add(event: NewEvent): TraceEvent {
    const full = { seq: this.nextSeq, time: this.now(), ...event } as TraceEvent;
    if (this.muted) return full;
    this.nextSeq++;
    this.events.push(full);
    // Trimmed a tenth at a time, so that keeping a limit costs no more than an append.
    if (this.events.length >= this.limit + Math.max(1, Math.floor(this.limit / 10))) this.drop(this.events.length - this.limit);
    for (const listener of this.listeners) listener({ type: 'event', event: full });
    return full;
  }

  /** The seq of the last event added (0 before the first): it counts events a limit dropped too. */
  get lastSeq(): number {
    return this.nextSeq - 1;
  }

  /** The seq of the oldest event kept (`lastSeq + 1` while none is). */
  get firstSeq(): number {
    return this.events[0]?.seq ?? this.nextSeq;
  }

  /**
   * Keeps at least the `limit` most recent events from now on (a live gateway's memory stays bounded); older ones
   * are dropped, and dropped events go to `onDrop` listeners first.
   */
  retain(limit: number): void {
    this.limit = Math.max(1, Math.floor(limit));
    if (this.events.length > this.limit) this.drop(this.events.length - this.limit);
  }

  /** The limit `retain` set; Infinity when every event is kept. */
  get retained(): number {
    return this.limit;
  }

  /** Listens to the events a limit drops, oldest first; returns how to stop. */
  onDrop(listener: (dropped: readonly TraceEvent[]) => void): () => void {
    this.dropListeners.add(listener);
    return () => this.dropListeners.delete(listener);
  }

  private drop(count: number): void {
    const dropped = this.events.splice(0, count);
    for (const listener of this.dropListeners) listener(dropped);
  }

  patch(patch: PropPatch): void {
    if (this.muted) return;
    for (const listener of this.listeners) listener({ type: 'patch', patch });
  }

  subscribe(listener: TraceListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
