// Jython 2.7's tokenizer, as far as it decides whether a script compiles: its indentation rules, the characters it
// rejects, and the malformed tokens it silently skips. tree-sitter parses the rest of the grammar.
//
// Facts measured against Debian's jython 2.7 (test/integration/jython-syntax-differential.test.ts holds them to it):
// - a tab advances to the next multiple of 8 columns, a space by one; blank and comment-only lines do not count;
// - a dedent to a column no enclosing block started at is "unindent does not match any outer indentation level";
// - a string that is not closed on its line (or a triple-quoted one by the end of the text), and a `!` not followed
//   by `=`, are dropped with the character after them (the lexer's recovery), and the rest still compiles:
//   `if a ! == b` runs as `if a == b`, `x = 'abc` on its own line swallows the line break;
// - a backslash not at the end of a line is dropped the same way; one whose next line is empty is an error;
// - `$`, `?`, non-ASCII outside strings and comments, `0x` or `1e` without digits are errors.
import { lineBreakFrom, stringStopFrom, TRIPLE_QUOTE } from '../python/text-search';

export interface JythonSyntaxError {
  /** Offset in the text of what Jython complains about. */
  offset: number;
  /** End of the range to underline (at least offset + 1 when there is a character there). */
  end: number;
  /** `IndentationError` or `SyntaxError`, as Jython raises it. */
  type: 'SyntaxError' | 'IndentationError';
  /** Jython's own wording where it has a clear one, followed by what to do. */
  message: string;
}

/** A range Jython's lexer reports and skips: the script compiles as if it were not there. */
export interface DroppedRange {
  start: number;
  end: number;
  why: 'unclosed string' | 'unclosed triple-quoted string' | 'lone !' | 'stray backslash';
}

export interface JythonLex {
  /** The first error Jython would raise while tokenizing, if any (Jython stops at the first). */
  error?: JythonSyntaxError;
  dropped: DroppedRange[];
  /**
   * Offsets of `True` and `False` assigned to (`True = 1`): names in Python 2, which old compatibility code
   * assigns; tree-sitter's grammar takes them for constants.
   */
  assignedConstants: number[];
  /** True when some line's indentation mixes tabs and spaces (it may still be consistent). */
  mixedIndentation: boolean;
  /** Where the tokenizer's state was that of a fresh start, for relexJython (absent when lexing stopped at an error). */
  checkpoints?: readonly Checkpoint[];
  /** How many lines mix tabs and spaces, for relexJython. */
  mixedLines?: number;
}

/** What relexJython starts a lexer with: the old lex up to a checkpoint, and how to rejoin it after the change. */
interface Resume {
  at: Checkpoint;
  dropped: DroppedRange[];
  assignedConstants: number[];
  checkpoints: Checkpoint[];
  /** The old lex's checkpoint that this offset of the new text continues, if any. */
  rejoin(offset: number): number | undefined;
}

/** The old lex from a rejoined checkpoint on, shifted to the new text. */
interface Rest {
  dropped: DroppedRange[];
  assignedConstants: number[];
  mixedLines: number;
  checkpoints: Checkpoint[];
}

/**
 * The start of a logical line written at column 0 with no block waiting for its body: the line closes every open
 * block, so lexing from here on depends on nothing before it. The counts are of what was found before it.
 */
export interface Checkpoint {
  offset: number;
  dropped: number;
  assignedConstants: number;
  mixedLines: number;
}

const OPENERS = new Set(['(', '[', '{']);
const CLOSERS = new Set([')', ']', '}']);
const OPERATOR_CHARS = new Set([...'+-*/%&|^~<>=.,:;@`']);
const STRING_PREFIX = /^(?:[uUbB]?[rR]?)$/;

export function lexJython(text: string): JythonLex {
  return new Lexer(text).run();
}

/**
 * `after` lexed knowing `lex`, the lex of `before`: only from the last checkpoint before the first changed character
 * to the first checkpoint after the change that `before` had too; the rest is `lex`'s, shifted. The same result as
 * lexJython(after) (a property test holds it to that), at the cost of the lines around the change: the language
 * server lexes the whole file on every keystroke.
 */
