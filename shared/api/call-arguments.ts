// Reads a call's argument list straight from the source text: positions, keywords and spreads, without the parser.

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
 * Splits the argument list opening at `open` (the offset of `(`) on its top-level commas, stepping over brackets,
 * strings and comments. Returns undefined for anything it cannot read with certainty (unbalanced brackets,
 * backticks, an unterminated string): callers then say nothing rather than guess.
 */
export function readCallArguments(text: string, open: number): CallArguments | undefined {
  const found: CallArgument[] = [];
  let spread = false;
  let depth = 0;
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
  for (let i = open + 1; i < text.length; i++) {
    const ch = text[i];
    if (ch === ' ' || ch === '\t' || ch === '\n' || ch === '\r' || ch === '\f' || ch === '\\') continue;
    if (ch === '#') {
      while (i < text.length && text[i] !== '\n' && text[i] !== '\r') i++;
      continue;
    }
    if (depth === 0 && ch === ',') {
      // `f(a,,b)` is not Python; only a trailing comma may follow nothing.
      if (!finish()) return undefined;
      continue;
    }
    if (depth === 0 && ch === ')') {
      // Nothing pending here means `f()` or a trailing comma, `f(a,)`: both fine.
      if (first >= 0) finish();
      return { start: open, end: i + 1, arguments: found, spread };
    }
    if (first < 0) first = i;
    if (ch === '"' || ch === "'") {
      const close = stringEnd(text, i);
      if (close < 0) return undefined;
      i = close;
    } else if (ch === '(' || ch === '[' || ch === '{') depth++;
    else if (ch === ')' || ch === ']' || ch === '}') {
      depth--;
      if (depth < 0) return undefined;
    } else if (ch === '`') return undefined;
    last = i;
  }
  return undefined;
}

/** The offset of the quote closing the string that opens at `at`, or -1. Escapes hold in raw strings too. */
function stringEnd(text: string, at: number): number {
  const quote = text[at];
  const triple = text.startsWith(quote.repeat(3), at);
  for (let i = at + (triple ? 3 : 1); i < text.length; i++) {
    const ch = text[i];
    if (ch === '\\') i++;
    else if (triple ? text.startsWith(quote.repeat(3), i) : ch === quote) return triple ? i + 2 : i;
    else if (!triple && (ch === '\n' || ch === '\r')) return -1;
  }
  return -1;
}
