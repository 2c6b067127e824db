// A JSON scanner for text that is well formed, as almost every project file is: it reads tokens with indexOf and
// regular expressions, and hands out a string's value only when asked (a view's scripts are long strings full of
// escapes, which jsonc-parser's scanner decodes piece by piece as it goes). At the first thing that is not plain
// valid JSON (a comment, a control character, a bad escape or number, anything unknown) it gives up by throwing
// `NotPlain`, and the file is read again with jsonc-parser's scanner, whose errors are the ones users see.
import { CLOSE_BRACE, CLOSE_BRACKET, COLON, COMMA, EOF, FALSE, NULL, NUMBER, OPEN_BRACE, OPEN_BRACKET, STRING, TRIVIA, TRUE, type TokenScanner } from './json-tokens';

/** Thrown where the text is not plain valid JSON: the caller reads it again with the full scanner. */
export class NotPlain extends Error {}

const NUMBER_TEXT = /-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?/y;
/** What may not follow a number or a keyword in valid JSON without a separator in between. */
const WORD_CHAR = /[0-9A-Za-z_.+\-$]/;
/** The next character a string's body must look at: its end, an escape, or a control character (not allowed). */
const STRING_STOP = /["\\\u0000-\u001f]/g;
/** JSON's escapes, and only those. */
const ESCAPE = /\\(?:["\\/bfnrt]|u[0-9A-Fa-f]{4})/y;

export function createQuickScanner(text: string): TokenScanner {
  let position = 0;
  let offset = 0;
  let length = 0;
  let kind: number = EOF;
  return {
    scan(): number {
      offset = position;
      if (position >= text.length) {
        length = 0;
        return (kind = EOF);
      }
      const c = text.charCodeAt(position);
      switch (c) {
        case 0x20: case 0x09: case 0x0a: case 0x0d: {
          // White space, line breaks included, as one token: parseJsonTree skips both alike.
          let end = position + 1;
          for (let d = text.charCodeAt(end); d === 0x20 || d === 0x09 || d === 0x0a || d === 0x0d; d = text.charCodeAt(++end));
          return token(TRIVIA, end - position);
        }
        case 0x7b: return token(OPEN_BRACE, 1);
        case 0x7d: return token(CLOSE_BRACE, 1);
        case 0x5b: return token(OPEN_BRACKET, 1);
        case 0x5d: return token(CLOSE_BRACKET, 1);
        case 0x2c: return token(COMMA, 1);
        case 0x3a: return token(COLON, 1);
        case 0x22:
          return token(STRING, stringEnd(position + 1) - position);
        case 0x74: return keyword('true', TRUE);
        case 0x66: return keyword('false', FALSE);
        case 0x6e: return keyword('null', NULL);
        default: {
          // test() and lastIndex rather than exec(): no match array for each of a file's numbers.
          NUMBER_TEXT.lastIndex = position;
          if (!NUMBER_TEXT.test(text)) throw new NotPlain();
          return token(NUMBER, NUMBER_TEXT.lastIndex - position);
        }
      }
    },
    getTokenOffset: () => offset,
    getTokenLength: () => length,
    getTokenValue(): string {
      // As jsonc-parser: a literal's text, a string's value, nothing for punctuation.
      if (kind !== STRING && kind !== NUMBER && kind !== TRUE && kind !== FALSE && kind !== NULL) return '';
      const raw = text.slice(offset, offset + length);
      if (kind !== STRING) return raw;
      // Most strings have no escape: their value is their text. The others are decoded natively.
      return raw.includes('\\') ? (JSON.parse(raw) as string) : raw.slice(1, -1);
    },
    getTokenError: () => 0,
    setPosition(at: number): void {
      position = at;
    },
  };

  function token(found: number, size: number): number {
    length = size;
    position += size;
    if ((found === NUMBER || found >= NULL && found <= FALSE) && WORD_CHAR.test(text[position] ?? '')) throw new NotPlain();
    return (kind = found);
  }

  /**
   * The offset just past the closing quote of a string whose body starts at `from`. A loop over the characters that
   * matter rather than one regular expression for the whole string: a script of megabytes would exhaust the stack
   * of the regular expression engine.
   */
  function stringEnd(from: number): number {
    for (let at = from; ; ) {
      STRING_STOP.lastIndex = at;
      if (!STRING_STOP.test(text)) throw new NotPlain();
      const stop = STRING_STOP.lastIndex - 1;
      const c = text.charCodeAt(stop);
      if (c === 0x22) return stop + 1;
      if (c < 0x20) throw new NotPlain();
      ESCAPE.lastIndex = stop;
      if (!ESCAPE.test(text)) throw new NotPlain();
      at = ESCAPE.lastIndex;
    }
  }

  function keyword(word: string, found: number): number {
    if (!text.startsWith(word, position)) throw new NotPlain();
    return token(found, word.length);
  }
}
