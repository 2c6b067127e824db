// Turns a rule's edits in a script's text into edits of the original file, refusing any the file cannot take verbatim.
import type { Fix } from './rule';
import type { DiagnosticFix, FileEdit } from './diagnostic';
import type { Script } from '../source/script';

/**
 * Characters every container Periscope reads scripts from (a .py file, a Markdown block, a JSON string, a Python
 * string literal) holds as themselves, so inserting them never needs re-encoding.
 */
const PLAIN = /^[A-Za-z0-9 _.,()%{}:+\-*/[\]!?#@$^~;|=<>&]*$/;

export function mapFix(script: Script, fix: Fix): DiagnosticFix | undefined {
  if (script.editable === false) return undefined;
  const original = script.origin.original.text;
  const edits: FileEdit[] = [];
  for (const edit of fix.edits) {
    const start = script.origin.originOffset(edit.start);
    const end = script.origin.originOffset(edit.end);
    const replaced = script.text.slice(edit.start, edit.end);
    // The range must be the same characters in the file, one for one: not across escapes, indents or a def line.
    if (end - start !== edit.end - edit.start || original.slice(start, end) !== replaced) return undefined;
    if (edit.start === edit.end && script.text[edit.start] !== undefined && original[start] !== script.text[edit.start]) return undefined;
    if (!representable(edit.text, replaced, isVerbatim(script))) return undefined;
    edits.push({ start, end, text: edit.text });
  }
  edits.sort((a, b) => a.start - b.start);
  for (let i = 1; i < edits.length; i++) if (edits[i].start < edits[i - 1].end) return undefined;
  return { description: fix.description, edits, safe: fix.safe };
}

const verbatim = new WeakMap<Script, boolean>();

/** True when the script's text is one unbroken slice of its file (a .py file, a Markdown block). */
function isVerbatim(script: Script): boolean {
  let known = verbatim.get(script);
  if (known === undefined) {
    const start = script.origin.originOffset(0);
    known = script.origin.originOffset(script.text.length) - start === script.text.length &&
      script.origin.original.text.slice(start, start + script.text.length) === script.text;
    verbatim.set(script, known);
  }
  return known;
}

/** New text fits a string container when it needs no escaping there: plain characters, or ones the replaced text already held as themselves. */
function representable(text: string, replaced: string, verbatimScript: boolean): boolean {
  if (verbatimScript) return true;
  for (const c of text) {
    if (c === '\\' || c === '\n' || c === '\r') return false;
    if (!PLAIN.test(c) && !replaced.includes(c)) return false;
  }
  return true;
}
