// The time a run lost to scripts stopped at the per-script limit, said once at the end of the run.
import type { TraceEvent } from './trace';

export interface TimeoutSummary {
  /** Script runs stopped at the limit. */
  scripts: number;
  /** Their wall-clock time, up to the stop (a restart of the interpreter that followed is not counted). */
  lostMs: number;
}

/** What the scripts of a trace lost to the limit; undefined when none was stopped. */
export function timeoutsOf(events: readonly TraceEvent[]): TimeoutSummary | undefined {
  let scripts = 0;
  let lostMs = 0;
  for (const event of events) {
    if (event.kind === 'script' && event.error?.cause === 'timeout') {
      scripts++;
      lostMs += event.durationMs;
    }
  }
  return scripts > 0 ? { scripts, lostMs: Math.round(lostMs) } : undefined;
}

/** Adds up summaries (the scenarios of `periscope test`). */
export function addTimeouts(a: TimeoutSummary | undefined, b: TimeoutSummary | undefined): TimeoutSummary | undefined {
  return a && b ? { scripts: a.scripts + b.scripts, lostMs: a.lostMs + b.lostMs } : a ?? b;
}

/** The closing line: how much time, and how to spend less of it. */
export function timeoutLine(summary: TimeoutSummary): string {
  const runs = summary.scripts === 1 ? '1 script run' : `${summary.scripts} script runs`;
  return `time lost to script timeouts: ${(summary.lostMs / 1000).toFixed(1)} s (${runs} stopped at the limit); --script-timeout or periscope.json's "engine": {"scriptTimeout": 2} changes the limit`;
}
