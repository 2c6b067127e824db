// Positions in a text as editors count them (0-based line and UTF-16 character), found by the text around them.

export interface Position {
  line: number;
  character: number;
}

export function positionAt(text: string, offset: number): Position {
  const before = text.slice(0, offset);
  const line = before.split('\n').length - 1;
  return { line, character: offset - (before.lastIndexOf('\n') + 1) };
}

/** The position `delta` characters after the start of the `nth` (0-based) occurrence of `needle`. */
export function positionOf(text: string, needle: string, delta = 0, nth = 0): Position {
  let at = -1;
  for (let i = 0; i <= nth; i++) {
    at = text.indexOf(needle, at + 1);
    if (at === -1) throw new Error(`"${needle}" (occurrence ${nth}) is not in the text`);
  }
  return positionAt(text, at + delta);
}

/** The position right after the first occurrence of `needle`. */
export function after(text: string, needle: string): Position {
  return positionOf(text, needle, needle.length);
}

/** Applies LSP text edits (non-overlapping) to a text. */
export function applyEdits(text: string, edits: ReadonlyArray<{ range: { start: Position; end: Position }; newText: string }>): string {
  const offset = (p: Position) => {
    const lines = text.split('\n');
    return lines.slice(0, p.line).reduce((sum, l) => sum + l.length + 1, 0) + p.character;
  };
  const sorted = edits.map((e) => ({ start: offset(e.range.start), end: offset(e.range.end), text: e.newText })).sort((a, b) => b.start - a.start);
  let out = text;
  for (const e of sorted) out = out.slice(0, e.start) + e.text + out.slice(e.end);
  return out;
}
