// The translator's rewrites for Python 2 meanings that Python 3 spells differently: literals of Jython's types,
// handlers that keep their exception bound, comprehension variables that leak, chained comparisons across types.
// Each adds position-preserving edits; none moves a line.
import type { SyntaxNode } from '../python/parser';
import type { Edit } from './edits';

/** Names of the helpers the Python 2 prelude puts in every script's builtins (single underscore: no name mangling). */
export const helpers = {
  div: '_p2_div',
  printItem: '_p2_print_item',
  printEnd: '_p2_print_end',
  py2: '_p2',
  raise: '_p2_raise',
  message: '_p2_message',
  order: { '<': '_p2_lt', '<=': '_p2_le', '>': '_p2_gt', '>=': '_p2_ge' } as Record<string, string>,
  unicode: '_p2_u',
  utf8: '_p2_b',
  long: '_p2_L',
  dict: '_p2_d',
  set: '_p2_s',
  mod: '_p2_mod',
  pow: '_p2_pow',
  lshift: '_p2_lshift',
  handled: '_p2_handled',
  unpack: '_p2_unpack',
  classLeak: '_p2_class_leak',
  classLeaked: '_p2_class_leaked',
} as const;

/** Adds edits at a depth: openings of outer nodes before inner ones, closings the reverse (see edits.ts). */
export class EditSink {
  private temps = 0;
  /** Added to every position: nodes of a text parsed again on its own (a print statement's items) sit elsewhere. */
  offset = 0;

  constructor(readonly edits: Edit[]) {}

  insert(offset: number, text: string, depth: number, closing = false): void {
    const at = offset + this.offset;
    this.edits.push({ start: at, end: at, text, rank: closing ? -1000 - depth : depth });
  }

  replace(start: number, end: number, text: string, depth: number): void {
    this.edits.push({ start: start + this.offset, end: end + this.offset, text, rank: depth });
  }

  wrap(node: SyntaxNode, before: string, after: string, depth: number): void {
    this.insert(node.startIndex, before, depth);
    this.insert(node.endIndex, after, depth, true);
  }

  /** A fresh temporary name for this script. */
  temp(prefix: string): string {
    return `${prefix}${++this.temps}`;
  }
}

const INT_MAX = 2n ** 31n - 1n;

/** Integer literals: L-suffixed and those beyond 32 bits are longs on Jython; a leading 0 means octal. */
export function integerLiteral(node: SyntaxNode, out: EditSink, depth: number): void {
  const text = node.text;
  const suffixed = /[lL]$/.test(text);
  if (suffixed) out.replace(node.endIndex - 1, node.endIndex, '', depth);
  if (/^0[0-7]+[lL]?$/.test(text)) out.insert(node.startIndex + 1, 'o', depth);
  let value: bigint | undefined;
  try {
    const digits = text.replace(/[lL]$/, '');
    value = BigInt(/^0[0-7]+$/.test(digits) ? `0o${digits.slice(1)}` : digits);
  } catch {
    value = undefined;
  }
  if (suffixed || (value !== undefined && value > INT_MAX)) out.wrap(node, `${helpers.long}(`, ')', depth);
}

