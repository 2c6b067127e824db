// A finding as people and tools see it: a rule, a message and a range in the original file, with an optional fix.
import type { Severity } from './rule';

/** A replacement in the original file (offsets in UTF-16 code units of the file's text, end exclusive). */
export interface FileEdit {
  start: number;
  end: number;
  text: string;
}

export interface DiagnosticFix {
  description: string;
  /** Edits in the original file, never overlapping, in increasing order. */
  edits: FileEdit[];
  /** Applied by `periscope lint --fix`; otherwise offered in the editor only. */
  safe: boolean;
}

export interface Diagnostic {
  file: string;
  /** 1-based positions in the original file; columns in UTF-16 code units. */
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  severity: Severity;
  rule: string;
  message: string;
  fix?: DiagnosticFix;
  /** Set on findings reported once per project (the first kept): the key they share. Not part of the output. */
  once?: string;
}

/** File order, then position, then rule and message: the order every output format uses. */
export function compareDiagnostics(a: Diagnostic, b: Diagnostic): number {
  return (
    (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) ||
    a.line - b.line ||
    a.column - b.column ||
    (a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0) ||
    // Last, so that a re-lint of part of a file lists one position's findings as a full lint does.
    (a.message < b.message ? -1 : a.message > b.message ? 1 : 0)
  );
}
