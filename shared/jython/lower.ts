// Lowers the Python-3-only forms Jython 2.7 refuses (f-strings, annotations, keyword-only markers, starred targets,
// unpacking in literals...) to Python 2.7 with edits that keep every line where it was, so the real Jython engine
// runs what a lenient script means. Forms Python 2.7 has no syntax for call helpers of the Jython engine's own.
import { createPythonParser, type SyntaxNode } from '../python/parser';
import { LineIndex, OriginMap } from '../source/origin';
import { applyEdits, type Edit } from './edits';
import { py3OnlyConstruct, py3OnlyUse, type Py3OnlyUse } from './py3-only';
import { futureImports, type Translation } from './translate';

type Parser = Awaited<ReturnType<typeof createPythonParser>>;

let sharedParser: Promise<Parser> | undefined;

/** The parser lowering uses, created once; the Jython engine reads traceback columns with it too. */
export function sharedPythonParser(): Promise<Parser> {
  sharedParser ??= createPythonParser();
  return sharedParser;
}

/**
 * Every Python-3-only construct of `text` is reported; those with a Python 2.7 equivalent are rewritten into it.
 * With `rewrite: false` the text is left as written (strict mode: Jython then fails exactly as the gateway would).
 */
export async function lowerToJython(text: string, options: { file?: string; rewrite?: boolean } = {}): Promise<Translation> {
  const parser = await sharedPythonParser();
  const file = options.file ?? '<script>';
  const tree = parser.parse(text);
  if (!tree) throw new Error(`tree-sitter could not parse ${file}`);
  try {
    const root = tree.rootNode;
    const future = futureImports(root);
    const printFunction = future.printFunction;
    const py3Only: Py3OnlyUse[] = [];
    const edits: Edit[] = [];
    const visit = (node: SyntaxNode, depth: number): void => {
      const construct = py3OnlyConstruct(node, printFunction);
      if (construct) {
        const use = py3OnlyUse(construct);
        if (options.rewrite !== false && !lower(node, depth, edits)) {
          const instead = construct.instead ? `; ${construct.instead}` : '';
          use.unlowered = `${construct.what} has no Jython 2.7 equivalent, so even lenient mode cannot run this script: Jython rejects it whole, as the gateway does${instead}`;
        }
        py3Only.push(use);
      }
      for (const child of node.children) visit(child, depth + 1);
    };
    visit(root, 0);
    py3Only.sort((a, b) => a.offset - b.offset);
    if (options.rewrite === false || edits.length === 0) {
      return { code: text, map: OriginMap.slice(file, new LineIndex(text), 0), py3Only, future };
    }
    const { code, map } = applyEdits(file, text, edits);
    return { code, map, py3Only, future };
  } finally {
    tree.delete();
  }
}

/**
 * The edits that turn one Python-3-only node into Python 2.7; false for a construct with no equivalent, left for
 * Jython to refuse.
 */
