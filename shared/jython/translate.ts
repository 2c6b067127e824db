// Translates Jython 2.7 source into Python 3 with edits that keep every line where it was, for Pyodide to run.
import { createPythonParser, parsableText, type SyntaxNode } from '../python/parser';
import type { OriginMap } from '../source/origin';
import { findBackticks, parenthesizeBackticks } from './backticks';
import { applyEdits, type Edit } from './edits';
import { lexJython, visibleText } from './lexer';
import { py3OnlyConstruct } from './py3-only';

type Parser = Awaited<ReturnType<typeof createPythonParser>>;

export interface TranslateOptions {
  /** Name the map reports for the input text (a Script id). */
  file?: string;
}

/** A Python-3-only construct found in the input, at an input offset. */
export interface Py3OnlyUse {
  offset: number;
  message: string;
}

export interface Translation {
  /** Python 3 code with the same number of lines as the input. */
  code: string;
  /** Maps offsets in `code` to offsets in the input text. */
  map: OriginMap;
  /** Constructs Jython would reject; the translation leaves them as Python 3 means them. */
  py3Only: Py3OnlyUse[];
  future: { division: boolean; printFunction: boolean };
}

/** Names of the helpers the Python 2 prelude puts in every script's builtins (single underscore: no name mangling). */
export const helpers = {
  div: '_p2_div',
  print: '_p2_print',
  py2: '_p2',
  printTo: '_p2_print_to',
  raise: '_p2_raise',
  message: '_p2_message',
  order: { '<': '_p2_lt', '<=': '_p2_le', '>': '_p2_gt', '>=': '_p2_ge' },
} as const;

/**
 * Methods whose Python 2 meaning differs: dicts' lists instead of views, iter* and has_key; strings' encode and
 * decode, which give and read Jython's byte strings.
 */
const py2DictMethods = new Set(['has_key', 'iteritems', 'iterkeys', 'itervalues', 'keys', 'values', 'items', 'encode', 'decode']);

let sharedParser: Promise<Parser> | undefined;

/** Translates with the process-wide parser. */
export async function translate(text: string, options: TranslateOptions = {}): Promise<Translation> {
  sharedParser ??= createPythonParser();
  return translateWith(await sharedParser, text, options);
}

export function translateWith(parser: Parser, text: string, options: TranslateOptions = {}): Translation {
  const backticks = findBackticks(text);
  // Backticks become parentheses of the same length for the parser; the edits then turn each `(` into `repr(`.
  // What Jython's tokenizer drops (an unclosed string, a lone `!`) is blanked, so the script runs as on a gateway.
  const lex = lexJython(text);
  const parsable = visibleText(parenthesizeBackticks(parsableText(text), backticks), { ...lex, mixedIndentation: false });
  const tree = parser.parse(parsable);
  if (!tree) throw new Error(`tree-sitter could not parse ${options.file ?? 'the script'}`);
  try {
    const root = tree.rootNode;
    const future = futureImports(root);
    const edits: Edit[] = backticks.map(({ open }) => ({ start: open, end: open + 1, text: 'repr(', rank: 0 }));
    const py3Only: Py3OnlyUse[] = [];
    const visit = (node: SyntaxNode, depth: number): void => {
      const construct = py3OnlyConstruct(node, future.printFunction);
      if (construct) py3Only.push({ offset: construct.node.startIndex, message: `${construct.what}${construct.instead ? `; ${construct.instead}` : ''}: Jython 2.7 rejects the whole script with a SyntaxError` });
      rewrite(node, depth, future, edits);
      for (const child of node.children) visit(child, depth + 1);
    };
    visit(root, 0);
    edits.push(...indentationEdits(text, root));
    const { code, map } = applyEdits(options.file ?? '<script>', parsable, edits);
    py3Only.sort((a, b) => a.offset - b.offset);
    return { code, map, py3Only, future };
  } finally {
    tree.delete();
  }
}

function futureImports(root: SyntaxNode): Translation['future'] {
  const names = new Set<string>();
  for (const statement of root.namedChildren) {
    if (statement.type !== 'future_import_statement') continue;
    for (const name of statement.childrenForFieldName('name')) names.add(name.text);
  }
  return { division: names.has('division'), printFunction: names.has('print_function') };
}

