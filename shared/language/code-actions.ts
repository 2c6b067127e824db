// Code actions on linter findings: each finding's fix, every safe fix of the file at once, and a suppression
// comment on the finding's line (written inside the script, wherever the script is stored).
import { editsOf, selectFixes } from '../lint/apply-fixes';
import type { Diagnostic } from '../lint/diagnostic';
import { lineAt, suppressedOnLine } from '../lint/suppression';
import { LineIndex } from '../source/origin';
import type { Script } from '../source/script';
import type { FileEdit } from './file-view';
import { scriptAt } from './script-at';

export interface CodeAction {
  title: string;
  kind: 'quickfix' | 'source.fixAll';
  edits: FileEdit[];
  /** The finding the action is about. */
  diagnostic?: Diagnostic;
  preferred?: boolean;
}

/** Offsets of a diagnostic's range in the file's text. */
export function diagnosticSpan(lines: LineIndex, d: Diagnostic): { start: number; end: number } {
  return { start: lines.offset({ line: d.line, column: d.column }), end: lines.offset({ line: d.endLine, column: d.endColumn }) };
}

/** The actions for the findings that touch [start, end] of the file; `all` are every finding of the file. */
export function codeActions(file: string, text: string, scripts: readonly Script[], all: readonly Diagnostic[], start: number, end: number): CodeAction[] {
  const lines = new LineIndex(text);
  const touching = all.filter((d) => {
    const span = diagnosticSpan(lines, d);
    return span.start <= end && start <= span.end;
  });
  const actions: CodeAction[] = [];
  for (const d of touching) {
    if (d.fix) actions.push({ title: `${d.fix.description} (${d.rule})`, kind: 'quickfix', diagnostic: d, preferred: d.fix.safe, edits: d.fix.edits.map((e) => ({ file, ...e })) });
  }
  const safe = all.filter((d) => d.fix?.safe).map((d) => d.fix!);
  if (safe.length > 0) {
    const fixes = selectFixes(safe);
    actions.push({ title: `Fix all safe Periscope findings in this file (${fixes.length})`, kind: 'source.fixAll', edits: editsOf(fixes).map((e) => ({ file, ...e })) });
  }
  for (const d of touching) {
    const edit = suppressEdit(file, text, scripts, lines, d);
    if (edit) actions.push({ title: `Suppress ${d.rule} on this line`, kind: 'quickfix', diagnostic: d, edits: [edit] });
  }
  return actions;
}

/**
 * `# periscope: ignore[rule]` at the end of the finding's line of its script, or the rule added to the line's
 * existing directive. The comment goes into the script's own text, so inside a JSON string it lands before the
 * escaped line break.
 */
function suppressEdit(file: string, text: string, scripts: readonly Script[], lines: LineIndex, d: Diagnostic): FileEdit | undefined {
  const at = scriptAt(scripts, diagnosticSpan(lines, d).start);
  if (!at) return undefined;
  const { script, offset } = at;
  const line = lineAt(script.text, offset);
  const lineStart = script.text.lastIndexOf('\n', offset - 1) + 1;
  const directive = suppressedOnLine(line);
  if (directive === 'all' || (directive && directive.has(d.rule))) return undefined;
  const existing = directive ? /#\s*periscope:\s*ignore\[([^\]]*)\]/.exec(line) : null;
  const insertAt = existing ? lineStart + existing.index + existing[0].length - 1 : lineStart + line.replace(/\r$/, '').length;
  const insert = existing ? `, ${d.rule}` : `  # periscope: ignore[${d.rule}]`;
  // Right after the line's last character, which must be written as itself in the file (not an escape, not the
  // gateway's def line): inside a JSON string that puts the comment before the escaped line break.
  const before = script.origin.originOffset(insertAt - 1);
  if (insertAt === 0 || text[before] !== script.text[insertAt - 1]) return undefined;
  const fileOffset = before + 1;
  return { file, start: fileOffset, end: fileOffset, text: insert };
}
