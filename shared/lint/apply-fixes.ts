// Applies fixes to a file's text, touching only the characters each edit replaces.
import type { DiagnosticFix } from './diagnostic';

export interface FixResult {
  text: string;
  /** Fixes applied; those overlapping an earlier fix wait for the next pass. */
  applied: number;
}

/** The fixes that can be applied together: each one that overlaps an earlier one waits for a next pass. */
export function compatibleFixes(fixes: readonly DiagnosticFix[]): DiagnosticFix[] {
  const accepted: DiagnosticFix[] = [];
  const taken: Array<[number, number]> = [];
  for (const fix of fixes) {
    const overlaps = fix.edits.some((e) => taken.some(([s, t]) => e.start < t && s < e.end || (e.start === e.end && e.start === s)));
    if (overlaps) continue;
    accepted.push(fix);
    for (const e of fix.edits) taken.push([e.start, e.end]);
  }
  return accepted;
}

export function applyFixes(text: string, fixes: readonly DiagnosticFix[]): FixResult {
  const accepted = compatibleFixes(fixes);
  const edits = accepted.flatMap((f) => f.edits).sort((a, b) => b.start - a.start);
  let out = text;
  for (const e of edits) out = out.slice(0, e.start) + e.text + out.slice(e.end);
  return { text: out, applied: accepted.length };
}
