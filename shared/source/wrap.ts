// Wraps a stored script body (no `def` line) into the function the gateway compiles, keeping the origin map.
import { MappedTextBuilder, type MappedText } from './mapped-text';
import type { Wrapper } from './script';

/**
 * `def name(params):` followed by the body. Bodies are normally tab-indented already; some exports store them
 * with no indentation at all, and those get one tab per line so that they compile (perspective.md section 7).
 * A body whose first line is indented is taken as it is: if later lines are not, they end the function, as on a
 * gateway (the `stored-body-indentation` rule says so). `always` indents every line (an 8.3 script file that
 * does not start with its `def`). An empty body (the designer stores `"\t"`) becomes `pass`.
 */
export function wrapBody(body: MappedText, wrapper: Wrapper, indent: 'if-unindented' | 'always' = 'if-unindented'): MappedText {
  const { text, origin } = body;
  const out = new MappedTextBuilder(origin.file, origin.original);
  out.synthetic(`def ${wrapper.name}(${wrapper.params.join(', ')}):\n`, origin.originOffset(0));
  const first = firstCodeLine(text);
  const needsIndent = indent === 'always' || (first !== -1 && text[first] !== ' ' && text[first] !== '\t');
  if (needsIndent) {
    for (const [s, e] of splitLines(text)) {
      if (lineKind(text, s, e) !== 'blank') out.synthetic('\t', origin.originOffset(s));
      out.mapped(text, origin, s, e);
    }
  } else {
    // Already indented (as the Designer stores bodies): the body is copied whole.
    out.mapped(text, origin);
  }
  if (first === -1) {
    if (text.length > 0 && !text.endsWith('\n')) out.synthetic('\n', origin.originOffset(text.length));
    out.synthetic('\tpass\n', origin.originOffset(Math.max(0, text.length - 1)));
  }
  return { text: out.text(), origin: out.origin };
}

const NOT_SPACE = /\S/g;

/**
 * A line `[start, end)` of the text: blank (white space only, as `trim()` counts it), a comment, or code. Read in
 * place: a body's lines are many, and slicing each to trim it was most of the cost of loading a project's scripts.
 */
function lineKind(text: string, start: number, end: number): 'blank' | 'comment' | 'code' {
  NOT_SPACE.lastIndex = start;
  const found = NOT_SPACE.exec(text);
  if (!found || found.index >= end) return 'blank';
  return text[found.index] === '#' ? 'comment' : 'code';
}

/** Where the first line that is code starts, or -1 when every line is blank or a comment. */
function firstCodeLine(text: string): number {
  for (let start = 0; start < text.length; ) {
    const newline = text.indexOf('\n', start);
    const end = newline === -1 ? text.length : newline + 1;
    if (lineKind(text, start, end) === 'code') return start;
    start = end;
  }
  return -1;
}

/** [start, end) of each line, end including its newline. */
function splitLines(text: string): Array<[number, number]> {
  const lines: Array<[number, number]> = [];
  let start = 0;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', start)) {
    lines.push([start, i + 1]);
    start = i + 1;
  }
  if (start < text.length) lines.push([start, text.length]);
  return lines;
}
