// Counting the trace events an `expect_trace` step asks about, without reading the whole trace every time: a
// scenario of 100 000 steps asks again and again over a trace that only grows.
import { jsonText } from '../engine/json-text';
import type { Json } from '../engine/types';
import { eventMatches } from './expect';
import type { TraceEvent } from './trace';

interface Tally {
  /** Positions (in `kinds`, or in the events) already looked at. */
  scanned: number;
  found: number;
}

interface TraceIndex {
  /** Events indexed so far. */
  indexed: number;
  /** Positions of the events of each kind. */
  kinds: Map<string, number[]>;
  tallies: Map<string, Tally>;
}

const indexes = new WeakMap<readonly TraceEvent[], TraceIndex>();

/**
 * How many events of `events` (an append-only trace) match `match` and belong to `session` or to no session,
 * expectation results left out. Each question is answered from where it was last answered.
 */
export function countMatching(events: readonly TraceEvent[], session: string, match: { [key: string]: Json }): number {
  let index = indexes.get(events);
  if (!index) indexes.set(events, (index = { indexed: 0, kinds: new Map(), tallies: new Map() }));
  for (; index.indexed < events.length; index.indexed++) {
    const kind = events[index.indexed].kind;
    let positions = index.kinds.get(kind);
    if (!positions) index.kinds.set(kind, (positions = []));
    positions.push(index.indexed);
  }
  // With a kind, only that kind's events can match; without one, every event is a candidate.
  const positions = typeof match.kind === 'string' ? index.kinds.get(match.kind) ?? [] : undefined;
  const key = `${session}\u0000${jsonText(match)}`;
  let tally = index.tallies.get(key);
  if (!tally) index.tallies.set(key, (tally = { scanned: 0, found: 0 }));
  const end = positions ? positions.length : events.length;
  for (; tally.scanned < end; tally.scanned++) {
    const event = events[positions ? positions[tally.scanned] : tally.scanned];
    if ((event.session === session || event.session === null) && event.kind !== 'expect' && eventMatches(event, match)) tally.found++;
  }
  return tally.found;
}
