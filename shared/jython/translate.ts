// Translates Jython 2.7 source into Python 3 with edits that keep every line where it was, for Pyodide to run.
import { createPythonParser, parsableText, type SyntaxNode } from '../python/parser';
import type { OriginMap } from '../source/origin';
import { findBackticks, parenthesizeBackticks } from './backticks';
import { applyEdits, type Edit } from './edits';
import { lexJython, visibleText } from './lexer';
import {
  chainedComparison, containerDisplay, EditSink, exceptClause, helpers, integerLiteral, listComprehension,
  prefixBlock, stringLiteral,
} from './py2-rewrites';
import { py3OnlyConstruct, py3OnlyUse, type Py3OnlyUse } from './py3-only';

export { helpers } from './py2-rewrites';

type Parser = Awaited<ReturnType<typeof createPythonParser>>;

export interface TranslateOptions {
  /** Name the map reports for the input text (a Script id). */
  file?: string;
}


export type { Py3OnlyUse };

export interface Translation {
  /** Python 3 code with the same number of lines as the input. */
  code: string;
  /** Maps offsets in `code` to offsets in the input text. */
  map: OriginMap;
  /** Constructs Jython would reject; the translation leaves them as Python 3 means them. */
  py3Only: Py3OnlyUse[];
  future: { division: boolean; printFunction: boolean; unicodeLiterals: boolean };
}

/**
 * Methods whose Python 2 meaning differs: dicts' lists instead of views, iter* and has_key; byte strings' encode,
 * decode, join, format, translate and character tests; list.sort with a cmp function. The receiver goes through
 * `_p2`, which leaves Jython's own types (and anything else) alone.
 */
const py2Methods = new Set([
  'has_key', 'iteritems', 'iterkeys', 'itervalues', 'keys', 'values', 'items', 'encode', 'decode', 'join', 'format',
  'translate', 'sort', 'isalpha', 'isalnum', 'isdigit', 'islower', 'isupper', 'isspace', 'next', 'as_integer_ratio',
]);

let sharedParser: Promise<Parser> | undefined;
let readyParser: Parser | undefined;

/** Translates with the process-wide parser. */
export async function translate(text: string, options: TranslateOptions = {}): Promise<Translation> {
  sharedParser ??= createPythonParser().then((parser) => (readyParser = parser));
  return translateWith(await sharedParser, text, options);
}

/**
 * Translates at once, for code a running script builds and hands to exec or eval: the script's own translation
 * made the parser ready.
 */
export function translateNow(text: string): Translation {
  if (!readyParser) throw new Error('the Jython translator has not started; translate() a script first');
  return translateWith(readyParser, text);
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
    const context: Context = { parser, parsable, future, sink: new EditSink(edits), py3Only: [] };
    visit(root, 0, context);
    edits.push(...indentationEdits(text, root));
    const { code, map } = applyEdits(options.file ?? '<script>', parsable, edits);
    context.py3Only.sort((a, b) => a.offset - b.offset);
    return { code, map, py3Only: context.py3Only, future };
  } finally {
    tree.delete();
  }
}

interface Context {
  parser: Parser;
  parsable: string;
  future: Translation['future'];
  sink: EditSink;
  py3Only: Py3OnlyUse[];
}

function visit(node: SyntaxNode, depth: number, context: Context): void {
  const construct = py3OnlyConstruct(node, context.future.printFunction);
  if (construct) context.py3Only.push(py3OnlyUse(construct, context.sink.offset));
  if (printStatement(node, depth, context)) return;
  rewrite(node, depth, context.future, context.sink);
  for (const child of node.children) visit(child, depth + 1, context);
}

/** The `from __future__ import` names a script starts with that change how it reads. */
export function futureImports(root: SyntaxNode): Translation['future'] {
  const names = new Set<string>();
  for (const statement of root.namedChildren) {
    if (statement.type !== 'future_import_statement') continue;
    for (const name of statement.childrenForFieldName('name')) names.add(name.text);
  }
  return { division: names.has('division'), printFunction: names.has('print_function'), unicodeLiterals: names.has('unicode_literals') };
}

/** The leftmost token of a node. */
function firstLeaf(node: SyntaxNode): SyntaxNode {
  let at = node;
  while (at.childCount > 0) at = at.firstChild!;
  return at;
}

/**
 * The print statement, item by item as Python 2 runs it: each item is evaluated, converted and written before the
 * next one is evaluated (`print a, f()` shows a even if f fails), with Python 2's softspace between items. Without
 * print_function, a statement that starts with `print` is always the print statement, also where the grammar reads
 * an expression (`print [x]` as a subscript, `print (a).b` as a call, `print -1` as a subtraction): its items are
 * parsed again on their own.
 */
