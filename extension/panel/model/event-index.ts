// The trace sorted into what each tab lists (messages with their handler's run, frames, logs, queries), kept
// up to date incrementally: each store change costs the new events only, however long the history is.
import type { Json } from '../../../shared/engine/types';
import type { TraceEvent } from '../../../shared/runtime/trace';

export type EventOf<K extends TraceEvent['kind']> = Extract<TraceEvent, { kind: K }>;

export interface MessageRow {
  event: EventOf<'message'>;
  /** The handler's run, once it finished. */
  run?: EventOf<'script'>;
}

export interface FrameRow {
  event: EventOf<'client'>;
  direction: 'in' | 'out';
  type: string;
  data: Json;
  bytes: number;
}

/** The slice of the store an index reads: its events (oldest may be dropped) and how many were dropped. */
export interface EventSource {
  readonly events: readonly TraceEvent[];
  readonly dropped: number;
}

export class EventIndex {
  readonly messages: MessageRow[] = [];
  readonly frames: FrameRow[] = [];
  readonly logs: Array<EventOf<'log'>> = [];
  readonly queries: Array<EventOf<'query'>> = [];
  /** Bumped whenever a list changed. */
  version = 0;
  private seen = 0;
  /** Messages whose handler has not finished, by session and run name (`message <type>`). */
  private readonly waiting = new Map<string, MessageRow[]>();

  update(source: EventSource): void {
    const total = source.dropped + source.events.length;
    if (total === this.seen) return;
    const start = Math.max(0, this.seen - source.dropped);
    for (let i = start; i < source.events.length; i++) this.add(source.events[i]);
    this.seen = total;
    const first = source.events[0]?.seq;
    if (first !== undefined) for (const list of [this.messages, this.frames, this.logs, this.queries] as Array<Array<{ seq: number } | { event: { seq: number } }>>) trimBefore(list, first);
    this.version++;
  }

  private add(event: TraceEvent): void {
    switch (event.kind) {
      case 'message': {
        const row: MessageRow = { event };
        this.messages.push(row);
        if (event.handled) {
          const key = `${event.session}|message ${event.name}`;
          const queue = this.waiting.get(key) ?? [];
          queue.push(row);
          this.waiting.set(key, queue);
        }
        return;
      }
      case 'script': {
        const queue = this.waiting.get(`${event.session}|${event.event}`);
        const row = queue?.shift();
        if (row) row.run = event;
        return;
      }
      case 'client': {
        const detail = event.detail as { type?: unknown; data?: Json; bytes?: unknown } | null;
        if (!event.action.startsWith('frame ') || typeof detail !== 'object' || detail === null) return;
        this.frames.push({ event, direction: event.action === 'frame out' ? 'out' : 'in', type: String(detail.type ?? ''), data: detail.data ?? null, bytes: Number(detail.bytes ?? 0) });
        return;
      }
      case 'log':
        this.logs.push(event);
        return;
      case 'query':
        this.queries.push(event);
        return;
    }
  }
}

function trimBefore(list: Array<{ seq: number } | { event: { seq: number } }>, first: number): void {
  let n = 0;
  while (n < list.length && seqOf(list[n]) < first) n++;
  if (n > 0) list.splice(0, n);
}

function seqOf(item: { seq: number } | { event: { seq: number } }): number {
  return 'event' in item ? item.event.seq : item.seq;
}
