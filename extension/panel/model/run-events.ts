// What happened during one script run, read from the trace: scripts of a session run one at a time, so the
// events of that session between its previous script run and this one's end are this run's own.
import type { TraceEvent } from '../../../shared/runtime/trace';
import type { EventOf } from './event-index';

/** Kinds a script causes while it runs; the others (page open, clock, auth steps) happen between runs. */
const DURING_RUN = new Set<TraceEvent['kind']>(['log', 'prop', 'query', 'call', 'tag', 'alarm', 'audit', 'navigate', 'popup', 'dock', 'divergence', 'client']);

/** The events of `events[index]`'s run when it is a script event; the event itself otherwise. */
export function eventsOfRun(events: readonly TraceEvent[], index: number): TraceEvent[] {
  const end = events[index];
  if (!end || end.kind !== 'script') return end ? [end] : [];
  const mine: TraceEvent[] = [];
  for (let i = index - 1; i >= 0; i--) {
    const event = events[i];
    if (event.session !== end.session) continue;
    if (event.kind === 'script' || !DURING_RUN.has(event.kind)) break;
    mine.push(event);
  }
  return mine.reverse();
}

export function propChanges(events: readonly TraceEvent[]): Array<EventOf<'prop'>> {
  return events.filter((e): e is EventOf<'prop'> => e.kind === 'prop');
}
