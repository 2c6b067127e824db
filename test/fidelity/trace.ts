// Normalised traces: what two runs of the same script must agree on, as lines that diff well.
//
// A program's trace is what it printed (stream by stream, line by line) and the exception that ended it (type,
// message, line): that much Debian's `jython` run directly can tell. A session's trace is every event the runtime
// recorded, less what legitimately differs between engines (durations, sequence numbers, columns, tracebacks).
import type { SimulationResult } from '../../shared/runtime/simulation';
import type { TraceEvent } from '../../shared/runtime/trace';

/** What Debian's `jython` reports for one program (see jython-direct.py). */
export interface DirectResult {
  output: Array<[stream: string, text: string]>;
  error: [type: string, message: string, line: number | null] | null;
}

function outputLines(stream: string, text: string): string[] {
  const lines = text.split('\n');
  if (lines.at(-1) === '') lines.pop();
  return lines.map((line) => `${stream}| ${line}`);
}

function errorLine(type: string, message: string, line: number | null | undefined): string {
  return `error ${type}: ${message} (line ${line ?? '?'})`;
}

export function directProgramTrace(result: DirectResult): string[] {
  const lines = result.output.flatMap(([stream, text]) => outputLines(stream, text));
  if (result.error) lines.push(errorLine(...result.error));
  return lines;
}

/** The program trace of a `.py` run through the runtime: its printed lines and the failure of its load, if any. */
export function runtimeProgramTrace(events: TraceEvent[], file: string): string[] {
  const lines: string[] = [];
  for (const e of events) {
    if (e.kind === 'log' && (e.logger === 'stdout' || e.logger === 'stderr')) lines.push(...outputLines(e.logger, `${e.message}\n`));
    if (e.kind === 'script' && e.event === 'load' && e.file === file && e.error) lines.push(errorLine(e.error.type, e.error.message, e.error.line));
  }
  return lines;
}

/** Events that say which engine ran: they differ between engines by design. */
const ABOUT_THE_ENGINE = new Set<string>(['engine']);

/** One event as engines must agree on it. */
function sessionLine(event: TraceEvent): string {
  const { seq: _seq, ...rest } = event;
  const kept: Record<string, unknown> = { ...rest };
  delete kept.durationMs;
  delete kept.column;
  if (event.kind === 'script' && event.error) kept.error = errorLine(event.error.type, event.error.message, event.error.line);
  return JSON.stringify(kept);
}

/** A script's label without the instance it ran for (`[primary>root/Counter]`): one case per script. */
function scriptLabel(name: string): string {
  return name.replace(/ \[[^\]]*\]$/, '');
}

/**
 * A source's trace cut into its scripts' parts: the events a script run produced come before the run's own
 * `script` event, so each part ends at one. Events after the last run belong to the runtime.
 */
export function sessionTraceByScript(result: SimulationResult): Map<string, string[]> {
  const parts = new Map<string, string[]>();
  let pending: string[] = [];
  for (const event of result.events) {
    if (ABOUT_THE_ENGINE.has(event.kind)) continue;
    pending.push(sessionLine(event));
    if (event.kind !== 'script') continue;
    const label = scriptLabel(event.name);
    parts.set(label, [...(parts.get(label) ?? []), ...pending]);
    pending = [];
  }
  if (pending.length > 0) parts.set('(after the last script)', pending);
  return parts;
}

export function sessionTrace(events: TraceEvent[]): string[] {
  return events.filter((e) => !ABOUT_THE_ENGINE.has(e.kind)).map(sessionLine);
}
