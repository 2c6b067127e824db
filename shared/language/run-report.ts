// A simulation's result as an editor shows it: what the run logged, changed, sent, queried and navigated, and its
// errors with the file and line to jump to, grouped by kind and in trace order.
import { clockText, formatEvent } from '../runtime/format-text';
import type { SimulationResult } from '../runtime/simulation';
import type { TraceEvent, TraceKind } from '../runtime/trace';

export interface ReportLine {
  time: string;
  text: string;
  file?: string;
  /** 1-based. */
  line?: number;
  level?: 'error' | 'warning';
}

export interface ReportSection {
  title: string;
  lines: ReportLine[];
}

export interface RunReport {
  title: string;
  /** True when no script failed. */
  ok: boolean;
  summary: string;
  sections: ReportSection[];
  /** Every event, one line each, as `periscope simulate` prints them. */
  trace: string[];
}

const SECTIONS: ReadonlyArray<{ title: string; kinds: readonly TraceKind[] }> = [
  { title: 'Errors and divergences', kinds: ['script', 'divergence', 'internal'] },
  { title: 'Logs', kinds: ['log'] },
  { title: 'Prop changes', kinds: ['prop'] },
  { title: 'Messages', kinds: ['message'] },
  { title: 'Queries', kinds: ['query'] },
  { title: 'Navigation and popups', kinds: ['navigate', 'popup', 'dock'] },
  { title: 'Tags, alarms and audit', kinds: ['tag', 'alarm', 'audit', 'auth'] },
  { title: 'Expectations', kinds: ['expect'] },
];

/** `focus` names the script the run is about (`onStartup`, `message refreshData`): its outcome comes first. */
export function runReport(title: string, result: SimulationResult, focus?: string): RunReport {
  const events = result.events;
  const failures = events.filter((e): e is Extract<TraceEvent, { kind: 'script' }> => e.kind === 'script' && e.status === 'error');
  const sections = SECTIONS.map(({ title: sectionTitle, kinds }) => ({
    title: sectionTitle,
    lines: events.filter((e) => kinds.includes(e.kind) && !(e.kind === 'script' && e.status === 'ok')).flatMap(reportLines),
  })).filter((s) => s.lines.length > 0);
  // A session handler's run is named for its message; a component handler's run is the event of that message.
  const focused = focus ? events.filter((e) => e.kind === 'script' && e.event !== 'load' && (e.name === focus || e.event === focus)).flatMap(resultLines) : [];
  if (focused.length > 0) sections.unshift({ title: 'Result', lines: focused });
  // A handler renamed, deleted or disabled since the lens was drawn (or not saved yet) runs nothing: say so first.
  const missing = focus !== undefined && focused.length === 0;
  if (missing) sections.unshift({ title: 'Result', lines: [{ time: clockText(0), text: `${focus} did not run: the files on disk define no such handler (renamed, deleted or disabled, or not saved?)`, level: 'error' }] });
  const runs = events.filter((e) => e.kind === 'script' && e.event !== 'load').length;
  const { passed, failed } = result.expectations;
  const expectations = passed + failed > 0 ? `, expectations: ${passed} passed, ${failed} failed` : '';
  const summary = `${runs} script run${runs === 1 ? '' : 's'}, ${failures.length} failed, ${events.filter((e) => e.kind === 'divergence').length} divergences, ${events.length} events${expectations}`;
  return { title, ok: !missing && failures.length === 0 && failed === 0, summary, sections, trace: events.map((e) => formatEvent(e)) };
}

/** A run of the script the report is about: its outcome and what it returned. */
function resultLines(e: TraceEvent): ReportLine[] {
  if (e.kind !== 'script') return [];
  if (e.status === 'error') return reportLines(e);
  const returned = e.result === undefined || e.result === null ? 'returned nothing' : `returned ${JSON.stringify(e.result)}`;
  return [{ time: clockText(e.time), text: `${e.name}: ok in ${e.durationMs.toFixed(1)} ms, ${returned}`, file: e.file, line: e.line }];
}

/** One event as lines: a failed script gives its error, then one line per traceback frame. */
function reportLines(e: TraceEvent): ReportLine[] {
  const time = clockText(e.time);
  const text = formatEvent(e).slice(formatEvent(e).indexOf(' ') + 1).trim();
  if (e.kind === 'script' && e.error) {
    const error = e.error;
    return [
      { time, text: `${e.name}: ${error.type}: ${error.message}`, file: error.file, line: error.line, level: 'error' },
      ...error.traceback.map((frame) => ({ time, text: `  in ${frame.function}${frame.text ? `: ${frame.text.trim()}` : ''}`, file: frame.file, line: frame.line })),
    ];
  }
  if (e.kind === 'divergence') return [{ time, text: `[${e.rule}] ${e.message}`, file: e.file, line: e.line, level: 'warning' }];
  if ((e.kind === 'query' && e.error) || (e.kind === 'expect' && !e.passed) || e.kind === 'internal') return [{ time, text, level: 'error' }];
  return [{ time, text }];
}