export function relexJython(before: string, lex: JythonLex, after: string): JythonLex {
  const checkpoints = lex.checkpoints;
  if (!checkpoints || lex.error) return lexJython(after);
  let start = 0;
  const shorter = Math.min(before.length, after.length);
  while (start < shorter && before.charCodeAt(start) === after.charCodeAt(start)) start++;
  if (start === before.length && start === after.length) return lex;
  let endBefore = before.length;
  let endAfter = after.length;
  while (endBefore > start && endAfter > start && before.charCodeAt(endBefore - 1) === after.charCodeAt(endAfter - 1)) {
    endBefore--;
    endAfter--;
  }
  // The last checkpoint strictly before the change: its line's first character is unchanged too.
  let from = -1;
  for (let lo = 0, hi = checkpoints.length - 1; lo <= hi;) {
    const mid = (lo + hi) >> 1;
    if (checkpoints[mid].offset < start) {
      from = mid;
      lo = mid + 1;
    } else {
      hi = mid - 1;
    }
  }
  if (from < 0) return lexJython(after);
  const delta = after.length - before.length;
  const oldAt = new Map<number, number>();
  for (let k = from + 1; k < checkpoints.length; k++) if (checkpoints[k].offset >= endBefore) oldAt.set(checkpoints[k].offset, k);
  const resume = checkpoints[from];
  const lexer = new Lexer(after, {
    at: resume,
    dropped: lex.dropped.slice(0, resume.dropped),
    assignedConstants: lex.assignedConstants.slice(0, resume.assignedConstants),
    checkpoints: checkpoints.slice(0, from),
    // Past the change, at a checkpoint `before` had at the same text: the rest is the old lex's.
    rejoin: (offset) => (offset >= endAfter ? oldAt.get(offset - delta) : undefined),
  });
  return lexer.run((k, here) => {
    const old = checkpoints[k];
    const shift = <T extends { start: number; end: number }>(r: T): T => ({ ...r, start: r.start + delta, end: r.end + delta });
    return {
      dropped: lex.dropped.slice(old.dropped).map(shift),
      assignedConstants: lex.assignedConstants.slice(old.assignedConstants).map((o) => o + delta),
      mixedLines: (lex.mixedLines ?? 0) - old.mixedLines,
      checkpoints: checkpoints.slice(k).map((c) => ({
        offset: c.offset + delta,
        dropped: c.dropped - old.dropped + here.dropped,
        assignedConstants: c.assignedConstants - old.assignedConstants + here.assignedConstants,
        mixedLines: c.mixedLines - old.mixedLines + here.mixedLines,
      })),
    };
  });
}

/**
 * The text as Jython's parser sees it, for tree-sitter: dropped ranges become spaces, and a dropped line break
 * becomes a backslash continuation, so that every offset and line stays where it was. Where a line's indentation
 * mixes tabs and spaces, it is rewritten, same length, into one tree-sitter measures as Jython does.
 */
export function visibleText(text: string, lex: Pick<JythonLex, 'dropped' | 'assignedConstants' | 'mixedIndentation'>): string {
  const { dropped, assignedConstants } = lex;
  if (dropped.length === 0 && assignedConstants.length === 0 && !lex.mixedIndentation) return text;
  const chars = text.split('');
  if (lex.mixedIndentation) reindent(chars);
  // A name of the same length keeps offsets: `True = 1` parses as `_rue = 1`.
  for (const offset of assignedConstants) chars[offset] = '_';
  for (const range of dropped) {
    // What follows a dropped line break continues the statement; a string dropped to the end leaves blank lines.
    const joins = range.why !== 'unclosed triple-quoted string';
    for (let i = range.start; i < range.end; i++) {
      if (chars[i] === '\n') {
        if (joins && i > range.start) chars[i - 1] = '\\';
      } else if (chars[i] !== '\r') {
        chars[i] = ' ';
      }
    }
  }
  return chars.join('');
}

