// Durations as people type them in the clock control ("14m", "1h 30m", "90s", "250ms", "2d"), into milliseconds.

const UNITS: Record<string, number> = { ms: 1, s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000 };

/** Milliseconds, or a message saying how to write a duration. */
export function parseDuration(text: string): { ok: true; ms: number } | { ok: false; message: string } {
  const compact = text.trim().toLowerCase().replace(/\s+/g, '');
  const parts = [...compact.matchAll(/(\d+(?:\.\d+)?)(ms|s|m|h|d)/g)];
  const consumed = parts.map((p) => p[0]).join('');
  if (compact === '' || parts.length === 0 || consumed !== compact) {
    return { ok: false, message: `"${text}" is not a duration; write it like 90s, 14m, 1h 30m or 250ms` };
  }
  const ms = Math.round(parts.reduce((sum, [, n, unit]) => sum + Number(n) * UNITS[unit], 0));
  return ms > 366 * UNITS.d ? { ok: false, message: 'advance the clock by at most a year at a time' } : { ok: true, ms };
}

export function formatDuration(ms: number | undefined): string {
  if (ms === undefined) return '';
  return ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(ms < 10 ? 2 : 1)} ms`;
}

/** A span of virtual time as people say it: "14 min", "1 h 30 min", "45 s". */
export function formatSpan(ms: number): string {
  const parts: string[] = [];
  for (const [unit, size] of [['d', 86_400_000], ['h', 3_600_000], ['min', 60_000], ['s', 1_000]] as const) {
    const n = Math.floor(ms / size);
    if (n > 0) parts.push(`${n} ${unit}`);
    ms -= n * size;
  }
  if (ms > 0 || parts.length === 0) parts.push(`${ms} ms`);
  return parts.join(' ');
}
