// Offsets of IANA time zones at an instant, from Node's own time zone data (ICU): what java.util.TimeZone answers.

const formats = new Map<string, Intl.DateTimeFormat | null>();

function formatFor(zone: string): Intl.DateTimeFormat | null {
  let found = formats.get(zone);
  if (found === undefined) {
    try {
      found = new Intl.DateTimeFormat('en-US', {
        timeZone: zone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric',
      });
    } catch {
      found = null;
    }
    if (formats.size < 1000) formats.set(zone, found);
  }
  return found;
}

/** The zone's offset from UTC in milliseconds at `ms`, or undefined for a zone ICU does not know (Java then uses GMT). */
export function zoneOffset(zone: string, ms: number): number | undefined {
  const format = formatFor(zone);
  if (!format) return undefined;
  const parts = format.formatToParts(ms);
  const get = (type: Intl.DateTimeFormatPartTypes): number => Number(parts.find((p) => p.type === type)?.value);
  const local = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
  return local - (ms - (((ms % 1000) + 1000) % 1000));
}