/**
 * tree-sitter's scanner adds 8 columns for a tab wherever it is, Jython advances to the next multiple of 8: `    \t`
 * is 12 columns to one and 8 to the other. Each leading run of spaces and tabs that the two measure differently is
 * replaced by one of the same length that tree-sitter measures as Jython does: form feeds (which reset its count
 * to 0) and then `k` characters, `t` of them tabs, so that k + 7t is Jython's column.
 */
function reindent(chars: string[]): void {
  let i = 0;
  while (i < chars.length) {
    const start = i;
    let jython = 0;
    let treeSitter = 0;
    while (chars[i] === ' ' || chars[i] === '\t') {
      jython = chars[i] === '\t' ? (Math.floor(jython / 8) + 1) * 8 : jython + 1;
      treeSitter += chars[i] === '\t' ? 8 : 1;
      i++;
    }
    const length = i - start;
    if (jython !== treeSitter && chars[i] !== '\n' && chars[i] !== '\r' && i < chars.length) {
      for (let k = jython % 7 || 7; k <= length; k += 7) {
        const tabs = (jython - k) / 7;
        if (tabs < 0 || tabs > k) continue;
        for (let j = 0; j < length; j++) chars[start + j] = j < length - k ? '\f' : j < length - k + tabs ? '\t' : ' ';
        break;
      }
    }
    while (i < chars.length && chars[i] !== '\n' && chars[i] !== '\r') i++;
    i++;
  }
}

class Lexer {
  private i = 0;
  private dropped: DroppedRange[] = [];
  private assignedConstants: number[] = [];
  /** `True`/`False` met on this logical line before any `=`, outside brackets. */
  private constants: number[] = [];
  private error?: JythonSyntaxError;
  private mixedLines = 0;
  private readonly checkpoints: Checkpoint[] = [];
  /** Columns of the open blocks, outermost first. */
  private readonly indents = [0];
  private depth = 0;
  /** The last significant character of the logical line so far, outside brackets. */
  private last = '';
  /** Offset of the `:` that ended the previous logical line, when it opened a block on the next one. */
  private opener = -1;

  constructor(private readonly text: string, private readonly resume?: Resume) {
    if (resume) {
      this.i = resume.at.offset;
      this.mixedLines = resume.at.mixedLines;
      this.dropped = resume.dropped;
      this.assignedConstants = resume.assignedConstants;
      this.checkpoints = resume.checkpoints;
    }
  }

  /** `rest` gives the old lex from a checkpoint where a resumed lexer rejoins it. */
  run(rest?: (checkpoint: number, here: Checkpoint) => Rest): JythonLex {
    const text = this.text;
    // A byte order mark is the file's encoding signature, as Python reads source files, not a character of the code.
    if (!this.resume && text.charCodeAt(0) === 0xfeff) this.i = 1;
    while (this.i < text.length && !this.error) {
      // A statement at column 0 with no block waiting for its body: what follows depends on nothing before it.
      const c = text[this.i];
      if (this.opener < 0 && c !== ' ' && c !== '\t' && c !== '\f' && c !== '\n' && c !== '\r' && c !== '#') {
        const here = { offset: this.i, dropped: this.dropped.length, assignedConstants: this.assignedConstants.length, mixedLines: this.mixedLines };
        const rejoined = rest && this.resume?.rejoin(this.i);
        if (rejoined !== undefined && rest) {
          const old = rest(rejoined, here);
          return {
            dropped: [...this.dropped, ...old.dropped], assignedConstants: [...this.assignedConstants, ...old.assignedConstants],
            mixedIndentation: this.mixedLines + old.mixedLines > 0, mixedLines: this.mixedLines + old.mixedLines, checkpoints: [...this.checkpoints, ...old.checkpoints],
          };
        }
        this.checkpoints.push(here);
      }
      this.logicalLine();
    }
    if (!this.error && this.opener >= 0) {
      this.fail(this.opener, 'SyntaxError', "expected an indented block after this line (Jython: mismatched input '<EOF>' expecting INDENT); write the block's statements, or pass");
    }
    const found = { dropped: this.dropped, assignedConstants: this.assignedConstants, mixedIndentation: this.mixedLines > 0, mixedLines: this.mixedLines };
    return this.error ? { error: this.error, ...found } : { ...found, checkpoints: this.checkpoints };
  }