function printStatement(node: SyntaxNode, depth: number, context: Context): boolean {
  const { sink, future } = context;
  if (future.printFunction) return false;
  if (node.type === 'print_statement') {
    const keyword = node.firstChild!;
    const stream = node.children.find((c) => c.type === 'chevron')?.namedChildren[0];
    const parts = node.children.slice(1).filter((c) => c.type !== 'chevron' && c.type !== 'comment');
    emitPrint(keyword, stream, parts, node.endIndex, depth, context);
    for (const part of [...(stream ? [stream] : []), ...parts]) visit(part, depth + 1, context);
    return true;
  }
  if (node.type !== 'expression_statement') return false;
  const keyword = firstLeaf(node);
  if (keyword.type !== 'identifier' || keyword.text !== 'print' || keyword.startIndex !== node.startIndex) return false;
  if (keyword.endIndex === node.endIndex) {
    // A bare `print` writes a newline.
    sink.replace(keyword.startIndex, keyword.endIndex, `${helpers.printEnd}(None)`, depth);
    return true;
  }
  const rest = context.parsable.slice(sink.offset + keyword.endIndex, sink.offset + node.endIndex);
  const tree = context.parser.parse(`[${rest}\n]`);
  const list = tree?.rootNode.firstNamedChild?.firstNamedChild;
  try {
    if (!tree || !list || list.type !== 'list' || tree.rootNode.hasError) return false;
    const shift = keyword.endIndex - 1;
    const parts = list.children.slice(1, -1).filter((c) => c.type !== 'comment');
    const spans = parts.map((p) => ({ type: p.type, startIndex: p.startIndex + shift, endIndex: p.endIndex + shift }));
    emitPrint(keyword, undefined, spans, node.endIndex, depth, context);
    sink.offset += shift;
    try {
      for (const part of parts) visit(part, depth + 1, context);
    } finally {
      sink.offset -= shift;
    }
    return true;
  } finally {
    tree?.delete();
  }
}

interface Span {
  type: string;
  startIndex: number;
  endIndex: number;
}

/** `print >>s, a, b,` becomes `_p2_print_item(s, a); _p2_print_item(s, b)`, plus `_p2_print_end(s)` without the comma. */
function emitPrint(keyword: Span, stream: SyntaxNode | undefined, parts: Span[], end: number, depth: number, context: Context): void {
  const { sink } = context;
  const target = stream ? context.parsable.slice(sink.offset + stream.startIndex, sink.offset + stream.endIndex) : 'None';
  const items = parts.filter((p) => p.type !== ',');
  const commas = parts.filter((p) => p.type === ',');
  // After `>>stream` the first comma only ends the stream.
  const streamComma = stream && commas[0] && commas[0].startIndex < (items[0]?.startIndex ?? Infinity) ? commas[0] : undefined;
  const separators = streamComma ? commas.slice(1) : commas;
  const trailing = separators.length > 0 && separators.length === items.length;
  const item = `${helpers.printItem}(${target}, `;
  if (items.length === 0) {
    sink.replace(keyword.startIndex, (streamComma ?? stream ?? keyword).endIndex, `${helpers.printEnd}(${target}`, depth);
    sink.insert(end, ')', depth, true);
    return;
  }
  sink.replace(keyword.startIndex, (streamComma ?? stream ?? keyword).endIndex, item, depth);
  separators.forEach((comma, i) => {
    const last = i === separators.length - 1 && trailing;
    sink.replace(comma.startIndex, comma.endIndex, last ? ')' : `); ${item}`, depth);
  });
  if (!trailing) sink.insert(end, `); ${helpers.printEnd}(${target})`, depth, true);
}

