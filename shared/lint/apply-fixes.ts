// Applies fixes to a file's text, touching only the characters each edit replaces.
import type { DiagnosticFix, FileEdit } from './diagnostic';

export interface FixResult {
  text: string;
  /** Fixes applied; those overlapping an earlier fix wait for the next pass. */
  applied: number;
}

export function applyFixes(text: string, fixes: readonly DiagnosticFix[]): FixResult {
  const accepted = selectFixes(fixes);
  let out = text;
  for (const e of editsOf(accepted).reverse()) out = out.slice(0, e.start) + e.text + out.slice(e.end);
  return { text: out, applied: accepted.length };
}

/** The fixes that can be applied together, in the given order: a fix overlapping an earlier one is left for the next pass. */
export function selectFixes(fixes: readonly DiagnosticFix[]): DiagnosticFix[] {
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

/** The edits of non-overlapping fixes, in file order; an insertion comes before a replacement that starts where it does. */
export function editsOf(fixes: readonly DiagnosticFix[]): FileEdit[] {
  return fixes.flatMap((f) => f.edits).sort((a, b) => a.start - b.start || a.end - b.end);
}