  /** One logical line: its indentation, then its tokens up to the line break outside brackets. */
  private logicalLine(): void {
    const column = this.indentation();
    const first = this.i;
    const c = this.text[first];
    if (first >= this.text.length || c === '\n' || c === '\r' || c === '#') {
      this.skipLine();
      return;
    }
    if (!this.indent(column, first)) return;
    this.last = '';
    this.depth = 0;
    this.constants = [];
    this.tokens();
    this.opener = this.last === ':' ? this.lastColon : -1;
  }

  private lastColon = -1;

  /** The column the line's leading spaces and tabs reach; the cursor stops at the first other character. */
  private indentation(): number {
    let column = 0;
    let tabs = false;
    let spaces = false;
    for (; this.i < this.text.length; this.i++) {
      const c = this.text[this.i];
      if (c === ' ') {
        column++;
        spaces = true;
      } else if (c === '\t') {
        column = (Math.floor(column / 8) + 1) * 8;
        tabs = true;
      } else if (c === '\f') {
        column = 0;
      } else {
        break;
      }
    }
    const code = this.text[this.i];
    if (tabs && spaces && code !== '\n' && code !== '\r' && code !== '#' && code !== undefined) this.mixedLines++;
    return column;
  }

  private skipLine(): void {
    const end = this.lineEnd(this.i);
    this.i = end + (this.text[end] === '\r' && this.text[end + 1] === '\n' ? 2 : 1);
  }

  /** Offset of the line break that ends the line holding `from` (`\n`, `\r\n` or a lone `\r`), or the text's end. */
  private lineEnd(from: number): number {
    return lineBreakFrom(this.text, from);
  }

  /** Compares a line's column with the open blocks; false (with the error) when Jython rejects it. */
  private indent(column: number, first: number): boolean {
    const top = this.indents[this.indents.length - 1];
    if (this.opener >= 0) {
      if (column > top) {
        this.indents.push(column);
        return true;
      }
      return this.fail(first, 'SyntaxError', `expected an indented block here (Jython: mismatched input '${this.firstToken(first)}' expecting INDENT); indent the block under the line above`);
    }
    if (column > top) {
      return this.fail(first, 'IndentationError', `unexpected indent: this line is indented deeper than the block it is in (Jython: mismatched input '${this.firstToken(first)}'); align it with the line above`);
    }
    while (column < this.indents[this.indents.length - 1]) this.indents.pop();
    if (column !== this.indents[this.indents.length - 1]) {
      return this.fail(first, 'IndentationError', 'unindent does not match any outer indentation level; a tab counts to the next multiple of 8 columns: indent this line like the block it belongs to');
    }
    return true;
  }

  private firstToken(at: number): string {
    return /^(?:[A-Za-z_][A-Za-z0-9_]*|\S)/.exec(this.text.slice(at, at + 40))?.[0] ?? '';
  }

