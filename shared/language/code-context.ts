// What surrounds an offset in Python text being typed: the string or comment it is in, the calls it is an argument
// of, the dotted name it ends. Read with a small forward lexer, because half-typed code is rarely a clean tree.

/** An open bracket around the offset; for `(` after a name, a call. */
export interface OpenBracket {
  char: '(' | '[' | '{';
  offset: number;
  /** The dotted name right before a `(`, e.g. `system.perspective.navigate`. */
  callee?: string;
  /** Zero-based index of the argument the offset is in (commas at this bracket's depth). */
  argIndex: number;
  /** The keyword of the argument the offset is in (`page` in `navigate(page=|)`), when it has one. */
  keyword?: string;
  /** Keywords already given in this call before the offset. */
  keywordsBefore: string[];
  /** Offset where the current argument starts (after the bracket or the last comma). */
  argStart: number;
}

export interface StringAt {
  /** Offset of the opening quote (prefix letters excluded). */
  start: number;
  /** Offset of the first character of the content. */
  contentStart: number;
  quote: string;
  /** The content typed between the quote and the offset. */
  typed: string;
}

export interface CodeContext {
  inComment: boolean;
  string?: StringAt;
  /** Open brackets, outermost first. */
  brackets: OpenBracket[];
}

const NAME_BEFORE = /([A-Za-z_][\w]*(?:\s*\.\s*[A-Za-z_]\w*)*)\s*$/;

/**
 * The context at `offset`, lexing `text` from `from`: by default the last top-level `def`, `class` or decorator
 * line before the offset, since brackets and strings do not span top-level definitions.
 */
export function codeContext(text: string, offset: number, from = topLevelStart(text, offset)): CodeContext {
  const brackets: OpenBracket[] = [];
  let i = from;
  while (i < offset) {
    const c = text[i];
    if (c === '#') {
      const end = text.indexOf('\n', i);
      if (end === -1 || end >= offset) return finish(text, offset, brackets, true);
      i = end + 1;
    } else if (c === '"' || c === "'") {
      const triple = text.startsWith(c.repeat(3), i);
      const quote = triple ? c.repeat(3) : c;
      const raw = /[rR][bBuU]?$|[bBuU][rR]$/.test(text.slice(Math.max(from, i - 2), i));
      const contentStart = i + quote.length;
      let j = contentStart;
      let closed = -1;
      while (j < text.length) {
        if (text[j] === '\\' && !raw) j += 2;
        else if (text.startsWith(quote, j)) {
          closed = j;
          break;
        } else if (!triple && text[j] === '\n') break;
        else j++;
      }
      if (closed === -1 || closed >= offset) {
        if (closed === -1 && !triple && j < offset) {
          // An unterminated one-line string ends at its line: go on after it.
          i = j;
          continue;
        }
        const string: StringAt = { start: i, contentStart, quote, typed: text.slice(contentStart, offset) };
        return { ...finish(text, offset, brackets, false), string };
      }
      i = closed + quote.length;
    } else if (c === '(' || c === '[' || c === '{') {
      // The callee is read at the end, for the brackets still open: most brackets close before the offset.
      brackets.push({ char: c, offset: i, argIndex: 0, keywordsBefore: [], argStart: i + 1 });
      i++;
    } else if (c === ')' || c === ']' || c === '}') {
      brackets.pop();
      i++;
    } else if (c === ',') {
      const top = brackets[brackets.length - 1];
      if (top) {
        const keyword = keywordOf(text.slice(top.argStart, i));
        if (keyword) top.keywordsBefore.push(keyword);
        top.argIndex++;
        top.argStart = i + 1;
      }
      i++;
    } else i++;
  }
  return finish(text, offset, brackets, false);
}

