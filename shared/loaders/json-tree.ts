// Strict JSON to a tree of nodes with offsets, on an explicit stack: a file nested 100,000 levels deep is read, not a crash.
//
// jsonc-parser's parseTree and visit descend on the JavaScript stack and overflow near 2,000 levels; its scanner does
// not, so the scanner gives the tokens and this file builds the same Node shape the loaders already read.
import { createScanner, type Node } from 'jsonc-parser';
import { BLOCK_COMMENT, CLOSE_BRACE, CLOSE_BRACKET, COLON, COMMA, EOF, FALSE, LINE_BREAK, LINE_COMMENT, NULL, NUMBER, OPEN_BRACE, OPEN_BRACKET, STRING, TRIVIA, TRUE, UNKNOWN, type TokenScanner } from './json-tokens';
import { createQuickScanner, NotPlain } from './json-quick-scanner';
import { wholeValue } from './json-opaque';

/** A syntax error: jsonc-parser's error code name (`PropertyNameExpected`...) and the offset of the token at fault. */
export interface JsonSyntaxError {
  code: string;
  offset: number;
}

export interface JsonTree {
  /** Undefined when no value starts the text; after a syntax error, what was read before it. */
  root?: Node;
  error?: JsonSyntaxError;
}

// jsonc-parser's ScanError is a const enum too (see json-tokens.ts): its names, by number.
const SCAN_ERRORS = ['', 'UnexpectedEndOfComment', 'UnexpectedEndOfString', 'UnexpectedEndOfNumber', 'InvalidUnicode', 'InvalidEscapeCharacter', 'InvalidCharacter'];

/** What the innermost open container waits for next. */
type Expect = 'value' | 'first-item' | 'first-key' | 'key' | 'colon' | 'comma-or-close';

/** jsonc-parser's Node, whose fields are read-only to its users, while it is being built. */
type TreeNode = { -readonly [K in keyof Node]: Node[K] };

interface Open {
  node: TreeNode;
  /** The property whose value is being read, in an object. */
  property?: TreeNode;
}

export interface JsonTreeOptions {
  /** Keys whose object or array values are read whole (see json-opaque.ts): their nodes are built only when read. */
  whole?: ReadonlySet<string>;
}

export function parseJsonTree(text: string, options: JsonTreeOptions = {}): JsonTree {
  // Well-formed text (nearly every file) is read with the quick scanner; anything else, errors included, with
  // jsonc-parser's, from the start: its errors are the ones reported.
  try {
    const quick = readTree(text, options, createQuickScanner(text));
    if (!quick.error) return quick;
  } catch (error) {
    if (!(error instanceof NotPlain)) throw error;
  }
  return readTree(text, options, createScanner(text, false));
}