  /** Tokens up to the end of the logical line (a line break outside brackets and not continued). */
  private tokens(): void {
    const text = this.text;
    while (this.i < text.length && !this.error) {
      const c = text[this.i];
      if (c === '\n' || (c === '\r' && text[this.i + 1] !== '\n')) {
        this.i++;
        if (this.depth === 0) return;
      } else if (c === '\r' || c === ' ' || c === '\t' || c === '\f') {
        this.i++;
      } else if (c === '#') {
        this.i = this.lineEnd(this.i);
      } else if (c === '\\') {
        this.continuation();
      } else if (c === '"' || c === "'") {
        this.string(this.i);
      } else if (isNameStart(text.charCodeAt(this.i))) {
        this.name();
      } else if (isDigit(text.charCodeAt(this.i)) || (c === '.' && isDigit(text.charCodeAt(this.i + 1)))) {
        this.number();
      } else if (OPENERS.has(c)) {
        this.depth++;
        this.significant(c);
      } else if (CLOSERS.has(c)) {
        // Unbalanced closers are the parser's to report; the lexer only stops joining lines.
        this.depth = Math.max(0, this.depth - 1);
        this.significant(c);
      } else if (c === '!') {
        if (text[this.i + 1] === '=') {
          this.i += 2;
          this.last = '=';
        } else {
          // The `!=` rule matched `!` and failed on the next character, which the lexer's recovery consumed too.
          // A line break consumed this way joins the next line to this one.
          const end = Math.min(text.length, this.i + (text[this.i + 1] === '\r' && text[this.i + 2] === '\n' ? 3 : 2));
          this.dropped.push({ start: this.i, end, why: 'lone !' });
          this.i = end;
        }
      } else if (OPERATOR_CHARS.has(c)) {
        if (c === ':' && this.depth === 0) this.lastColon = this.i;
        if (c === '=' && this.depth === 0 && text[this.i + 1] !== '=' && !'<>=!+-*/%&|^'.includes(text[this.i - 1] ?? '')) {
          this.assignedConstants.push(...this.constants);
          this.constants = [];
        }
        this.significant(c);
      } else {
        const shown = c === '\u00a0' ? '\\xa0' : c;
        this.fail(this.i, 'SyntaxError', `no viable alternative at character '${shown}' (Jython rejects it outside strings and comments); remove it, or put it in a string`);
      }
    }
  }

  private significant(c: string): void {
    if (this.depth === 0 || CLOSERS.has(c) || OPENERS.has(c)) this.last = this.depth === 0 ? c : this.last;
    this.i++;
  }

  /**
   * A backslash at the end of a line joins the next one, which must hold something: a blank line or the end of
   * the text after it is an error. A backslash anywhere else is dropped with the character after it.
   */
  private continuation(): void {
    const text = this.text;
    let j = this.i + 1;
    if (text[j] === '\r' && text[j + 1] === '\n') j++;
    if (text[j] !== '\n' && text[j] !== '\r') {
      const end = Math.min(text.length, this.i + 2);
      this.dropped.push({ start: this.i, end, why: 'stray backslash' });
      this.i = end;
      return;
    }
    let k = j + 1;
    while (text[k] === ' ' || text[k] === '\t') k++;
    if (k >= text.length || text[k] === '\n' || text[k] === '\r') {
      this.fail(this.i, 'SyntaxError', 'unexpected character after line continuation character: the line this backslash continues onto is empty; remove the backslash or write the rest of the statement there');
      return;
    }
    this.i = j + 1;
  }

  // Scanned by character codes, with no substring unless the name may be a string prefix or True/False: the
  // lexer runs over the whole text on every keystroke in the language server.
  private name(): void {
    const text = this.text;
    const start = this.i;
    NAME_REST.lastIndex = start + 1;
    NAME_REST.test(text);
    const end = NAME_REST.lastIndex;
    const next = text[end];
    if ((next === '"' || next === "'") && end - start <= 2 && STRING_PREFIX.test(text.slice(start, end))) {
      this.string(end);
      return;
    }
    this.i = end;
    if (this.depth === 0) {
      this.last = 'name';
      const word = end - start === 4 || end - start === 5 ? text.slice(start, end) : '';
      if (word === 'True' || word === 'False') this.constants.push(start);
    }
  }

  /** Numbers: `0x` without hex digits and an exponent without digits stop Jython (a `+` loop that matched nothing). */
  private number(): void {
    const text = this.text;
    const at = this.i;
    const hex = /0[xX]/y;
    hex.lastIndex = at;
    if (hex.test(text)) {
      const digits = /[0-9a-fA-F]+[lL]?/y;
      digits.lastIndex = at + 2;
      if (!digits.test(text)) {
        this.fail(at + 2, 'SyntaxError', `no viable alternative at character '${printable(text[at + 2])}': a hexadecimal number needs digits after 0x`);
        return;
      }
      this.i = digits.lastIndex;
    } else {
      const body = /[0-9]*\.?[0-9]*/y;
      body.lastIndex = at;
      body.exec(text);
      this.i = body.lastIndex;
      if (/[eE]/.test(text[this.i] ?? '')) {
        const exponent = /[eE][+-]?[0-9]+/y;
        exponent.lastIndex = this.i;
        if (!exponent.test(text)) {
          const bad = /[eE][+-]?/y;
          bad.lastIndex = this.i;
          bad.exec(text);
          this.fail(bad.lastIndex, 'SyntaxError', `no viable alternative at character '${printable(text[bad.lastIndex])}': an exponent needs digits after e`);
          return;
        }
        this.i = exponent.lastIndex;
      }
      if (/[jJlL]/.test(text[this.i] ?? '')) this.i++;
    }
    if (this.depth === 0) this.last = 'number';
  }