function stringPrefix(node: SyntaxNode): string {
  const start = node.type === 'string' ? node.firstChild : null;
  return start?.type === 'string_start' ? start.text.replace(/['"]+$/, '').toLowerCase() : '';
}

/** Whether a string node is the whole of an expression statement (a docstring or a comment in quotes). */
function standsAlone(node: SyntaxNode): boolean {
  return node.parent?.type === 'expression_statement' && node.parent.namedChildCount === 1;
}

/**
 * String literals as Jython types them: u'' is unicode, so is every plain literal under unicode_literals; b''
 * is a byte string; a byte string written with non-ASCII characters holds their UTF-8 bytes.
 */
export function stringLiteral(node: SyntaxNode, unicodeLiterals: boolean, out: EditSink, depth: number): void {
  const strings = node.type === 'concatenated_string' ? node.namedChildren.filter((c) => c.type === 'string') : [node];
  if (node.type === 'string' && node.parent?.type === 'concatenated_string') return;
  const prefixes = strings.map(stringPrefix);
  if (prefixes.some((p) => p.includes('f'))) return;
  for (const s of strings) {
    const start = s.firstChild;
    const b = start?.type === 'string_start' ? start.text.search(/[bB]/) : -1;
    if (start && b >= 0) out.replace(start.startIndex + b, start.startIndex + b + 1, '', depth);
  }
  if (standsAlone(node)) return;
  const isUnicode = prefixes.some((p) => p.includes('u')) || (unicodeLiterals && prefixes.every((p) => !p.includes('b')));
  if (isUnicode) out.wrap(node, `${helpers.unicode}(`, ')', depth);
  else if (/[^\x00-\x7f]/.test(node.text)) out.wrap(node, `${helpers.utf8}(`, ')', depth);
}

/** Dict and set displays and comprehensions make Jython's dicts and sets, in the order written. */
export function containerDisplay(node: SyntaxNode, out: EditSink, depth: number): void {
  switch (node.type) {
    case 'dictionary':
    case 'dictionary_comprehension':
      out.wrap(node, `${helpers.dict}(`, ')', depth);
      return;
    case 'set':
      // A list keeps the order of the items; a Python 3 set literal would not.
      out.replace(node.startIndex, node.startIndex + 1, `${helpers.set}([`, depth);
      out.replace(node.endIndex - 1, node.endIndex, '])', depth);
      return;
    case 'set_comprehension':
      out.replace(node.startIndex, node.startIndex + 1, `${helpers.set}((`, depth);
      out.replace(node.endIndex - 1, node.endIndex, '))', depth);
      return;
  }
}

const SIMPLE_STATEMENTS = new Set([
  'expression_statement', 'return_statement', 'pass_statement', 'break_statement', 'continue_statement',
  'raise_statement', 'delete_statement', 'global_statement', 'nonlocal_statement', 'assert_statement',
  'print_statement', 'exec_statement', 'import_statement', 'import_from_statement', 'future_import_statement',
]);

/**
 * Runs `name = value` (or just `value` when name is empty) before the first statement of a block, on the same line:
 * prefixed to a simple statement, or folded into the header of an if, while, for or with. False when the block
 * starts with something that has no place for it (try, def, class).
 */
export function prefixBlock(block: SyntaxNode, name: string, value: string, out: EditSink, depth: number, afterDocstring = false): boolean {
  const statements = block.namedChildren.filter((c) => c.type !== 'comment');
  let first = statements[0];
  if (!first) return false;
  const isDocstring = first.type === 'expression_statement' && first.namedChildCount === 1 && first.firstNamedChild?.type === 'string';
  if (afterDocstring && isDocstring) {
    out.insert(first.endIndex, `; ${name ? `${name} = ` : ''}${value}`, depth, true);
    return true;
  }
  if (SIMPLE_STATEMENTS.has(first.type)) {
    out.insert(first.startIndex, `${name ? `${name} = ` : ''}${value}; `, depth);
    return true;
  }
  // := binds a plain name only.
  if (name && !/^\w+$/.test(name)) return false;
  const expression = name ? `${name} := ${value}` : value;
  const header =
    first.type === 'if_statement' || first.type === 'while_statement'
      ? first.childForFieldName('condition')
      : first.type === 'for_statement'
        ? first.childForFieldName('right')
        : first.type === 'with_statement'
          ? first.namedChildren.find((c) => c.type === 'with_clause')?.namedChildren[0]?.childForFieldName('value')
          : null;
  if (!header) return false;
  first = header;
  out.insert(first.startIndex, `(${expression}, `, depth);
  out.insert(first.endIndex, ')[1]', depth, true);
  return true;
}

/**
 * An except clause keeps Python 2's meaning: the exception it binds stays bound after the handler (Python 3
 * deletes it), sys.exc_info() still sees it, and its message is Python 2's. Every clause catches into `_p2e` and
 * hands it to the prelude first thing.
 */
export function exceptClause(node: SyntaxNode, out: EditSink, depth: number): void {
  const block = node.namedChildren.find((c) => c.type === 'block');
  const colon = node.children.find((c) => c.type === ':');
  if (!block || !colon) return;
  const comma = node.children.find((c) => c.type === ',');
  let name = '';
  if (comma) {
    const target = comma.nextNamedSibling;
    if (target?.type !== 'identifier') return;
    name = target.text;
    out.replace(comma.startIndex, target.endIndex, ' as _p2e', depth);
  } else {
    const alias = node.namedChildren.find((c) => c.type === 'as_pattern');
    const target = alias?.childForFieldName('alias') ?? alias?.namedChildren.find((c) => c.type === 'as_pattern_target');
    if (alias && target) {
      if (target.firstNamedChild?.type !== 'identifier' && target.type !== 'identifier') return;
      name = target.text;
      out.replace(target.startIndex, target.endIndex, '_p2e', depth);
    } else if (node.namedChildren[0] && node.namedChildren[0].type !== 'block') {
      out.insert(node.namedChildren[0].endIndex, ' as _p2e', depth);
    } else {
      out.insert(colon.startIndex, ' BaseException as _p2e', depth);
    }
  }
  prefixBlock(block, name, `${helpers.handled}(_p2e)`, out, depth);
}

/** The scope a node's code runs in: a function's, a class body's, or the module's. */
function enclosingScope(node: SyntaxNode): 'function' | 'class' | 'module' {
  for (let at = node.parent; at; at = at.parent) {
    if (at.type === 'function_definition' || at.type === 'lambda') return 'function';
    if (at.type === 'class_definition') return 'class';
  }
  return 'module';
}

/** Whether the node lies in the iterable of a comprehension's for clause (where := is not allowed). */
function inComprehensionIterable(node: SyntaxNode): boolean {
  let child = node;
  for (let at = node.parent; at; child = at, at = at.parent) {
    if (at.type === 'for_in_clause' && at.childForFieldName('right')?.id === child.id) return true;
    if (at.type === 'function_definition' || at.type === 'lambda' || at.type === 'class_definition') return false;
  }
  return false;
}

/** Whether an assignment expression may appear at this node: not in a class body's comprehension, nor an iterable. */
export function walrusAllowed(node: SyntaxNode): boolean {
  if (inComprehensionIterable(node)) return false;
  let inComprehension = false;
  for (let at = node.parent; at; at = at.parent) {
    if (/comprehension|generator_expression/.test(at.type)) inComprehension = true;
    if (at.type === 'function_definition' || at.type === 'lambda') return true;
    if (at.type === 'class_definition') return !inComprehension;
  }
  return true;
}

/**
 * A list comprehension's loop variables leak into the enclosing scope in Python 2. Each simple target is renamed
 * and bound again with := after its for clause, which binds in the enclosing scope. In a class body, where := is not
 * allowed, a helper writes the variables into the class namespace instead.
 */
export function listComprehension(node: SyntaxNode, out: EditSink, depth: number): void {
  const inClass = enclosingScope(node) === 'class';
  if (!inClass && !walrusAllowed(node)) return;
  const taken = enclosingIterationNames(node);
  let leaks = false;
  for (const clause of node.namedChildren.filter((c) => c.type === 'for_in_clause')) {
    const target = clause.childForFieldName('left');
    const iterable = clause.childForFieldName('right');
    if (!target || !iterable) continue;
    const names = target.type === 'identifier' ? [target] : target.type === 'pattern_list' || target.type === 'tuple_pattern' ? target.namedChildren : [];
    if (names.length === 0 || names.some((n) => n.type !== 'identifier' || taken.has(n.text))) continue;
    if (inClass) {
      const quoted = names.map((n) => `'${n.text}'`).join(', ');
      out.insert(clause.endIndex, ` if ${helpers.classLeak}((${quoted},), (${names.map((n) => n.text).join(', ')},))`, depth, true);
      leaks = true;
      continue;
    }
    const temp = out.temp('_p2c');
    out.replace(target.startIndex, target.endIndex, temp, depth);
    const bindings = target.type === 'identifier'
      ? `${names[0].text} := ${temp}`
      : names.map((n, i) => `${n.text} := ${temp}[${i}]`).join(', ');
    const unpack = target.type === 'identifier' ? '' : ` for ${temp} in [${helpers.unpack}(${temp}, ${names.length})]`;
    out.insert(clause.endIndex, `${unpack} if (${bindings},)`, depth, true);
  }
  // The class body gets the variables once the comprehension is over (Python 3 restores its own binding then).
  if (leaks) out.wrap(node, `${helpers.classLeaked}(`, ')', depth);
}

/** Loop variables of the generator expressions and set or dict comprehensions around a node (:= may not rebind them). */
function enclosingIterationNames(node: SyntaxNode): Set<string> {
  const names = new Set<string>();
  for (let at = node.parent; at; at = at.parent) {
    if (at.type === 'function_definition' || at.type === 'lambda' || at.type === 'class_definition') break;
    if (!/comprehension|generator_expression/.test(at.type) || at.type === 'list_comprehension') continue;
    for (const clause of at.namedChildren.filter((c) => c.type === 'for_in_clause')) {
      const target = clause.childForFieldName('left');
      for (const n of target?.type === 'identifier' ? [target] : target?.namedChildren ?? []) names.add(n.text);
    }
  }
  return names;
}

const ORDERING = new Set(['<', '<=', '>', '>=']);

/**
 * A chained comparison (`a < b < c`) in Python 2's order across types: each link goes through the ordering helper,
 * the middle operands are evaluated once (kept with :=), and the chain still stops at the first false link.
 */
export function chainedComparison(node: SyntaxNode, out: EditSink, depth: number): boolean {
  const operands = node.namedChildren;
  const operators = node.children.filter((c) => !c.isNamed);
  if (operators.length < 2 || operands.length !== operators.length + 1) return false;
  if (!operators.some((o) => ORDERING.has(o.type)) || !walrusAllowed(node)) return false;
  const link = (op: SyntaxNode) =>
    ORDERING.has(op.type) ? { open: `${helpers.order[op.type]}(`, mid: ', ' } : { open: '(', mid: ` ${op.type === '<>' ? '!=' : op.type} ` };
  const temps = operators.slice(1).map(() => out.temp('_p2t'));
  out.insert(operands[0].startIndex, `(${link(operators[0]).open}`, depth);
  operators.forEach((op, i) => {
    const { open, mid } = link(op);
    const keep = i < operators.length - 1 ? `(${temps[i]} := ` : '';
    const before = i === 0 ? '' : `)) and ${open}${temps[i - 1]}`;
    out.replace(op.startIndex, op.endIndex, `${before}${mid}${keep}`, depth);
  });
  out.insert(operands.at(-1)!.endIndex, '))', depth, true);
  return true;
}