function lower(node: SyntaxNode, depth: number, edits: Edit[]): boolean {
  const remove = (from: number, to: number): void => {
    edits.push({ start: from, end: to, text: '', rank: depth });
  };
  switch (node.type) {
    case 'string':
      lowerFString(node, depth, edits);
      return true;
    case 'typed_parameter':
    case 'typed_default_parameter': {
      const type = node.childForFieldName('type');
      const colon = node.children.find((c) => c.type === ':');
      if (type && colon) remove(colon.startIndex, type.endIndex);
      return true;
    }
    case 'function_definition': {
      if (node.children.some((c) => c.type === 'async')) return false;
      const returns = node.childForFieldName('return_type');
      const arrow = node.children.find((c) => c.type === '->');
      if (returns && arrow) remove(arrow.startIndex, returns.endIndex);
      return true;
    }
    case 'assignment': {
      const type = node.childForFieldName('type');
      if (!type) return lowerStarred(node.childForFieldName('left'), node.childForFieldName('right'), 'starred', depth, edits);
      const colon = node.children.find((c) => c.type === ':');
      // `x: int` alone declares nothing Python 2 can hold: it becomes `pass`, on the same line.
      if (!node.childForFieldName('right')) edits.push({ start: node.startIndex, end: node.endIndex, text: 'pass', rank: depth });
      else if (colon) remove(colon.startIndex, type.endIndex);
      return true;
    }
    case 'for_statement':
      if (node.children.some((c) => c.type === 'async')) return false;
      return lowerStarred(node.childForFieldName('left'), node.childForFieldName('right'), 'starred_each', depth, edits);
    case 'list_splat':
    case 'dictionary_splat':
      return lowerUnpacking(node, depth, edits);
    case 'class_definition': {
      // Python 2 has no class keywords: the bases go through a helper that builds the class with the metaclass.
      const superclasses = node.childForFieldName('superclasses');
      const keywords = superclasses?.namedChildren.filter((a) => a.type === 'keyword_argument') ?? [];
      if (!superclasses || keywords.length !== 1 || keywords[0].childForFieldName('name')?.text !== 'metaclass') return false;
      edits.push({ start: superclasses.startIndex + 1, end: superclasses.startIndex + 1, text: `${lenient}.bases(`, rank: depth });
      edits.push({ start: superclasses.endIndex - 1, end: superclasses.endIndex - 1, text: ')', rank: -1000 - depth });
      return true;
    }
    case 'binary_operator': {
      const operator = node.childForFieldName('operator');
      if (operator?.type !== '@') return false;
      edits.push({ start: node.startIndex, end: node.startIndex, text: `${lenient}.matmul(`, rank: depth });
      edits.push({ start: operator.startIndex, end: operator.endIndex, text: ',', rank: depth });
      edits.push({ start: node.endIndex, end: node.endIndex, text: ')', rank: -1000 - depth });
      return true;
    }
    case 'keyword_separator':
    case 'positional_separator': {
      // The marker goes with the comma after it, or before it when it ends the list.
      const next = node.nextSibling;
      const previous = node.previousSibling;
      if (next?.type === ',') remove(node.startIndex, next.endIndex);
      else if (previous?.type === ',') remove(previous.startIndex, node.endIndex);
      else remove(node.startIndex, node.endIndex);
      return true;
    }
    case 'raise_statement': {
      const raised = node.namedChildren[0];
      const cause = node.childForFieldName('cause');
      if (raised && cause && raised.id !== cause.id) remove(raised.endIndex, cause.endIndex);
      return true;
    }
    case 'yield': {
      // A `yield from g` statement becomes `for _periscope_item in g: yield _periscope_item` on its line.
      const from = node.children.find((c) => c.type === 'from');
      const value = node.namedChildren.at(-1);
      // As an expression (`x = yield from g`) it has a value Python 2 generators cannot return.
      if (!from || !value || node.parent?.type !== 'expression_statement' || node.parent.namedChildCount !== 1) return false;
      edits.push({ start: node.startIndex, end: from.endIndex, text: 'for _periscope_item in', rank: depth });
      edits.push({ start: node.endIndex, end: node.endIndex, text: ': yield _periscope_item', rank: -1000 - depth });
      return true;
    }
    case 'integer':
      edits.push({ start: node.startIndex, end: node.endIndex, text: node.text.replace(/_/g, ''), rank: depth });
      return true;
    case 'call': {
      // print(..., end='') without the future import: Python 2.7's print function, reached through its builtins.
      const name = node.childForFieldName('function');
      if (name) edits.push({ start: name.startIndex, end: name.endIndex, text: "__import__('__builtin__').__dict__['print']", rank: depth });
      return true;
    }
    default:
      return false;
  }
}

/** The module of helpers lowered code calls for forms Python 2.7 has no syntax for (`engine/jython/lenient.py.ts`). */
const lenient = "__import__('_periscope_lenient')";

/** `a, *b, c = value` becomes `a, b, c = starred((value), 1, 1)`; `for a, *b in rows` loops over `starred_each`. */
function lowerStarred(target: SyntaxNode | null, value: SyntaxNode | null, helper: string, depth: number, edits: Edit[]): boolean {
  if (!target || !value) return false;
  const items = target.namedChildren.filter((c) => c.type !== 'comment');
  const stars = items.filter((c) => c.type === 'list_splat_pattern');
  const star = stars[0]?.firstChild;
  // Two starred targets are an error in Python 3 too; Jython's SyntaxError says so well enough.
  if (stars.length !== 1 || star?.type !== '*') return false;
  const before = items.indexOf(stars[0]);
  edits.push({ start: star.startIndex, end: star.endIndex, text: '', rank: depth });
  edits.push({ start: value.startIndex, end: value.startIndex, text: `${lenient}.${helper}((`, rank: depth });
  edits.push({ start: value.endIndex, end: value.endIndex, text: `), ${before}, ${items.length - before - 1})`, rank: -1000 - depth });
  return true;
}

const literalHelpers: Record<string, string> = { list: 'list_of', set: 'set_of', tuple: 'tuple_of', dictionary: 'dict_of' };

/**
 * `[a, *b]` becomes `list_of((a,), b)`, `{**d, "k": v}` becomes `dict_of(d, {"k": v})`: each element an iterable
 * (or mapping) joined in order. The literal is rewritten once, at its first unpacking.
 */
function lowerUnpacking(node: SyntaxNode, depth: number, edits: Edit[]): boolean {
  const literal = node.parent;
  const helper = literal ? literalHelpers[literal.type] : undefined;
  if (!literal || !helper) return false;
  const elements = literal.namedChildren.filter((c) => c.type !== 'comment');
  if (elements.find((c) => c.type === 'list_splat' || c.type === 'dictionary_splat')?.id !== node.id) return true;
  const open = literal.firstChild!;
  const close = literal.lastChild!;
  edits.push({ start: open.startIndex, end: open.endIndex, text: `${lenient}.${helper}(`, rank: depth });
  edits.push({ start: close.startIndex, end: close.endIndex, text: ')', rank: depth });
  for (const element of elements) {
    if (element.type === 'list_splat' || element.type === 'dictionary_splat') {
      const marker = element.firstChild!;
      edits.push({ start: marker.startIndex, end: marker.endIndex, text: '', rank: depth + 1 });
      continue;
    }
    const [before, after] = literal.type === 'dictionary' ? ['{', '}'] : ['(', ',)'];
    edits.push({ start: element.startIndex, end: element.startIndex, text: before, rank: depth + 1 });
    edits.push({ start: element.endIndex, end: element.endIndex, text: after, rank: -1000 - depth - 1 });
  }
  return true;
}

