// Finds Python 2 backtick repr expressions (`x`), which tree-sitter's grammar does not know, outside strings and comments.

/** Offsets of the opening and closing backtick of each pair, in source order. */
export interface BacktickPair {
  open: number;
  close: number;
}

/**
 * Scans the text like Python's tokenizer does for strings and comments, so that a backtick inside `'...'` or after
 * `#` is left alone. Pairs are matched in order; backticks do not nest in Python 2 without parentheses.
 */
export function findBackticks(text: string): BacktickPair[] {
  const pairs: BacktickPair[] = [];
  let open = -1;
  let i = 0;
  while (i < text.length) {
    const c = text[i];
    if (c === '#') {
      while (i < text.length && text[i] !== '\n') i++;
    } else if (c === '"' || c === "'") {
      i = skipString(text, i);
    } else {
      if (c === '`') {
        if (open < 0) open = i;
        else {
          pairs.push({ open, close: i });
          open = -1;
        }
      }
      i++;
    }
  }
  return pairs;
}

/** Offset just past the string literal whose opening quote is at `start`; an unterminated string runs to the end. */
function skipString(text: string, start: number): number {
  const quote = text[start];
  const triple = text.startsWith(quote.repeat(3), start);
  const delimiter = triple ? quote.repeat(3) : quote;
  let i = start + delimiter.length;
  while (i < text.length) {
    const c = text[i];
    if (c === '\\') i += 2;
    else if (text.startsWith(delimiter, i)) return i + delimiter.length;
    else if (c === '\n' && !triple) return i;
    else i++;
  }
  return text.length;
}

/** The text with each backtick pair turned into parentheses, same length, so that the grammar can parse it. */
export function parenthesizeBackticks(text: string, pairs: BacktickPair[]): string {
  if (pairs.length === 0) return text;
  const chars = text.split('');
  for (const { open, close } of pairs) {
    chars[open] = '(';
    chars[close] = ')';
  }
  return chars.join('');
}
