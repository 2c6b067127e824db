// Host calls of system.date: the virtual clock's now, date arithmetic and Java-pattern formatting.
import { HostError, type Value } from '../../engine/types';
import { DATE_LIMIT_MS } from '../../engine/values';
import { formatJavaDate, parseJavaDate } from '../java-date-format';
import { zoneOffset } from '../time-zones';
import { text, type HostCalls } from './types';

const UNIT_MS: Record<string, number> = { millis: 1, seconds: 1000, minutes: 60_000, hours: 3_600_000, days: 86_400_000, weeks: 604_800_000 };

/** Milliseconds of a date the runtime can hold: Java's long, within the range a calendar date has here. */
function millis(value: Value | undefined): number {
  if (typeof value !== 'number' || Number.isNaN(value)) throw new HostError('TypeError', 'expected a date');
  if (!(Math.abs(value) < 2 ** 63)) throw new HostError('TypeError', `${value} can't be coerced to long: a java.util.Date counts milliseconds in a long`);
  if (Math.abs(value) > DATE_LIMIT_MS) {
    throw new HostError('ValueError', `the date ${value} ms from 1970 is beyond the dates the simulator holds (years -271821 to 275760); use a nearer date`);
  }
  return value;
}

const date = (ms: number): Value => ({ $date: millis(ms) });

export const dateCalls: HostCalls = {
  'date.now': (parts) => ({ $date: parts.clock.epochNow() }),
  /** For the engine's java.lang.System.currentTimeMillis and java.util.Date(): virtual time too. */
  'date.nowMillis': (parts) => parts.clock.epochNow(),
  'date.make': (_parts, [ms]) => date(millis(ms)),
  'date.add': (_parts, [ms, unit, amount]) => {
    const start = millis(ms);
    const n = Number(amount);
    if (unit === 'months' || unit === 'years') {
      const d = new Date(start);
      d.setUTCMonth(d.getUTCMonth() + (unit === 'years' ? 12 * n : n));
      return date(d.getTime());
    }
    const size = UNIT_MS[String(unit)];
    if (!size) throw new HostError('ValueError', `unknown date unit ${String(unit)}`);
    return date(start + n * size);
  },
  'date.format': (_parts, [ms, pattern]) => formatJavaDate(millis(ms), text(pattern, 'format')),
  'date.parse': (_parts, [value, pattern]) => {
    const parsed = parseJavaDate(text(value, 'dateString'), text(pattern, 'formatString'));
    if (parsed === undefined) throw new HostError('ValueError', `java.text.ParseException: Unparseable date: "${String(value)}" (expected ${String(pattern)})`);
    return { $date: parsed };
  },
  /** For the engine's java.util.TimeZone: a zone's offset at an instant, null for a zone nobody knows. */
  'date.zoneOffset': (_parts, [zone, ms]) => zoneOffset(text(zone, 'zone'), millis(ms)) ?? null,
};
