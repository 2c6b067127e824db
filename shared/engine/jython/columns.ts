// Columns for the Jython engine's traceback frames. Jython records a line per frame and no column, so the column is
// read from the syntax tree of the statement Jython reported: the place on it that can have failed (the call into the
// next frame, the subscript of a KeyError, the division of a ZeroDivisionError...), at the column CPython 3.11 gives
// it, which is what the Pyodide engine shows. When more than one place fits, the frame keeps no column: a column is
// given only where it is right.
import { parsableText, type SyntaxNode } from '../../python/parser';
import type { Parser } from 'web-tree-sitter';

/** What a frame was doing when the exception passed through it. */
export type FrameActivity =
  /** The innermost frame: the exception was raised on its line. */
  | { raised: { type: string; message: string } }
  /** An outer frame: it was calling the function named (the next frame's). */
  | { calling: string };

/** Finds the 0-based column, in `code`, of what a frame on `line` (1-based) was doing; null when it is not certain. */
export type ColumnFinder = (line: number, activity: FrameActivity) => number | null;

/** Answers kept per script: a system.* call in a loop asks where it is from the same line each time. */
const maxKeptAnswers = 512;

/**
 * A finder over one script's code. A question not asked before parses the code again (trees are not kept: they live
 * in tree-sitter's memory, outside JavaScript's collector); its answer is kept.
 */
export function columnFinder(parser: Parser, code: string): ColumnFinder {
  // Offsets are the same in both: a lone CR becomes LF, one character for one.
  const text = parsableText(code);
  const answers = new Map<string, number | null>();
  return (line, activity) => {
    const key = 'calling' in activity ? `${line} calling ${activity.calling}` : `${line} raised ${activity.raised.type}: ${activity.raised.message}`;
    const known = answers.get(key);
    if (known !== undefined) return known;
    const answer = find(parser, text, line, activity);
    if (answers.size < maxKeptAnswers) answers.set(key, answer);
    return answer;
  };
}

function find(parser: Parser, text: string, line: number, activity: FrameActivity): number | null {
  const tree = parser.parse(text);
  if (!tree) return null;
  try {
    const owner = statementOn(tree.rootNode, text, line);
    if (!owner) return null;
    const nodes = expressionsOf(owner);
    // Statements after it on the line (`x = 1; return x + y`) are on the same line for Jython too.
    for (let next = owner.nextNamedSibling; next && next.startPosition.row === line - 1; next = next.nextNamedSibling) {
      nodes.push(next, ...expressionsOf(next));
    }
    const places = distinct(placesFor(owner, nodes, activity));
    if (places.length !== 1) return null;
    const place = places[0];
    // Jython reports a statement written over several lines on its first line; CPython 3.11's column of a place
    // on a later line means nothing there, so the statement itself is pointed at, as the Pyodide engine does.
    return place.startPosition.row === line - 1 ? column(text, place) : column(text, owner);
  } finally {
    tree.delete();
  }
}

/** The statement (or compound statement's header, or clause) that starts on `line`. */
function statementOn(root: SyntaxNode, code: string, line: number): SyntaxNode | undefined {
  const lineStart = nthLineStart(code, line);
  if (lineStart === undefined) return undefined;
  const first = lineStart + /^[ \t]*/.exec(code.slice(lineStart))![0].length;
  let node: SyntaxNode | null = root.descendantForIndex(first);
  let owner: SyntaxNode | undefined;
  while (node && node.type !== 'block' && node.type !== 'module') {
    if (node.startIndex === first && node.isNamed) owner = node;
    node = node.parent;
  }
  return owner;
}

function nthLineStart(code: string, line: number): number | undefined {
  if (line < 1) return undefined;
  let offset = 0;
  for (let i = 1; i < line; i++) {
    const next = code.indexOf('\n', offset);
    if (next < 0) return undefined;
    offset = next + 1;
  }
  return offset;
}

/**
 * Every node the statement evaluates on its line: the bodies and clauses of compound statements run on lines of their
 * own, unless written on the same line (`if x: raise E`).
 */
function expressionsOf(owner: SyntaxNode): SyntaxNode[] {
  const nodes: SyntaxNode[] = [];
  const row = owner.startPosition.row;
  const visit = (node: SyntaxNode): void => {
    for (const child of node.namedChildren) {
      if (!child) continue;
      const ownLines = child.type === 'block' || (child.type.endsWith('_clause') && child.type !== 'for_in_clause' && child.type !== 'if_clause');
      if (ownLines && child.startPosition.row !== row) continue;
      nodes.push(child);
      visit(child);
    }
  };
  visit(owner);
  return nodes;
}

const binaryDunders = /^__(r|i)?(add|sub|mul|div|truediv|floordiv|mod|pow|lshift|rshift|and|or|xor|cmp|eq|ne|lt|le|gt|ge|coerce)__$/;

