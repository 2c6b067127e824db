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
  const start = body.origin.originOffset(0);
  const out = new MappedTextBuilder(body.origin.file, body.origin.original);
  out.synthetic(`def ${wrapper.name}(${wrapper.params.join(', ')}):\n`, start);
  const lines = splitLines(body.text);
  const first = lines.map(([s, e]) => body.text.slice(s, e)).find((l) => l.trim() !== '' && !l.trimStart().startsWith('#'));
  const needsIndent = indent === 'always' || (first !== undefined && !/^[ \t]/.test(first));
  let anyCode = false;
  for (const [s, e] of lines) {
    const line = body.text.slice(s, e);
    if (line.trim() !== '' && !line.trimStart().startsWith('#')) anyCode = true;
    if (needsIndent && line.trim() !== '') out.synthetic('\t', body.origin.originOffset(s));
    out.mapped(body.text, body.origin, s, e);
  }
  if (!anyCode) {
    if (body.text.length > 0 && !body.text.endsWith('\n')) out.synthetic('\n', body.origin.originOffset(body.text.length));
    out.synthetic('\tpass\n', body.origin.originOffset(Math.max(0, body.text.length - 1)));
  }
  return { text: out.text(), origin: out.origin };
}

/** [start, end) of each line, end including its newline. */
function splitLines(text: string): Array<[number, number]> {
  const lines: Array<[number, number]> = [];
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '\n') {
      lines.push([start, i + 1]);
      start = i + 1;
    }
  }
  if (start < text.length) lines.push([start, text.length]);
  return lines;
}