/**
 * `f"a {b!r:>{w}} c"` becomes `''.join(("a ", format(repr(b), ">" + format(w, "") + ""), " c"))`: each expression
 * stays where it was written, between literal pieces in the string's own quotes.
 */
function lowerFString(node: SyntaxNode, depth: number, edits: Edit[]): void {
  const start = node.firstChild;
  const end = node.lastChild;
  if (start?.type !== 'string_start' || end?.type !== 'string_end') return;
  const prefix = start.text.match(/^[a-zA-Z]*/)![0];
  const quote = start.text.slice(prefix.length);
  const raw = /r/i.test(prefix) ? 'r' : '';
  const open = `${raw}${quote}`;
  const edit = (from: number, to: number, text: string, rank = depth): void => {
    edits.push({ start: from, end: to, text, rank });
  };
  const parent = node.parent;
  const concatenated = parent?.type === 'concatenated_string';
  // Beside other literals (`"a" f"{b}"`), the join is added to them in parentheses: Python 2 cannot juxtapose a call.
  const before = concatenated && node.previousSibling ? '+ ' : '';
  const after = concatenated && node.nextSibling ? ' +' : '';
  if (concatenated && parent.children.find(isFString)?.id === node.id) {
    edit(parent.startIndex, parent.startIndex, '(', -depth - 1);
    edit(parent.endIndex, parent.endIndex, ')', -1000 - depth);
  }
  edit(start.startIndex, start.endIndex, `${before}''.join((${open}`);
  edit(end.startIndex, end.endIndex, `${quote}))${after}`);
  for (const part of node.children) {
    if (part.type === 'string_content') {
      for (const escape of part.children) if (escape.type === 'escape_interpolation') edit(escape.startIndex, escape.endIndex, escape.text[0]);
    } else if (part.type === 'interpolation') {
      lowerField(part, open, quote, depth, edits);
    }
  }
}

function isFString(node: SyntaxNode): boolean {
  return node.type === 'string' && node.firstChild?.type === 'string_start' && /f/i.test(node.firstChild.text);
}

/** One `{expression!conversion:spec}` field, between the literal pieces around it. */
function lowerField(field: SyntaxNode, open: string, quote: string, depth: number, edits: Edit[]): void {
  const expression = field.namedChildren.find((c) => c.type !== 'type_conversion' && c.type !== 'format_specifier');
  const conversion = field.children.find((c) => c.type === 'type_conversion');
  const spec = field.children.find((c) => c.type === 'format_specifier');
  const equals = field.children.find((c) => c.type === '=');
  const closing = field.lastChild;
  if (!expression || closing?.type !== '}') return;
  const convert = conversion ? ({ '!r': 'repr(', '!s': 'str(', '!a': 'repr(' } as Record<string, string>)[conversion.text] ?? '' : equals && !spec ? 'repr(' : '';
  // `{x=}` shows the expression's own text before its value.
  const label = equals ? `${open}${field.text.slice(1, equals.endIndex - field.startIndex).replace(/\\/g, '\\\\').replace(new RegExp(quote[0], 'g'), `\\${quote[0]}`)}${quote}, ` : '';
  edits.push({ start: field.startIndex, end: expression.startIndex, text: `${quote}, ${label}format(${convert}`, rank: depth });
  const afterExpression = conversion ?? equals ?? spec ?? closing;
  const close = convert ? ')' : '';
  if (!spec) {
    edits.push({ start: expression.endIndex, end: closing.endIndex, text: `${close}, ${open}${quote}), ${open}`, rank: depth });
    return;
  }
  edits.push({ start: expression.endIndex, end: afterExpression === spec ? spec.startIndex : afterExpression.endIndex, text: close, rank: depth });
  // The spec's own text is a literal; `{w}` inside it is a nested field joined in.
  const colon = spec.firstChild!;
  edits.push({ start: colon.startIndex, end: colon.endIndex, text: `, ${open}`, rank: depth });
  for (const nested of spec.children) {
    if (nested.type !== 'format_expression') continue;
    const inner = nested.namedChildren[0];
    if (!inner) continue;
    edits.push({ start: nested.startIndex, end: inner.startIndex, text: `${quote} + format(`, rank: depth + 1 });
    edits.push({ start: inner.endIndex, end: nested.endIndex, text: `, ${open}${quote}) + ${open}`, rank: depth + 1 });
  }
  edits.push({ start: closing.startIndex, end: closing.endIndex, text: `${quote}), ${open}`, rank: depth });
}