function rewrite(node: SyntaxNode, depth: number, future: Translation['future'], sink: EditSink): void {
  const insert = (offset: number, text: string, closing = false): void => sink.insert(offset, text, depth, closing);
  const replace = (token: SyntaxNode, text: string): void => sink.replace(token.startIndex, token.endIndex, text, depth);
  const token = (type: string): SyntaxNode | undefined => node.children.find((c) => c.type === type);
  switch (node.type) {
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
    case 'except_clause':
      exceptClause(node, sink, depth);
      return;
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
    case 'integer':
      integerLiteral(node, sink, depth);
      return;
    case 'string':
    case 'concatenated_string':
      stringLiteral(node, future.unicodeLiterals, sink, depth);
      return;
    case 'dictionary':
    case 'dictionary_comprehension':
    case 'set':
    case 'set_comprehension':
      containerDisplay(node, sink, depth);
      return;
    case 'list_comprehension':
      listComprehension(node, sink, depth);
      return;
    case 'function_definition':
    case 'lambda':
      parameters(node, sink, depth);
      return;
    case 'string_start': {
      // `ur'...'` is Python 2 only; the raw string it denotes is what Python 3 spells `r'...'`.
      const u = node.text.search(/u(?=[rR])|U(?=[rR])/);
      if (u >= 0) sink.replace(node.startIndex + u, node.startIndex + u + 1, '', depth);
      return;
    }
    case 'comparison_operator': {
      // Python 2 orders values of unrelated types (`None < 0` is True, `value > 0` with a None tag value is False)
      // where Python 3 raises TypeError; ordering comparisons go through helpers that fall back to Python 2's order.
      const operators = node.children.filter((c) => !c.isNamed);
      if (operators.length > 1 && chainedComparison(node, sink, depth)) return;
      for (const op of operators) if (op.type === '<>') replace(op, '!=');
      const op = operators.length === 1 ? operators[0] : undefined;
      if (!op || !(op.type in helpers.order) || node.namedChildCount !== 2) return;
      insert(node.startIndex, `${helpers.order[op.type]}(`);
      replace(op, ',');
      insert(node.endIndex, ')', true);
      return;
    }
    case 'binary_operator': {
      // `a / b` floors two ints; `a % b` formats strings with Python 2's str and repr; `**` and `<<` make longs.
      const op = node.childForFieldName('operator');
      const helper = { '%': helpers.mod, '**': helpers.pow, '<<': helpers.lshift, '/': future.division ? undefined : helpers.div }[op?.type ?? ''];
      if (!op || !helper) return;
      insert(node.startIndex, `${helper}(`);
      replace(op, ',');
      insert(node.endIndex, ')', true);
      return;
    }
    case 'augmented_assignment': {
      const op = node.childForFieldName('operator');
      const left = node.childForFieldName('left');
      const helper = op?.type === '%=' ? helpers.mod : op?.type === '/=' && !future.division ? helpers.div : undefined;
      if (!op || !helper || !left) return;
      // The target is read again (`x = _p2_div(x, y)`), on one line so that no line moves; Python 2 code rarely puts
      // side effects in a `/=` target.
      replace(op, `= ${helper}(${left.text.replace(/\s*\n\s*/g, ' ')},`);
      insert(node.endIndex, ')', true);
      return;
    }
    case 'attribute': {
      // `e.message`: Python 2's BaseException.message, gone in Python 3; anything else keeps its own attribute.
      const object = node.childForFieldName('object');
      if (node.childForFieldName('attribute')?.text === 'message' && object && !isAssigned(node)) {
        insert(object.startIndex, `${helpers.message}(`);
        sink.replace(object.endIndex, node.endIndex, ')', depth);
        return;
      }
      py2MethodCall(node, insert);
      return;
    }
    default:
      return;
  }
}

/** Whether an attribute is written (assigned, augmented or deleted) rather than read. */
function isAssigned(node: SyntaxNode): boolean {
  let at = node;
  while (at.parent && (at.parent.type === 'pattern_list' || at.parent.type === 'tuple_pattern' || at.parent.type === 'expression_list')) at = at.parent;
  const parent = at.parent;
  if (!parent) return false;
  if ((parent.type === 'assignment' || parent.type === 'augmented_assignment') && parent.childForFieldName('left')?.id === at.id) return true;
  return parent.type === 'delete_statement';
}

/**
 * Parameters of Python 2: a **kwargs dict is a Jython dict (its order is Jython's); a tuple parameter
 * (`def f((a, b))`, `lambda (a, b): ...`) unpacks its argument.
 */
function parameters(node: SyntaxNode, sink: EditSink, depth: number): void {
  const params = node.childForFieldName('parameters');
  const body = node.childForFieldName('body');
  if (!params || !body) return;
  for (const param of params.namedChildren) {
    if (param.type === 'dictionary_splat_pattern' && node.type === 'function_definition') {
      const name = param.namedChildren[0]?.text;
      if (name) prefixBlock(body, name, `${helpers.dict}(${name})`, sink, depth, true);
    }
    if (param.type !== 'tuple_pattern' || param.namedChildren.some((n) => n.type !== 'identifier')) continue;
    const temp = sink.temp('_p2a');
    if (node.type === 'lambda') {
      sink.replace(param.startIndex, param.endIndex, `${temp}: (lambda ${param.namedChildren.map((n) => n.text).join(', ')}`, depth);
      sink.insert(node.endIndex, `)(*${temp})`, depth, true);
    } else {
      sink.replace(param.startIndex, param.endIndex, temp, depth);
      prefixBlock(body, `(${param.namedChildren.map((n) => n.text).join(', ')})`, temp, sink, depth, true);
    }
  }
}

/** `d.has_key(k)`, `s.encode('hex')`: the receiver goes through `_p2`, which gives it its Python 2 methods. */
function py2MethodCall(node: SyntaxNode, insert: (offset: number, text: string, closing?: boolean) => void): void {
  const name = node.childForFieldName('attribute')?.text;
  const object = node.childForFieldName('object');
  if (!name || !object || !py2Methods.has(name) || node.parent?.type !== 'call' || node.parent.childForFieldName('function')?.id !== node.id) return;
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