function rewrite(node: SyntaxNode, depth: number, future: Translation['future'], edits: Edit[]): void {
  const insert = (offset: number, text: string, closing = false): void => {
    edits.push({ start: offset, end: offset, text, rank: closing ? -1000 - depth : depth });
  };
  const replace = (token: SyntaxNode, text: string): void => {
    edits.push({ start: token.startIndex, end: token.endIndex, text, rank: depth });
  };
  const token = (type: string): SyntaxNode | undefined => node.children.find((c) => c.type === type);
  switch (node.type) {
    case 'print_statement': {
      const keyword = node.firstChild!;
      const chevron = token('chevron');
      const trailingComma = node.lastChild?.type === ',';
      // `print >>f, x` becomes `_p2_print_to(f, x)`: the stream stays where it was written, so the map stays monotone.
      const stream = chevron?.namedChildren[0];
      if (stream) edits.push({ start: keyword.startIndex, end: stream.startIndex, text: `${helpers.printTo}(`, rank: depth });
      else replace(keyword, `${helpers.print}(`);
      insert(node.endIndex, trailingComma ? " end=' ')" : ')', true);
      return;
    }
    case 'expression_statement': {
      if (future.printFunction) return;
      // A bare `print` prints an empty line in Python 2; in Python 3 it names the function and does nothing.
      if (node.namedChildCount === 1 && node.firstChild?.type === 'identifier' && node.firstChild.text === 'print') {
        insert(node.endIndex, '()', true);
        return;
      }
      // `print (a), b` is a print statement whose first item is parenthesized; the grammar reads a call to `print`
      // followed by more expressions, so the whole list becomes the call's arguments.
      const first = node.firstNamedChild;
      const printed = first?.type === 'call' && first.childForFieldName('function')?.text === 'print' ? first.childForFieldName('function') : null;
      if (printed && node.namedChildCount >= 2) {
        replace(printed, `${helpers.print}(`);
        insert(node.endIndex, node.lastChild?.type === ',' ? " end=' ')" : ')', true);
      }
      return;
    }
    case 'call': {
      // Without print_function, `print(a, b)` is the print statement applied to a tuple.
      const args = node.childForFieldName('arguments');
      if (future.printFunction || node.childForFieldName('function')?.text !== 'print' || args?.type !== 'argument_list') return;
      const named = args.namedChildren.filter((a) => a.type !== 'comment');
      if (named.length < 2 || named.some((a) => a.type === 'keyword_argument' || a.type.endsWith('splat'))) return;
      insert(args.startIndex + 1, '(');
      insert(args.endIndex - 1, ')', true);
      return;
    }
    case 'except_clause': {
      // `except E, e:` binds e in Python 2; Python 3.14 would read it as `except (E, e):`.
      const comma = token(',');
      if (comma) replace(comma, ' as');
      return;
    }
    case 'exec_statement': {
      replace(node.firstChild!, 'exec(');
      const inKeyword = token('in');
      if (inKeyword) replace(inKeyword, ',');
      insert(node.endIndex, ')', true);
      return;
    }
    case 'raise_statement': {
      const list = node.namedChildren[0];
      if (list?.type !== 'expression_list' || list.namedChildCount < 2) return;
      insert(list.startIndex, `${helpers.raise}(`);
      insert(list.endIndex, ')', true);
      return;
    }
    case 'integer': {
      const text = node.text;
      if (/[lL]$/.test(text)) edits.push({ start: node.endIndex - 1, end: node.endIndex, text: '', rank: depth });
      if (/^0[0-7]+[lL]?$/.test(text)) insert(node.startIndex + 1, 'o');
      return;
    }
    case 'string_start': {
      // `ur'...'` is Python 2 only; the raw string it denotes is what Python 3 spells `r'...'`.
      const u = node.text.search(/u(?=[rR])|U(?=[rR])/);
      if (u >= 0) edits.push({ start: node.startIndex + u, end: node.startIndex + u + 1, text: '', rank: depth });
      return;
    }
    case 'comparison_operator': {
      for (const op of node.children) if (op.type === '<>') replace(op, '!=');
      // Python 2 orders values of unrelated types (`None < 0` is True, `value > 0` with a None tag value is False)
      // where Python 3 raises TypeError; a single ordering comparison goes through a helper that falls back to
      // Python 2's order. Chains (`a < b < c`) stay as written.
      const operators = node.children.filter((c) => !c.isNamed);
      const op = operators.length === 1 ? operators[0] : undefined;
      if (!op || !(op.type in helpers.order) || node.namedChildCount !== 2) return;
      insert(node.startIndex, `${helpers.order[op.type as keyof typeof helpers.order]}(`);
      replace(op, ',');
      insert(node.endIndex, ')', true);
      return;
    }
    case 'binary_operator': {
      const op = node.childForFieldName('operator');
      if (future.division || op?.type !== '/') return;
      insert(node.startIndex, `${helpers.div}(`);
      replace(op, ',');
      insert(node.endIndex, ')', true);
      return;
    }
    case 'augmented_assignment': {
      const op = node.childForFieldName('operator');
      const left = node.childForFieldName('left');
      if (future.division || op?.type !== '/=' || !left) return;
      // The target is read again (`x = _p2_div(x, y)`), on one line so that no line moves; Python 2 code rarely puts
      // side effects in a `/=` target.
      replace(op, `= ${helpers.div}(${left.text.replace(/\s*\n\s*/g, ' ')},`);
      insert(node.endIndex, ')', true);
      return;
    }
    case 'attribute': {
      // `e.message` of a caught exception: Python 2's BaseException.message, gone in Python 3.
      const object = node.childForFieldName('object');
      if (node.childForFieldName('attribute')?.text === 'message' && object?.type === 'identifier' && bindsException(node, object.text)) {
        insert(object.startIndex, `${helpers.message}(`);
        edits.push({ start: object.endIndex, end: node.endIndex, text: ')', rank: depth });
        return;
      }
      py2DictCall(node, insert);
      return;
    }
    default:
      return;
  }
}

