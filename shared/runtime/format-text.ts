// The trace as people read it: one line per event, with the virtual time, coloured on a terminal.
import type { Json } from '../engine/types';
import { DATE_LIMIT_MS, isDateValue } from '../engine/values';
import type { TraceEvent } from './trace';
import { writeJson } from '../engine/json-text';

const COLOURS: Record<string, string> = { red: '31', green: '32', yellow: '33', blue: '34', magenta: '35', cyan: '36', grey: '90' };

function paint(colour: keyof typeof COLOURS, text: string, tty: boolean): string {
  return tty ? `\x1b[${COLOURS[colour]}m${text}\x1b[0m` : text;
}

/** A date as the trace shows it: ISO text, or its epoch ms where no calendar date can hold it. */
export function dateText(ms: number): string {
  return Math.abs(ms) <= DATE_LIMIT_MS ? `@${new Date(ms).toISOString()}` : `@${ms} ms`;
}

/**
 * Compact JSON for one line; dates as ISO, long values cut with an ellipsis. Only what fits is written, at any
 * depth, and of a long string only its start: a 50 MB value costs what a short one does.
 */
export function brief(value: Json | undefined, max = 100): string {
  const show = (v: unknown): unknown => (isDateValue(v) ? dateText(v.$date) : typeof v === 'string' && v.length > max ? v.slice(0, max) : v);
  const text = value === undefined ? 'undefined' : writeJson(value, { limit: max + 1, replace: show });
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** `mm:ss.mmm` of virtual time (hours when needed). */
export function clockText(ms: number): string {
  const h = Math.floor(ms / 3_600_000);
  const m = Math.floor((ms % 3_600_000) / 60_000);
  const s = Math.floor((ms % 60_000) / 1000);
  const frac = String(Math.floor(ms % 1000)).padStart(3, '0');
  const mmss = `${String(m).padStart(2, '0')}:${String(s).padStart(2, '0')}.${frac}`;
  return h > 0 ? `${h}:${mmss}` : mmss;
}

/** One event in words, without its time and place (the devtools panel draws those in columns of their own). */
export function describeEvent(e: TraceEvent, tty = false): string {
  switch (e.kind) {
    case 'engine': return paint('grey', `engine ${e.name}: ${e.about} (${e.reason})`, tty);
    case 'session': return `session ${e.action}${e.device ? ` (${e.device})` : ''}${e.reason ? `: ${e.reason}` : ''}`;
    case 'page': return `page ${e.action} ${e.path}`;
    case 'script': {
      const head = `${e.event === 'load' ? 'load' : 'run'} ${e.name} (${e.file}:${e.line}) ${e.durationMs.toFixed(1)} ms`;
      if (e.status === 'ok') return `${head} ${paint('green', 'ok', tty)}${e.result !== undefined ? ` → ${brief(e.result, 80)}` : ''}`;
      const err = e.error!;
      return `${head} ${paint('red', `${err.type}: ${err.message}`, tty)} at ${err.file}:${err.line}`;
    }
    case 'call': return paint('grey', `call ${e.function}(${brief(e.args, 60).slice(1, -1)}${e.kwargs !== undefined ? `, ${brief(e.kwargs, 40)}` : ''}) → ${brief(e.result, 60)}`, tty);
    case 'log': return `log ${e.logger} ${e.level.toUpperCase()} ${e.message}`;
    case 'prop': return `prop ${e.path}: ${e.old === undefined ? '(new)' : brief(e.old, 60)} → ${e.new === undefined ? '(removed)' : brief(e.new, 60)}`;
    case 'message': return `message ${e.name} ${brief(e.payload, 60)}${e.scope ? ` scope=${e.scope}` : ''}${e.component ? ` → ${e.component}` : ''}${e.handled ? '' : paint('yellow', ` (${e.reason ?? 'no handler'})`, tty)}`;
    case 'navigate': return `navigate ${e.from} → ${e.to}${e.view ? ` (view ${e.view})` : ''}`;
    case 'popup': return `popup ${e.action} ${e.id}${e.view ? ` ${e.view}` : ''}${e.modal ? ' modal' : ''}${e.params !== undefined ? ` ${brief(e.params, 60)}` : ''}`;
    case 'dock': return `dock ${e.action} ${e.id}`;
    case 'query': {
      const outcome = e.error ? paint('red', e.error, tty) : e.rowCount !== undefined ? `${e.rowCount} rows` : e.rowsAffected !== undefined ? `${e.rowsAffected} rows affected` : `= ${brief(e.value)}`;
      return `query ${e.name} ${brief(e.params, 80)}${e.sql !== undefined ? ` spliced SQL: ${brief(e.sql, 200)}` : ''} → ${outcome}`;
    }
    case 'tag': return `tag ${e.action} ${e.paths.join(', ')}${e.values ? ` = ${brief(e.values, 60)}` : ''} [${e.qualities.join(', ')}]`;
    case 'alarm': return `alarm query ${brief(e.filter, 60)} → ${e.count} alarms`;
    case 'audit': return `audit ${e.action} target=${e.target} value=${e.value}${e.actor ? ` actor=${e.actor}` : ''}`;
    case 'auth': return `auth ${e.action} ${e.user} ${e.ok ? paint('green', 'ok', tty) : paint('red', `failed: ${e.reason ?? ''}`, tty)}`;
    case 'divergence': return paint('yellow', `divergence [${e.rule}] ${e.file}:${e.line}: ${e.message}`, tty);
    case 'clock': return `clock +${clockText(e.to - e.from)} → ${clockText(e.to)}`;
    case 'client': return `client ${e.action} ${brief(e.detail, 60)}`;
    case 'internal': return paint('red', `internal error (a bug in Periscope, not in your project): ${e.message}; the session went on`, tty);
    case 'expect': return e.passed ? paint('green', `✓ ${e.message}`, tty) : paint('red', `✗ ${e.message}`, tty);
  }
}

export function formatEvent(e: TraceEvent, tty = false): string {
  const where = [e.session ?? '-', e.page ? e.page.slice(e.page.lastIndexOf('-') + 1) : ''].filter(Boolean).join('/');
  return `${paint('grey', clockText(e.time), tty)} ${paint('cyan', where.padEnd(6), tty)} ${describeEvent(e, tty)}`;
}

export function formatTrace(events: readonly TraceEvent[], tty = false): string {
  return events.map((e) => formatEvent(e, tty)).join('\n') + (events.length ? '\n' : '');
}
