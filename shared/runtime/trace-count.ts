// Counting the trace events an `expect_trace` step asks about, without reading the whole trace every time: a
// scenario of 100 000 steps asks again and again over a trace that only grows.
import { jsonText } from '../engine/json-text';
import type { Json } from '../engine/types';
import { eventMatches } from './expect';
import type { TraceEvent } from './trace';

interface Tally {
  /** Entries of the kind's seqs already looked at, or, asked without a kind, the next seq to look at. */
  scanned: number;
  found: number;
}

interface TraceIndex {
  /** The next seq to index. */
  next: number;
  /** The seqs of the events of each kind. */
  kinds: Map<string, number[]>;
  tallies: Map<string, Tally>;
}

const indexes = new WeakMap<readonly TraceEvent[], TraceIndex>();

/**
 * How many events of `events` (a trace: consecutive seqs, appended to, its oldest perhaps dropped) match `match`
 * and belong to `session` or to no session, expectation results left out. Each question is answered from where
 * it was last answered; an event dropped before it was looked at is not counted.
 */
export function countMatching(events: readonly TraceEvent[], session: string, match: { [key: string]: Json }): number {
  const first = events[0]?.seq ?? 1;
  const last = events.length > 0 ? events[events.length - 1].seq : 0;
  const at = (seq: number): TraceEvent | undefined => (seq >= first ? events[seq - first] : undefined);
  let index = indexes.get(events);
  if (!index) indexes.set(events, (index = { next: first, kinds: new Map(), tallies: new Map() }));
  for (index.next = Math.max(index.next, first); index.next <= last; index.next++) {
    const kind = at(index.next)!.kind;
    let seqs = index.kinds.get(kind);
    if (!seqs) index.kinds.set(kind, (seqs = []));
    seqs.push(index.next);
  }
  // With a kind, only that kind's events can match; without one, every event is a candidate.
  const seqs = typeof match.kind === 'string' ? index.kinds.get(match.kind) ?? [] : undefined;
  const key = `${session}\u0000${jsonText(match)}`;
  let tally = index.tallies.get(key);
  if (!tally) index.tallies.set(key, (tally = { scanned: seqs ? 0 : first, found: 0 }));
  const end = seqs ? seqs.length : last + 1;
  for (; tally.scanned < end; tally.scanned++) {
    const event = at(seqs ? seqs[tally.scanned] : tally.scanned);
    if (event && (event.session === session || event.session === null) && event.kind !== 'expect' && eventMatches(event, match)) tally.found++;
  }
  return tally.found;
}
