// The page surface's own trace: the page's WebSocket frames and the prop changes seen on its trees, numbered and
// capped like the runtime's, so a panel reads a real client with the same requests it uses on the dev gateway.
import type { Json } from '../../shared/engine/types';
import type { NewEvent, PropPatch, TraceEvent } from '../../shared/runtime/trace';
import { jsonDiff } from '../../shared/inspector/diff';
import type { ObservedFrame } from './socket-observer';

export type SurfaceItem = { type: 'event'; event: TraceEvent } | { type: 'patch'; patch: PropPatch };

/** Events kept; older ones go first. */
const KEEP = 5_000;

export class SurfaceTrace {
  readonly events: TraceEvent[] = [];
  private seq = 0;
  private readonly listeners = new Set<(item: SurfaceItem) => void>();
  /** Wall-clock ms since the hook started: a real client has no virtual clock. */
  private readonly start = performance.now();

  get last(): number {
    return this.seq;
  }

  now(): number {
    return Math.round(performance.now() - this.start);
  }

  listen(listener: (item: SurfaceItem) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  frame(session: string | null, page: string | undefined, frame: ObservedFrame): void {
    this.add({ kind: 'client', session, page, action: `frame ${frame.direction}`, detail: { type: frame.type, data: frame.data, bytes: frame.bytes } });
  }

  /** Records each changed leaf between two copies of a tree as a prop event with its patch. */
  changes(session: string, page: string | undefined, root: string, before: Json, after: Json): void {
    for (const change of jsonDiff(before, after, root, Infinity)) {
      const event: { kind: 'prop'; path: string; old?: Json; new?: Json } = { kind: 'prop', path: change.path };
      if (change.before !== undefined) event.old = change.before;
      if (change.after !== undefined) event.new = change.after;
      this.add({ ...event, session, page });
      this.emit({ type: 'patch', patch: { session, page, path: change.path, value: change.after } });
    }
  }

  private add(event: NewEvent): void {
    const full = { ...event, seq: ++this.seq, time: this.now() } as TraceEvent;
    this.events.push(full);
    if (this.events.length > KEEP) this.events.splice(0, this.events.length - KEEP);
    this.emit({ type: 'event', event: full });
  }

  private emit(item: SurfaceItem): void {
    for (const listener of this.listeners) listener(item);
  }
}
