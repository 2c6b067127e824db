// Compares normalised traces and classifies each comparison against the known differences.
import type { KnownDifference } from './known-differences';

export type Status = 'identical' | 'known' | 'different' | 'stale';

export interface Comparison {
  caseId: string;
  family: string;
  engine: string;
  /** What the engine was held to: `jython (direct)` or another engine's name. */
  against: string;
  status: Status;
  /** Where the traces part, for a failure message. */
  diff?: string;
  known?: KnownDifference;
}

const context = 4;

/** The first place two traces part, with a few lines of each after it. */
export function firstDifference(expected: string[], actual: string[]): string | undefined {
  let i = 0;
  while (i < expected.length && i < actual.length && expected[i] === actual[i]) i++;
  if (i === expected.length && i === actual.length) return undefined;
  const show = (lines: string[]) => lines.slice(i, i + context).map((l) => `    ${l}`).join('\n') || '    (nothing)';
  return `from line ${i + 1} of the trace:\n  expected\n${show(expected)}\n  actual\n${show(actual)}`;
}

export function compare(
  what: { caseId: string; family: string; engine: string; against: string },
  expected: string[],
  actual: string[],
  known: KnownDifference[],
): Comparison {
  const diff = firstDifference(expected, actual);
  const listed = known.find((k) => k.engine === what.engine && k.caseId === what.caseId);
  if (!diff) return { ...what, status: 'identical', ...(listed ? { known: listed } : {}) };
  return { ...what, status: listed ? 'known' : 'different', diff, ...(listed ? { known: listed } : {}) };
}

/**
 * A listed difference is stale when none of its engine's comparisons for the case differs any more (a case may
 * differ from Jython run directly and still agree with another engine that differs the same way).
 */
export function markStale(comparisons: Comparison[]): Comparison[] {
  const differs = new Set(comparisons.filter((c) => c.status === 'known').map((c) => `${c.engine} ${c.caseId}`));
  return comparisons.map((c) => (c.known && c.status === 'identical' && !differs.has(`${c.engine} ${c.caseId}`) ? { ...c, status: 'stale' as const } : c));
}

/** The failure message of a comparison that should fail the suite, else undefined. */
export function failureOf(c: Comparison): string | undefined {
  if (c.status === 'different') {
    return `${c.caseId} on ${c.engine} differs from ${c.against} ${c.diff}\n(close the difference, or list it with its reason under "## ${c.engine}" in test/fidelity/known-differences.md)`;
  }
  if (c.status === 'stale') {
    return `${c.caseId} on ${c.engine} is now identical to ${c.against}: remove its entry from test/fidelity/known-differences.md (line ${c.known!.line})`;
  }
  return undefined;
}
