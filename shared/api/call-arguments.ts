// Reads a call's argument list straight from the source text: positions, keywords and spreads, without the parser.
import { lineBreakFrom, stringStopFrom, TRIPLE_QUOTE } from '../python/text-search';

export interface CallArgument {
  /** `name` for `name=value`; absent for a positional argument. */
  keyword?: string;
  /** Where the argument is written (without surrounding spaces and comments). */
  start: number;
  end: number;
}

export interface CallArguments {
  /** Offsets of `(` and just after `)`. */
  start: number;
  end: number;
  arguments: CallArgument[];
  /** True when `*args` or `**kwargs` make the arguments knowable only at run time. */
  spread: boolean;
}

const KEYWORD = /^([A-Za-z_][A-Za-z0-9_]*)\s*=(?!=)/;

/**
 * Where each bracket of a script closes, found in one pass that steps over strings and comments. Reading a call's
 * arguments then jumps over nested brackets instead of scanning them, so every character is read a bounded number
 * of times however deep the nesting, and an unclosed `(` costs nothing (a file of 10,000 unclosed calls stays linear).
 * The pass starts at `from` (a place in code, outside any string or comment) and goes only as far as the brackets
 * asked about: after an edit, the linter reads the calls of one statement, not the whole file.
 */
export class BracketIndex {
  /** For the offset of an opening bracket (less `from`), the offset of its closing one; -1 when unclosed, mismatched or not reached yet. */
  private readonly closing: Int32Array;
  /** Brackets opened and not yet closed, where the pass stands. */
  private readonly open: number[] = [];
  /** The next offset the pass reads. */
  private next: number;

  constructor(
    readonly text: string,
    private readonly from = 0,
  ) {
    this.closing = new Int32Array(Math.max(0, text.length - from)).fill(-1);
    this.next = from;
  }

  /** The offset of the bracket closing the one at `open`, or -1. */
  closeOf(open: number): number {
    const k = open - this.from;
    if (k < 0 || k >= this.closing.length) return -1;
    if (this.closing[k] === -1) this.scan(k);
    return this.closing[k];
  }

  /** Reads on until the bracket at `from + k` is closed, or the text ends. */
  private scan(k: number): void {
    const { text, open, closing, from } = this;
    let i = this.next;
    for (; i < text.length && closing[k] === -1; i++) {
      // Straight to the next character that can open or close something: the rest is read by a search.
      BRACKET_STOP.lastIndex = i;
      i = BRACKET_STOP.test(text) ? BRACKET_STOP.lastIndex - 1 : text.length;
      if (i >= text.length) break;
      const ch = text[i];
      if (ch === '#') i = lineBreakFrom(text, i) - 1;
      else if (ch === '"' || ch === "'") {
        const close = stringEnd(text, i);
        // An unterminated string runs to its line's end (single quotes) or the end of the file (triple quotes).
        i = close >= 0 ? close : text.startsWith(TRIPLE_QUOTE[ch], i) ? text.length : lineBreakFrom(text, i) - 1;
      } else if (ch === '(' || ch === '[' || ch === '{') open.push(i);
      else if (ch === ')' || ch === ']' || ch === '}') {
        const at = open.pop();
        if (at !== undefined && PAIRS[text[at]] === ch) closing[at - from] = i;
      }
    }
    this.next = i;
  }
}

const PAIRS: Readonly<Record<string, string>> = { '(': ')', '[': ']', '{': '}' };
// One character each, so that a match ends right after it: `test` and `lastIndex` find it without a match array.
const BRACKET_STOP = /[#"'()[\]{}]/g;

/**
 * Splits the argument list opening at `open` (the offset of `(`) on its top-level commas. Returns undefined for
 * anything it cannot read with certainty (unbalanced brackets, backticks, an unterminated string): callers then say
 * nothing rather than guess.
 */
export function readCallArguments(brackets: BracketIndex, open: number): CallArguments | undefined {
  const { text } = brackets;
  const close = brackets.closeOf(open);
  if (text[open] !== '(' || close < 0) return undefined;
  const found: CallArgument[] = [];
  let spread = false;
  // The current argument's first and last significant characters; -1 while it has none.
  let first = -1;
  let last = -1;
  const finish = (): boolean => {
    if (first < 0) return false;
    const written = text.slice(first, last + 1);
    if (written.startsWith('*')) spread = true;
    const keyword = KEYWORD.exec(written);
    found.push(keyword ? { keyword: keyword[1], start: first, end: last + 1 } : { start: first, end: last + 1 });
    first = last = -1;
    return true;
  };
  for (let i = open + 1; i < close; i++) {
    const ch = text[i];
    if (ch === ' ' || ch === '\t' || ch === '\n' || ch === '\r' || ch === '\f' || ch === '\\') continue;
    if (ch === '#') {
      i = lineBreakFrom(text, i) - 1;
      continue;
    }
    if (ch === ',') {
      // `f(a,,b)` is not Python; only a trailing comma may follow nothing.
      if (!finish()) return undefined;
      continue;
    }
    if (first < 0) first = i;
    if (ch === '"' || ch === "'") {
      i = stringEnd(text, i);
      if (i < 0 || i >= close) return undefined;
    } else if (ch === '(' || ch === '[' || ch === '{') {
      // Nested brackets are skipped whole; what is inside belongs to this argument.
      i = brackets.closeOf(i);
      if (i < 0 || i >= close) return undefined;
    } else if (ch === ')' || ch === ']' || ch === '}' || ch === '`') return undefined;
    last = i;
  }
  // Nothing pending here means `f()` or a trailing comma, `f(a,)`: both fine.
  if (first >= 0) finish();
  return { start: open, end: close + 1, arguments: found, spread };
}

/** The offset of the quote closing the string that opens at `at`, or -1. Escapes hold in raw strings too. */
function stringEnd(text: string, at: number): number {
  const quote = text[at];
  const tripled = TRIPLE_QUOTE[quote];
  const triple = text.startsWith(tripled, at);
  for (let i = at + (triple ? 3 : 1); i < text.length; i++) {
    i = stringStopFrom(text, i, quote, triple);
    if (i >= text.length) break;
    const ch = text[i];
    if (ch === '\\') i++;
    else if (triple ? text.startsWith(tripled, i) : ch === quote) return triple ? i + 2 : i;
    else if (!triple && (ch === '\n' || ch === '\r')) return -1;
  }
  return -1;
}
