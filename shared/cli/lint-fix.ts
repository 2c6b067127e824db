// `periscope lint --fix`: applies the safe fixes pass after pass, linting again between passes, and says what it left.
import type { Diagnostic, DiagnosticFix } from '../lint/diagnostic';
import type { Sources } from '../lint/sources';
import { writeFileFixes, type FileFixes } from '../lint/write-fixes';

export interface LintRun {
  sources: Sources;
  diagnostics: Diagnostic[];
}

export interface FixReport {
  /** The lint after the last pass. */
  run: LintRun;
  applied: number;
  /** File → why it was not (fully) fixed. */
  notFixed: Map<string, string>;
  /** A write failed: an I/O error, exit 2. */
  failed: boolean;
}

/** Fix passes lint again and apply again; fixes that overlap (an f-string around session.id) need a second pass. */
const MAX_FIX_PASSES = 5;

export async function fixInPlace(first: LintRun, lintAgain: () => Promise<LintRun>): Promise<FixReport> {
  const report: FixReport = { run: first, applied: 0, notFixed: new Map(), failed: false };
  for (let pass = 0; pass < MAX_FIX_PASSES; pass++) {
    let again = false;
    for (const target of fixTargets(report.run)) {
      const outcome = writeFileFixes(target);
      if (outcome.status === 'fixed') {
        report.applied += outcome.applied;
        again ||= outcome.applied > 0;
        report.notFixed.delete(target.file);
      } else if (outcome.status === 'changed') {
        // Another program wrote the file after it was read: its fixes are computed again from what it holds now.
        again = true;
        report.notFixed.set(target.file, 'not fixed: the file kept changing while it was being fixed (another program is writing it); run again when it is done');
      } else {
        report.failed ||= outcome.status === 'failed';
        report.notFixed.set(target.file, `not fixed: ${outcome.reason}`);
      }
    }
    if (!again) break;
    report.run = await lintAgain();
  }
  return report;
}

/** Each file's safe fixes with the text they were computed from, which the scripts linted carry. */
function fixTargets(run: LintRun): FileFixes[] {
  const texts = new Map<string, string>();
  for (const unit of run.sources.units) for (const script of unit.scripts) texts.set(script.origin.file, script.origin.original.text);
  const byFile = new Map<string, DiagnosticFix[]>();
  for (const d of run.diagnostics) {
    if (!d.fix?.safe || !texts.has(d.file)) continue;
    const list = byFile.get(d.file) ?? [];
    list.push(d.fix);
    byFile.set(d.file, list);
  }
  return [...byFile].map(([file, fixes]) => ({ file, text: texts.get(file)!, fixes }));
}