function readTree(text: string, options: JsonTreeOptions, scanner: TokenScanner): JsonTree {
  const stack: Open[] = [];
  let root: TreeNode | undefined;
  let expect = 'value' as Expect;
  let error: JsonSyntaxError | undefined;

  const fail = (code: string, offset = scanner.getTokenOffset()): void => {
    error = { code, offset };
  };
  /** The next token that is not white space; comments and malformed tokens are errors in strict JSON. */
  const next = (): number => {
    for (;;) {
      const kind = scanner.scan();
      if (kind === LINE_BREAK || kind === TRIVIA) continue;
      if (kind === LINE_COMMENT || kind === BLOCK_COMMENT) fail('InvalidCommentToken');
      else if (kind === UNKNOWN) fail('InvalidSymbol');
      else if (scanner.getTokenError() !== 0) fail(SCAN_ERRORS[scanner.getTokenError()] ?? 'InvalidSymbol');
      return kind;
    }
  };
  const place = (node: TreeNode): void => {
    const top = stack[stack.length - 1];
    if (!top) root = node;
    else if (top.property) {
      node.parent = top.property;
      top.property.children!.push(node);
    } else {
      node.parent = top.node;
      top.node.children!.push(node);
    }
  };
  /** A value is complete: its property (if any) ends with it, and the container waits for a comma or its end. */
  const done = (node: TreeNode): void => {
    const top = stack[stack.length - 1];
    if (top?.property) {
      top.property.length = node.offset + node.length - top.property.offset;
      top.property = undefined;
    }
    expect = top ? 'comma-or-close' : 'value';
  };
  const close = (): void => {
    const { node } = stack.pop()!;
    node.length = scanner.getTokenOffset() + scanner.getTokenLength() - node.offset;
    done(node);
  };

  for (;;) {
    const kind = next();
    if (error) break;
    const offset = scanner.getTokenOffset();
    const top = stack[stack.length - 1];
    if (root && !top) {
      if (kind !== EOF) fail('EndOfFileExpected');
      break;
    }
    if (kind === EOF) {
      fail(!top ? 'ValueExpected' : top.node.type === 'object' ? 'CloseBraceExpected' : 'CloseBracketExpected');
      break;
    }
    if ((expect === 'first-item' && kind === CLOSE_BRACKET) || (expect === 'first-key' && kind === CLOSE_BRACE)) {
      close();
      continue;
    }
    if (expect === 'comma-or-close') {
      const closing = top.node.type === 'object' ? CLOSE_BRACE : CLOSE_BRACKET;
      if (kind === closing) close();
      else if (kind === COMMA) expect = top.node.type === 'object' ? 'key' : 'value';
      else fail('CommaExpected');
    } else if (expect === 'first-key' || expect === 'key') {
      if (kind !== STRING) {
        fail('PropertyNameExpected');
        continue;
      }
      const property: TreeNode = { type: 'property', offset, length: scanner.getTokenLength(), parent: top.node, children: [] };
      property.children!.push({ type: 'string', value: scanner.getTokenValue(), offset, length: scanner.getTokenLength(), parent: property });
      top.node.children!.push(property);
      top.property = property;
      expect = 'colon';
    } else if (expect === 'colon') {
      if (kind !== COLON) fail('ColonExpected');
      else {
        top.property!.colonOffset = offset;
        expect = 'value';
      }
    } else if (kind === OPEN_BRACE || kind === OPEN_BRACKET) {
      const key = top?.property?.children?.[0].value;
      const read = typeof key === 'string' && options.whole?.has(key) ? wholeValue(text, offset, (slice) => parseJsonTree(slice).root) : undefined;
      if (read) {
        place(read.node as TreeNode);
        done(read.node as TreeNode);
        scanner.setPosition(read.end);
      } else {
        const node: TreeNode = { type: kind === OPEN_BRACE ? 'object' : 'array', offset, length: 0, children: [] };
        place(node);
        stack.push({ node });
        expect = kind === OPEN_BRACE ? 'first-key' : 'first-item';
      }
    } else {
      const node = leaf(kind, offset, scanner.getTokenLength(), scanner.getTokenValue());
      if (node === 'invalid-number') fail('InvalidNumberFormat');
      else if (!node) fail(kind === CLOSE_BRACE || kind === CLOSE_BRACKET || kind === COMMA || kind === COLON ? 'ValueExpected' : 'InvalidSymbol');
      else {
        place(node);
        done(node);
      }
    }
    if (error) break;
  }
  // Containers still open at an error end where it was found: what was read before it stays usable.
  const end = error ? error.offset : text.length;
  for (const { node, property } of stack) {
    node.length = end - node.offset;
    if (property) property.length = end - property.offset;
  }
  return { ...(root ? { root } : {}), ...(error ? { error } : {}) };
}

function leaf(kind: number, offset: number, length: number, token: string): TreeNode | 'invalid-number' | undefined {
  switch (kind) {
    case STRING: return { type: 'string', value: token, offset, length };
    case NULL: return { type: 'null', value: null, offset, length };
    case TRUE: return { type: 'boolean', value: true, offset, length };
    case FALSE: return { type: 'boolean', value: false, offset, length };
    case NUMBER: {
      const value = Number(token);
      return /^-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?$/.test(token) ? { type: 'number', value, offset, length } : 'invalid-number';
    }
    default: return undefined;
  }
}