/** Whether `name` is the exception an enclosing `except` clause binds (`except E, name` or `except E as name`). */
function bindsException(node: SyntaxNode, name: string): boolean {
  for (let at = node.parent; at; at = at.parent) {
    if (at.type === 'function_definition' || at.type === 'class_definition') return false;
    if (at.type !== 'except_clause') continue;
    const values = at.childrenForFieldName('value');
    const bound = values.length === 2 ? values[1] : values[0]?.type === 'as_pattern' ? values[0].childForFieldName('alias')?.firstNamedChild : undefined;
    if (bound?.text === name) return true;
  }
  return false;
}

/** `d.has_key(k)`, `d.keys()[0]`: the receiver goes through `_p2`, which gives plain dicts their Python 2 methods. */
function py2DictCall(node: SyntaxNode, insert: (offset: number, text: string, closing?: boolean) => void): void {
  const name = node.childForFieldName('attribute')?.text;
  const object = node.childForFieldName('object');
  if (!name || !object || !py2DictMethods.has(name) || node.parent?.type !== 'call' || node.parent.childForFieldName('function')?.id !== node.id) return;
  insert(object.startIndex, `${helpers.py2}(`);
  insert(object.endIndex, ')', true);
}

/**
 * Python 2 reads a tab as "advance to the next multiple of 8", so exported bodies that mix tabs and spaces compile
 * on Jython while CPython 3 raises TabError. When a file mixes them, leading tabs become the spaces they stand for.
 */
function indentationEdits(text: string, root: SyntaxNode): Edit[] {
  const lines = [...text.matchAll(/^[ \t]*/gm)].filter((m) => m[0].length > 0);
  const usesTabs = lines.some((m) => m[0].includes('\t'));
  const usesSpaces = lines.some((m) => m[0].includes(' '));
  if (!usesTabs || !usesSpaces) return [];
  const edits: Edit[] = [];
  for (const m of lines) {
    if (!m[0].includes('\t')) continue;
    const start = m.index;
    const inside = root.descendantForIndex(start, start);
    if (inside && (inside.type === 'string_content' || inside.type === 'string')) continue;
    let column = 0;
    for (const c of m[0]) column = c === '\t' ? column + 8 - (column % 8) : column + 1;
    edits.push({ start, end: start + m[0].length, text: ' '.repeat(column), rank: 0 });
  }
  return edits;
}