function placesFor(owner: SyntaxNode, nodes: SyntaxNode[], activity: FrameActivity): SyntaxNode[] {
  const calls = nodes.filter((n) => n.type === 'call');
  const ofType = (...types: string[]): SyntaxNode[] => nodes.filter((n) => types.includes(n.type));
  if ('calling' in activity) {
    const callee = activity.calling;
    if (callee === '__init__' || callee === '__new__' || callee === '__call__') return calls;
    if (/^__(get|set|del)item__$/.test(callee)) return ofType('subscript');
    if (/^__(getattr|getattribute|setattr|delattr)__$/.test(callee)) return ofType('attribute');
    if (binaryDunders.test(callee)) return ofType('binary_operator', 'comparison_operator', 'augmented_assignment');
    if (callee.startsWith('__') || callee.startsWith('<')) return calls;
    const named = calls.filter((c) => lastName(c.childForFieldName('function')) === callee);
    // A function reached under another name (a bound method kept in a variable, a callback given to a builtin that
    // calls it) still enters through a call on the line.
    return named.length > 0 ? named : calls;
  }
  const { type, message } = activity.raised;
  // An interrupt stops the script wherever it is; a heap exhausted anywhere fails the allocation that was unlucky.
  if (type === 'KeyboardInterrupt' || type.endsWith('OutOfMemoryError')) return [];
  // A raise statement that names the exception raised is where it came from, whatever else is on the line.
  const raising = [owner, ...nodes].filter((n) => n.type === 'raise_statement' && raises(n, type));
  if (raising.length > 0) return raising;
  const quoted = /'([^']+)'/.exec(message)?.[1];
  switch (type) {
    case 'NameError':
    case 'UnboundLocalError':
      return firstOf(nodes.filter((n) => n.type === 'identifier' && n.text === quoted && isRead(n)));
    case 'AttributeError': {
      const name = /attribute '([^']+)'/.exec(message)?.[1];
      const attributes = ofType('attribute').filter((a) => name === undefined || a.childForFieldName('attribute')?.text === name);
      return firstOf(attributes).length > 0 ? firstOf(attributes) : calls;
    }
    case 'KeyError':
    case 'IndexError':
      return orCalls(ofType('subscript'), calls);
    case 'ZeroDivisionError':
      return orCalls(nodes.filter((n) => (n.type === 'binary_operator' || n.type === 'augmented_assignment') && /^(\/|\/\/|%)=?$/.test(operatorOf(n))), calls);
    case 'AssertionError': {
      // CPython 3.11 places a failed assert at its test.
      const assertion = [owner, ...nodes].find((n) => n.type === 'assert_statement');
      if (assertion) return assertion.namedChildren.slice(0, 1);
      break;
    }
    case 'TypeError':
      if (/subscript|index/.test(message)) return ofType('subscript');
      if (/operand|concatenate|coerce/.test(message)) return ofType('binary_operator', 'augmented_assignment', 'unary_operator');
      return calls;
    default:
      break;
  }
  // Anything else was raised by a raise statement, or inside a call the frame made to a builtin or to Java.
  return orCalls([owner, ...nodes].filter((n) => n.type === 'raise_statement'), calls);
}

/** Whether a raise statement raises `type`: it names that class (`raise E`, `raise E(...)`), or re-raises. */
function raises(statement: SyntaxNode, type: string): boolean {
  const raised = statement.namedChildren[0];
  if (!raised) return true;
  const name = lastName(raised.type === 'call' ? raised.childForFieldName('function') : raised);
  return name === type.split('.').pop();
}

/** The first of several places that are the same name or attribute: Python evaluates left to right. */
function firstOf(nodes: SyntaxNode[]): SyntaxNode[] {
  return nodes.slice(0, 1);
}

function orCalls(found: SyntaxNode[], calls: SyntaxNode[]): SyntaxNode[] {
  return found.length > 0 ? found : calls;
}

function operatorOf(node: SyntaxNode): string {
  return node.childForFieldName('operator')?.text ?? '';
}

/** The function's own name in `f(...)`, `a.b.f(...)`. */
function lastName(node: SyntaxNode | null): string | undefined {
  if (!node) return undefined;
  if (node.type === 'identifier') return node.text;
  if (node.type === 'attribute') return node.childForFieldName('attribute')?.text;
  return undefined;
}

/** An identifier that is read, not assigned, not an attribute's name nor a keyword argument's. */
function isRead(node: SyntaxNode): boolean {
  const parent = node.parent;
  if (!parent) return true;
  if (parent.type === 'attribute' && parent.childForFieldName('attribute')?.id === node.id) return false;
  if (parent.type === 'keyword_argument' && parent.childForFieldName('name')?.id === node.id) return false;
  if ((parent.type === 'assignment' || parent.type === 'for_statement') && parent.childForFieldName('left')?.id === node.id) return false;
  return true;
}

/** Places that start at the same offset are one place: `d["a"]["b"]` fails at `d` whichever subscript it was. */
function distinct(nodes: SyntaxNode[]): SyntaxNode[] {
  const seen = new Map<number, SyntaxNode>();
  for (const node of nodes) if (!seen.has(node.startIndex)) seen.set(node.startIndex, node);
  return [...seen.values()];
}

/** The node's column in characters: tree-sitter's offsets are the JavaScript string's. */
function column(code: string, node: SyntaxNode): number {
  return node.startIndex - (code.lastIndexOf('\n', node.startIndex - 1) + 1);
}
