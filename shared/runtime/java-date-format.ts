// Java SimpleDateFormat patterns (the ones system.date.format/parse take), formatted and parsed in UTC.

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

/** Splits a pattern into letter runs and literal text ('quoted' or not). */
function tokens(pattern: string): Array<{ letter?: string; count: number; text: string }> {
  const out: Array<{ letter?: string; count: number; text: string }> = [];
  let i = 0;
  while (i < pattern.length) {
    const c = pattern[i];
    if (c === "'") {
      const end = pattern.indexOf("'", i + 1);
      const literal = end === -1 ? pattern.slice(i + 1) : pattern.slice(i + 1, end);
      out.push({ count: 0, text: literal === '' ? "'" : literal });
      i = end === -1 ? pattern.length : end + 1;
    } else if (/[a-zA-Z]/.test(c)) {
      let j = i;
      while (pattern[j] === c) j++;
      out.push({ letter: c, count: j - i, text: pattern.slice(i, j) });
      i = j;
    } else {
      out.push({ count: 0, text: c });
      i++;
    }
  }
  return out;
}

const pad = (n: number, width: number) => String(n).padStart(width, '0');

export function formatJavaDate(ms: number, pattern: string): string {
  const d = new Date(ms);
  return tokens(pattern).map((t) => {
    const n = t.count;
    switch (t.letter) {
      case undefined: return t.text;
      case 'y': return n === 2 ? pad(d.getUTCFullYear() % 100, 2) : pad(d.getUTCFullYear(), n);
      case 'M': return n >= 4 ? MONTHS[d.getUTCMonth()] : n === 3 ? MONTHS[d.getUTCMonth()].slice(0, 3) : pad(d.getUTCMonth() + 1, n);
      case 'd': return pad(d.getUTCDate(), n);
      case 'H': return pad(d.getUTCHours(), n);
      case 'h': return pad(d.getUTCHours() % 12 || 12, n);
      case 'm': return pad(d.getUTCMinutes(), n);
      case 's': return pad(d.getUTCSeconds(), n);
      case 'S': return pad(d.getUTCMilliseconds(), n);
      case 'a': return d.getUTCHours() < 12 ? 'AM' : 'PM';
      case 'E': return n >= 4 ? DAYS[d.getUTCDay()] : DAYS[d.getUTCDay()].slice(0, 3);
      case 'z': return 'UTC';
      case 'Z': return '+0000';
      case 'X': return 'Z';
      case 'D': return pad(dayOfYear(d), n);
      case 'w': return pad(weekOfYear(d), n);
      case 'W': return pad(Math.floor((d.getUTCDate() - 1 + new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1)).getUTCDay()) / 7) + 1, n);
      case 'F': return pad(Math.floor((d.getUTCDate() - 1) / 7) + 1, n);
      case 'u': return pad(d.getUTCDay() || 7, n);
      case 'k': return pad(d.getUTCHours() || 24, n);
      case 'K': return pad(d.getUTCHours() % 12, n);
      case 'G': return 'AD';
      default: return t.text;
    }
  }).join('');
}

const DAY_MS = 86_400_000;

function dayOfYear(d: Date): number {
  return Math.floor((Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()) - Date.UTC(d.getUTCFullYear(), 0, 1)) / DAY_MS) + 1;
}

/** Week of the year as Java's US locale counts it: weeks start on Sunday, week 1 holds January 1st. */
function weekOfYear(d: Date): number {
  const day = Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate());
  const weekStart = day - d.getUTCDay() * DAY_MS;
  if (new Date(weekStart + 6 * DAY_MS).getUTCFullYear() > d.getUTCFullYear()) return 1;
  const jan1 = Date.UTC(d.getUTCFullYear(), 0, 1);
  const firstWeekStart = jan1 - new Date(jan1).getUTCDay() * DAY_MS;
  return Math.round((weekStart - firstWeekStart) / (7 * DAY_MS)) + 1;
}

/** Parses `text` with `pattern`; undefined when it does not match (the script gets a ParseException). */
export function parseJavaDate(text: string, pattern: string): number | undefined {
  const fields = { y: 1970, M: 1, d: 1, H: 0, m: 0, s: 0, S: 0, pm: false, h12: false };
  let pos = 0;
  for (const t of tokens(pattern)) {
    if (!t.letter) {
      if (!text.startsWith(t.text, pos)) return undefined;
      pos += t.text.length;
      continue;
    }
    if (t.letter === 'M' && t.count >= 3) {
      const index = MONTHS.findIndex((m) => text.slice(pos).toLowerCase().startsWith((t.count === 3 ? m.slice(0, 3) : m).toLowerCase()));
      if (index < 0) return undefined;
      fields.M = index + 1;
      pos += t.count === 3 ? 3 : MONTHS[index].length;
      continue;
    }
    if (t.letter === 'a') {
      const marker = text.slice(pos, pos + 2).toUpperCase();
      if (marker !== 'AM' && marker !== 'PM') return undefined;
      fields.pm = marker === 'PM';
      pos += 2;
      continue;
    }
    if (t.letter === 'E') {
      const match = /^[A-Za-z]+/.exec(text.slice(pos));
      if (!match) return undefined;
      pos += match[0].length;
      continue;
    }
    if (t.letter === 'z' || t.letter === 'Z' || t.letter === 'X') {
      const match = /^(UTC|GMT|Z|[+-]\d{2}:?\d{2})/.exec(text.slice(pos));
      if (!match) return undefined;
      pos += match[0].length;
      continue;
    }
    const match = /^\d+/.exec(text.slice(pos));
    if (!match) return undefined;
    const value = Number(match[0]);
    pos += match[0].length;
    if (t.letter === 'y') fields.y = t.count === 2 && match[0].length <= 2 ? 2000 + value : value;
    else if (t.letter === 'h') { fields.H = value % 12; fields.h12 = true; }
    else if (t.letter in fields) (fields as unknown as Record<string, number>)[t.letter] = value;
  }
  if (pos !== text.length) return undefined;
  const hours = fields.h12 && fields.pm ? fields.H + 12 : fields.H;
  return Date.UTC(fields.y, fields.M - 1, fields.d, hours, fields.m, fields.s, fields.S);
}