  /** A string literal from its opening quote at `quoteAt` (the cursor may be on its prefix). */
  private string(quoteAt: number): void {
    const text = this.text;
    const start = this.i;
    const q = text[quoteAt];
    const tripled = TRIPLE_QUOTE[q];
    const triple = text.startsWith(tripled, quoteAt);
    let j = quoteAt + (triple ? 3 : 1);
    for (;;) {
      // Only a backslash, the quote and (in a one-line string) a line break matter: the rest is skipped by a search.
      j = stringStopFrom(text, j, q, triple);
      if (j >= text.length) {
        // Unclosed up to the end: the lexer drops what it read, and Jython compiles the rest.
        this.dropped.push({ start, end: text.length, why: triple ? 'unclosed triple-quoted string' : 'unclosed string' });
        this.i = text.length;
        return;
      }
      const c = text[j];
      if (c === '\\') {
        j += text[j + 1] === '\r' && text[j + 2] === '\n' ? 3 : 2;
      } else if (c === q && (!triple || text.startsWith(tripled, j))) {
        this.escapes(text.slice(start, quoteAt).toLowerCase(), quoteAt + (triple ? 3 : 1), j);
        this.i = j + (triple ? 3 : 1);
        if (this.depth === 0) this.last = 'string';
        return;
      } else if (!triple && (c === '\n' || c === '\r')) {
        // Recovery consumes the character the quote was expected at: the line break goes with the string.
        // The logical line goes on with the next physical one.
        const end = c === '\r' && text[j + 1] === '\n' ? j + 2 : j + 1;
        this.dropped.push({ start, end, why: 'unclosed string' });
        this.i = end;
        return;
      } else {
        j++;
      }
    }
  }

  /**
   * Jython decodes every literal with the unicode-escape codec: `\x` needs two hex digits even in a byte string, and
   * in a unicode literal `\u` four and `\U` eight (raw unicode literals too); compiling stops with a
   * UnicodeDecodeError otherwise.
   */
  private escapes(prefix: string, from: number, to: number): void {
    const raw = prefix.includes('r');
    const unicode = prefix.includes('u');
    if (raw && !unicode) return;
    const text = this.text;
    for (let j = from; j < to; j++) {
      if (text[j] !== '\\') continue;
      const kind = text[j + 1];
      const digits = kind === 'x' && !raw ? 2 : kind === 'u' && unicode ? 4 : kind === 'U' && unicode ? 8 : 0;
      if (digits > 0 && !new RegExp(`^[0-9a-fA-F]{${digits}}`).test(text.slice(j + 2, j + 2 + digits))) {
        const what = kind === 'x' ? '\\xXX' : kind === 'u' ? '\\uXXXX' : '\\UXXXXXXXX';
        this.fail(j, 'SyntaxError', `truncated ${what} escape: Jython cannot decode this string literal (UnicodeDecodeError), so the script does not compile; write ${digits} hex digits, or double the backslash`);
        return;
      }
      if (!raw) j++;
    }
  }

  private fail(offset: number, type: JythonSyntaxError['type'], message: string): false {
    const end = Math.min(this.text.length, offset + Math.max(1, this.firstToken(offset).length));
    this.error = { offset, end, type, message };
    return false;
  }
}

/** The rest of a name after its first character. */
const NAME_REST = /[A-Za-z0-9_]*/y;

function isNameStart(code: number): boolean {
  return (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || code === 95;
}

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

function printable(c: string | undefined): string {
  if (c === undefined) return '<EOF>';
  if (c === '\n') return '\\n';
  return c;
}
