// Decodes a Python 2 string literal (as written in a file) into its value, mapping each character back.
import { MappedTextBuilder, type MappedText } from './mapped-text';
import type { LineIndex } from './origin';

const SIMPLE_ESCAPES: Record<string, string> = {
  '\\': '\\', "'": "'", '"': '"', a: '\x07', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v',
};

/**
 * `literal` is the literal's source text (prefix and quotes included) found at `offset` in `original`.
 * Returns undefined for literals that are not plain strings (f-strings, bytes with non-ASCII escapes are kept).
 */
export function decodePythonString(literal: string, offset: number, file: string, original: LineIndex): MappedText | undefined {
  const prefix = /^[a-zA-Z]*/.exec(literal)![0].toLowerCase();
  if (prefix.includes('f')) return undefined;
  const raw = prefix.includes('r');
  const rest = literal.slice(prefix.length);
  const quote = rest.startsWith('"""') || rest.startsWith("'''") ? rest.slice(0, 3) : rest.slice(0, 1);
  if (!rest.endsWith(quote) || rest.length < quote.length * 2) return undefined;
  const bodyStart = prefix.length + quote.length;
  const bodyEnd = literal.length - quote.length;
  const out = new MappedTextBuilder(file, original);
  let i = bodyStart;
  while (i < bodyEnd) {
    const next = raw ? bodyEnd : literal.indexOf('\\', i);
    const runEnd = next === -1 || next > bodyEnd ? bodyEnd : next;
    if (runEnd > i) out.original(literal.slice(i, runEnd), offset + i);
    i = runEnd;
    if (i >= bodyEnd) break;
    // At a backslash in a non-raw literal.
    const c = literal[i + 1];
    const at = offset + i;
    if (c === '\n') {
      i += 2;
    } else if (c === '\r') {
      i += literal[i + 2] === '\n' ? 3 : 2;
    } else if (c in SIMPLE_ESCAPES) {
      out.synthetic(SIMPLE_ESCAPES[c], at);
      i += 2;
    } else if (c === 'x' && /^[0-9a-fA-F]{2}$/.test(literal.slice(i + 2, i + 4))) {
      out.synthetic(String.fromCharCode(parseInt(literal.slice(i + 2, i + 4), 16)), at);
      i += 4;
    } else if (c === 'u' && /^[0-9a-fA-F]{4}$/.test(literal.slice(i + 2, i + 6))) {
      out.synthetic(String.fromCharCode(parseInt(literal.slice(i + 2, i + 6), 16)), at);
      i += 6;
    } else if (c === 'U' && /^[0-9a-fA-F]{8}$/.test(literal.slice(i + 2, i + 10))) {
      out.synthetic(String.fromCodePoint(parseInt(literal.slice(i + 2, i + 10), 16)), at);
      i += 10;
    } else if (c !== undefined && /[0-7]/.test(c)) {
      const digits = /^[0-7]{1,3}/.exec(literal.slice(i + 1))![0];
      out.synthetic(String.fromCharCode(parseInt(digits, 8)), at);
      i += 1 + digits.length;
    } else {
      // Unknown escapes keep their backslash, as in Python 2.
      out.original(literal.slice(i, i + 2), at);
      i += 2;
    }
  }
  return { text: out.text(), origin: out.origin };
}