function finish(text: string, offset: number, brackets: readonly OpenBracket[], inComment: boolean): CodeContext {
  return {
    inComment,
    brackets: brackets.map((b) => {
      const keyword = keywordOf(text.slice(b.argStart, offset));
      const before = b.char === '(' ? NAME_BEFORE.exec(text.slice(Math.max(0, b.offset - 200), b.offset)) : null;
      const callee = before?.[1].replace(/\s+/g, '');
      return { ...b, ...(callee && !KEYWORDS.has(callee) ? { callee } : {}), ...(keyword ? { keyword } : {}) };
    }),
  };
}

/** Words before a `(` that make it a parenthesis, not a call. */
const KEYWORDS = new Set(['if', 'elif', 'while', 'and', 'or', 'not', 'in', 'return', 'print', 'for', 'yield', 'assert', 'del', 'except']);

/** `name` when an argument's text so far is `name=...` (not `==`). */
function keywordOf(argument: string): string | undefined {
  const m = /^\s*([A-Za-z_]\w*)\s*=(?!=)/.exec(argument);
  return m?.[1];
}

/** The innermost call around the context, when the innermost bracket is a call (or a list inside one, with `throughList`). */
export function enclosingCall(context: CodeContext, throughList = false): OpenBracket | undefined {
  for (let k = context.brackets.length - 1; k >= 0; k--) {
    const b = context.brackets[k];
    if (b.char === '(' && b.callee) return b;
    if (!throughList || b.char !== '[') return undefined;
  }
  return undefined;
}

/** The dotted name being typed before `offset` (`system.perspective.na`), split into its object and the partial member. */
export function dottedBefore(text: string, offset: number): { object: string; partial: string; start: number } | undefined {
  const m = /([A-Za-z_]\w*(?:\.[A-Za-z_]\w*)*)?(\.?)([A-Za-z_]\w*)?$/.exec(text.slice(Math.max(0, offset - 300), offset));
  if (!m || (!m[1] && !m[3])) return undefined;
  const partial = m[3] ?? '';
  if (m[2] === '.') return { object: m[1] ?? '', partial, start: offset - partial.length };
  // No dot before the partial name: the object part is the whole chain without its last element.
  const chain = m[1] ?? '';
  if (chain === '') return { object: '', partial, start: offset - partial.length };
  const dot = chain.lastIndexOf('.');
  return dot === -1
    ? { object: '', partial: chain, start: offset - chain.length }
    : { object: chain.slice(0, dot), partial: chain.slice(dot + 1), start: offset - (chain.length - dot - 1) };
}

/** The dotted name under `offset`, up to the end of the name the offset is in (`system.perspective` on `perspective`). */
export function dottedAt(text: string, offset: number): { name: string; start: number; end: number } | undefined {
  let end = offset;
  while (end < text.length && /\w/.test(text[end])) end++;
  let start = offset;
  while (start > 0 && /[\w.]/.test(text[start - 1])) start--;
  while (text[start] === '.') start++;
  const name = text.slice(start, end);
  if (!/^[A-Za-z_]\w*(\.[A-Za-z_]\w*)*$/.test(name)) return undefined;
  const last = name.lastIndexOf('.');
  return { name, start: last === -1 ? start : start + last + 1, end };
}

/**
 * The start of the last line before `offset` that opens a top-level definition outside any triple-quoted string
 * (a script held in a string often starts with its own `def` at column 0), or 0.
 */
function topLevelStart(text: string, offset: number): number {
  let at = offset;
  for (;;) {
    const line = at > 0 ? text.lastIndexOf('\n', at - 1) : -1;
    if (line === -1) return 0;
    if (/^(def|class)\b|^@/.test(text.slice(line + 1, line + 7)) && count(text, "'''", line) % 2 === 0 && count(text, '"""', line) % 2 === 0) return line + 1;
    at = line;
  }
}

function count(text: string, needle: string, end: number): number {
  let n = 0;
  for (let i = text.indexOf(needle); i !== -1 && i < end; i = text.indexOf(needle, i + needle.length)) n++;
  return n;
}
