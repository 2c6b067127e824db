// The virtual clock: simulated time that only moves when told to, with timers that fire in a fixed order.
import { DATE_LIMIT_MS } from '../engine/values';

export interface Timer {
  id: number;
  /** Virtual ms since the run started. */
  at: number;
  label: string;
  fire(): Promise<void>;
}

/** A move of the clock it cannot make; the message says why and what it can do. */
export class ClockError extends RangeError {}

export class VirtualClock {
  private current = 0;
  private nextId = 1;
  private timers: Timer[] = [];

  /** `epoch` is the wall-clock instant (ms) the run starts at, so dates look real and stay reproducible. */
  constructor(readonly epoch: number) {}

  /** Virtual ms since the run started. */
  now(): number {
    return this.current;
  }

  /** Epoch ms of the current virtual instant, what `system.date.now()` returns. */
  epochNow(): number {
    return this.epoch + this.current;
  }

  schedule(at: number, label: string, fire: () => Promise<void>): number {
    const timer = { id: this.nextId++, at: Math.max(at, this.current), label, fire };
    this.timers.push(timer);
    // Stable order: by time, then by creation, so equal-time timers fire as they were set.
    this.timers.sort((a, b) => a.at - b.at || a.id - b.id);
    return timer.id;
  }

  cancel(id: number): void {
    this.timers = this.timers.filter((t) => t.id !== id);
  }

  pending(): readonly Timer[] {
    return this.timers;
  }

  /** Moves time forward by `ms`, firing every timer due on the way at its own instant. */
  async advance(ms: number): Promise<void> {
    this.checkAdvance(ms);
    const target = this.current + ms;
    for (;;) {
      const next = this.timers[0];
      if (!next || next.at > target) break;
      this.timers.shift();
      this.current = next.at;
      await next.fire();
    }
    this.current = target;
  }

  /** Throws ClockError, saying why, when the clock cannot move forward by `ms`. */
  checkAdvance(ms: number): void {
    if (!Number.isFinite(ms) || ms < 0) throw new ClockError(`cannot advance the clock by ${ms} ms; give a positive duration`);
    // Dates the scripts read from the clock must stay dates: JavaScript's (and the trace's) last one bounds it.
    const room = DATE_LIMIT_MS - this.epochNow();
    if (ms > room) {
      throw new ClockError(`cannot advance the clock by ${ms} ms: it would pass ${new Date(DATE_LIMIT_MS).toISOString()}, the last date a simulation holds; advance at most ${room} ms from here`);
    }
  }
}

/** The longest a script may be allowed to run: a longer limit would let a runaway script hold a run for hours. */
export const MAX_SCRIPT_TIMEOUT_MS = 3_600_000;

/** A per-script time limit (`--script-timeout`, periscope.json `engine.scriptTimeout`) in ms; undefined when unusable. */
export function scriptTimeoutMs(value: unknown): number | undefined {
  const ms = parseDuration(value);
  return ms !== undefined && ms >= 1 && ms <= MAX_SCRIPT_TIMEOUT_MS ? Math.round(ms) : undefined;
}

/** `840`, `"840"` (seconds), `"14m"`, `"1h30m"`, `"2s"`, `"500ms"` → milliseconds; undefined when unreadable. */
export function parseDuration(value: unknown): number | undefined {
  const finite = (ms: number): number | undefined => (Number.isFinite(ms) ? ms : undefined);
  if (typeof value === 'number') return value >= 0 ? finite(value * 1000) : undefined;
  if (typeof value !== 'string') return undefined;
  const text = value.trim();
  if (/^\d+(\.\d+)?$/.test(text)) return finite(Number(text) * 1000);
  const units: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 };
  const re = /(\d+(?:\.\d+)?)(ms|s|m|h|d)/gy;
  let total = 0;
  let matched = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    total += Number(m[1]) * units[m[2]];
    matched = re.lastIndex;
  }
  return matched === text.length && matched > 0 ? finite(total) : undefined;
}
