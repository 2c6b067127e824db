// Searches in Python source text that tokenizers (the Jython lexer, the call-argument reader) share: they jump to the
// next character that matters instead of reading every character in JavaScript, which a short lint runs mostly
// before V8 optimizes it. The patterns match one character each, so that `test` and `lastIndex` find it without
// making a match array.

const LINE_BREAK = /[\r\n]/g;
/** What ends the plain run of a string's body, by its quote: in a one-line string, and in a triple-quoted one. */
const STRING_STOP: Readonly<Record<string, RegExp>> = { "'": /[\\'\r\n]/g, '"': /[\\"\r\n]/g };
const TRIPLE_STRING_STOP: Readonly<Record<string, RegExp>> = { "'": /[\\']/g, '"': /[\\"]/g };

export const TRIPLE_QUOTE: Readonly<Record<string, string>> = { "'": "'''", '"': '"""' };

/** Offset of the first line break (`\n` or `\r`) at or after `from`, or the text's length. */
export function lineBreakFrom(text: string, from: number): number {
  LINE_BREAK.lastIndex = from;
  return LINE_BREAK.test(text) ? LINE_BREAK.lastIndex - 1 : text.length;
}

/**
 * Offset of the first character at or after `from` that can end a string's body or escape in it: a backslash, the
 * quote `quote`, and in a one-line string a line break. The text's length when there is none.
 */
export function stringStopFrom(text: string, from: number, quote: string, triple: boolean): number {
  const stop = (triple ? TRIPLE_STRING_STOP : STRING_STOP)[quote];
  stop.lastIndex = from;
  return stop.test(text) ? stop.lastIndex - 1 : text.length;
}
