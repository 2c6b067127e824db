// What one connection sends, in order: replies, and the trace events and prop patches its subscriptions push.
// They leave as fast as the transport's other end takes them, so a slow inspector holds up its own sending rather
// than filling the gateway's memory; what waits is sent in `batch` frames to subscriptions that take them, and past
// a bound the oldest pushes give way, the inspector being told exactly how many (a `dropped` frame) first.
import { jsonText } from '../engine/json-text';
import { LIMITS, PROTOCOL_VERSION, type BatchedFrame, type EventFrame } from './protocol';
import type { Transport } from './transport';

/** Backlog (bytes the other end has not taken) under which the next frame goes out. */
const HIGH_WATER = 262_144;
/** Text one batch frame gathers before it is sent, and the pushes it holds at most. */
const BATCH_BYTES = 262_144;
const BATCH_ITEMS = 2_000;
/** A field of a pushed frame larger than this is left out when the whole frame would pass the frame limit. */
const FIELD_BYTES = 4_096;

type Push = Extract<EventFrame, { event: 'trace' | 'patch' }>;

type Entry = { reply: string } | { push: Push; batch: boolean };

export interface Lost {
  events: number;
  patches: number;
}

export class Outbox {
  private queue: Entry[] = [];
  private head = 0;
  /** Pushes waiting in the queue. */
  private pushes = 0;
  private scheduled = false;
  /** Pushes given up per subscription since its inspector was last told. */
  private readonly lost = new Map<number, Lost>();
  private closed = false;

  /** `limit`: the pushes kept waiting at most (the server's history cap); the oldest go first beyond it. */
  constructor(
    private readonly transport: Transport,
    private readonly limit: () => number,
  ) {
    transport.onDrain?.(() => this.pump());
  }

  reply(text: string): void {
    this.queue.push({ reply: text });
    this.schedule();
  }

  push(frame: Push, batch: boolean): void {
    this.queue.push({ push: frame, batch });
    this.pushes++;
    const limit = this.limit();
    // Given up a tenth at a time, so that keeping a bound costs no more than an append.
    if (this.pushes >= limit + Math.max(1, Math.floor(limit / 10))) this.giveUp(this.pushes - limit);
    this.schedule();
  }

  /** Pushes for `subscription` are no longer wanted (unsubscribed). */
  forget(subscription: number): void {
    this.queue = this.queue.slice(this.head).filter((e) => 'reply' in e || e.push.subscription !== subscription);
    this.head = 0;
    this.pushes = this.queue.filter((e) => 'push' in e).length;
    this.lost.delete(subscription);
  }

  close(): void {
    this.closed = true;
    this.queue = [];
    this.head = 0;
  }

  private schedule(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    // Pushes of one burst (a script's run) wait for it to end, then leave together.
    queueMicrotask(() => this.pump());
  }

  /** The `count` oldest pushes are dropped; replies stay. */
  private giveUp(count: number): void {
    const kept: Entry[] = [];
    for (let i = this.head; i < this.queue.length; i++) {
      const entry = this.queue[i];
      if (count > 0 && 'push' in entry) {
        count--;
        this.pushes--;
        const lost = this.lost.get(entry.push.subscription) ?? { events: 0, patches: 0 };
        if (entry.push.event === 'trace') lost.events++;
        else lost.patches++;
        this.lost.set(entry.push.subscription, lost);
        continue;
      }
      kept.push(entry);
    }
    this.queue = kept;
    this.head = 0;
  }

  private pump(): void {
    this.scheduled = false;
    while (!this.closed && this.head < this.queue.length && (this.transport.backlog?.() ?? 0) < HIGH_WATER) this.sendNext();
    if (this.head > 1_024 && this.head * 2 > this.queue.length) {
      this.queue = this.queue.slice(this.head);
      this.head = 0;
    }
  }

  private sendNext(): void {
    const entry = this.queue[this.head];
    if ('reply' in entry) {
      this.head++;
      this.transport.send(entry.reply);
      return;
    }
    const subscription = entry.push.subscription;
    const lost = this.lost.get(subscription);
    if (lost) {
      this.lost.delete(subscription);
      this.transport.send(jsonText({ v: PROTOCOL_VERSION, event: 'dropped', subscription, data: { ...lost, reason: 'the inspector read more slowly than events came, past what the server keeps waiting (its history)' } } satisfies EventFrame));
    }
    if (!entry.batch) {
      this.head++;
      this.pushes--;
      this.transport.send(encode(entry.push));
      return;
    }
    const parts: string[] = [];
    let bytes = 0;
    while (this.head < this.queue.length && parts.length < BATCH_ITEMS && bytes < BATCH_BYTES) {
      const next = this.queue[this.head];
      if (!('push' in next) || next.push.subscription !== subscription) break;
      const text = encode({ event: next.push.event, data: next.push.data } as BatchedFrame);
      // One frame holds at most LIMITS.frameBytes: a push that would pass it waits for the next batch.
      if (parts.length > 0 && bytes + text.length > LIMITS.frameBytes - 1_024) break;
      parts.push(text);
      bytes += text.length + 1;
      this.head++;
      this.pushes--;
    }
    this.transport.send(`{"v":${PROTOCOL_VERSION},"event":"batch","subscription":${subscription},"data":{"frames":[${parts.join(',')}]}}`);
  }
}

/** A pushed frame as text; one too large to send whole has its large fields replaced by `{"$omitted": {"bytes": n}}`. */
function encode(frame: Push | BatchedFrame): string {
  const text = jsonText(frame);
  if (text.length <= LIMITS.frameBytes - 1_024) return text;
  const data = Object.fromEntries(Object.entries(frame.data).map(([key, value]) => {
    const size = jsonText(value ?? null).length;
    return [key, size > FIELD_BYTES ? { $omitted: { bytes: size } } : value];
  }));
  return jsonText({ ...frame, data });
}
