// jsonc-parser's SyntaxKind numbers, which its scanner gives and so does json-quick-scanner.ts. SyntaxKind is a const
// enum, which a bundler cannot inline from a declaration file.
export const OPEN_BRACE = 1;
export const CLOSE_BRACE = 2;
export const OPEN_BRACKET = 3;
export const CLOSE_BRACKET = 4;
export const COMMA = 5;
export const COLON = 6;
export const NULL = 7;
export const TRUE = 8;
export const FALSE = 9;
export const STRING = 10;
export const NUMBER = 11;
export const LINE_COMMENT = 12;
export const BLOCK_COMMENT = 13;
export const LINE_BREAK = 14;
export const TRIVIA = 15;
export const UNKNOWN = 16;
export const EOF = 17;

/** The part of jsonc-parser's JSONScanner that the tree reader uses. */
export interface TokenScanner {
  scan(): number;
  getTokenOffset(): number;
  getTokenLength(): number;
  getTokenValue(): string;
  getTokenError(): number;
  setPosition(position: number): void;
}
