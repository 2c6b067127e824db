// Host calls of system.date: the virtual clock's now, date arithmetic and Java-pattern formatting.
import { HostError, type Value } from '../../engine/types';
import { formatJavaDate, parseJavaDate } from '../java-date-format';
import { text, type HostCalls } from './types';

const UNIT_MS: Record<string, number> = { millis: 1, seconds: 1000, minutes: 60_000, hours: 3_600_000, days: 86_400_000, weeks: 604_800_000 };

function millis(value: Value | undefined): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) throw new HostError('TypeError', 'expected a date');
  return value;
}

export const dateCalls: HostCalls = {
  'date.now': (parts) => ({ $date: parts.clock.epochNow() }),
  /** For the engine's java.lang.System.currentTimeMillis and java.util.Date(): virtual time too. */
  'date.nowMillis': (parts) => parts.clock.epochNow(),
  'date.make': (_parts, [ms]) => ({ $date: millis(ms) }),
  'date.add': (_parts, [ms, unit, amount]) => {
    const start = millis(ms);
    const n = Number(amount);
    if (unit === 'months' || unit === 'years') {
      const d = new Date(start);
      d.setUTCMonth(d.getUTCMonth() + (unit === 'years' ? 12 * n : n));
      return { $date: d.getTime() };
    }
    const size = UNIT_MS[String(unit)];
    if (!size) throw new HostError('ValueError', `unknown date unit ${String(unit)}`);
    return { $date: start + n * size };
  },
  'date.format': (_parts, [ms, pattern]) => formatJavaDate(millis(ms), text(pattern, 'format')),
  'date.parse': (_parts, [value, pattern]) => {
    const parsed = parseJavaDate(text(value, 'dateString'), text(pattern, 'formatString'));
    if (parsed === undefined) throw new HostError('ValueError', `java.text.ParseException: Unparseable date: "${String(value)}" (expected ${String(pattern)})`);
    return { $date: parsed };
  },
};
