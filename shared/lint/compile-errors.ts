// The errors Jython's compiler raises after the grammar accepted a script: statements in the wrong place, targets
// that cannot be assigned, argument lists that break its rules. tree-sitter's grammar accepts all of them.
import type { Node as SyntaxNode, Tree } from 'web-tree-sitter';

export interface CompileError {
  node: SyntaxNode;
  /** Jython's message, then what to do. */
  message: string;
}

/** The node types the checks read, gathered in the linter's shared walk. */
export const COMPILE_NODE_TYPES = [
  'return_statement', 'yield', 'break_statement', 'continue_statement', 'parameters', 'lambda_parameters', 'argument_list',
  'assignment', 'augmented_assignment', 'for_statement', 'delete_statement', 'future_import_statement',
] as const;

/** The errors among the nodes `of` gives (the script's, or the statements an edit touched). */
export function compileErrors(of: (type: string) => readonly SyntaxNode[], text: string): CompileError[] {
  const errors: CompileError[] = [];
  const nodes = { get: (type: string) => of(type) };
  for (const node of nodes.get('return_statement')!) {
    if (scopeOf(node)?.type !== 'function_definition') errors.push({ node, message: "'return' outside function; return only ends a function, and this code is not in one" });
    else if (node.namedChildCount > 0 && generator(scopeOf(node)!)) errors.push({ node, message: "'return' with argument inside generator; a function that yields can only return without a value" });
  }
  for (const node of nodes.get('yield')!) {
    const scope = scopeOf(node, true);
    if (scope?.type !== 'function_definition' && scope?.type !== 'lambda') errors.push({ node, message: "'yield' outside function" });
  }
  for (const node of [...nodes.get('break_statement')!, ...nodes.get('continue_statement')!]) {
    const what = node.type === 'break_statement' ? 'break' : 'continue';
    const loop = enclosingLoop(node);
    if (!loop) errors.push({ node, message: what === 'break' ? "'break' outside loop" : "'continue' not properly in loop" });
    else if (what === 'continue' && loop.viaFinally) errors.push({ node, message: "'continue' not supported inside 'finally' clause" });
  }
  // forEach for the common node types: unlike for...of, it makes no object per step in code not yet optimized.
  // Plain names, as nearly every parameter list and target is, are read from the text: nothing to report there.
  nodes.get('parameters').forEach((node) => plainAt(PLAIN_PARAMETERS, text, node.startIndex) || errors.push(...parameterErrors(node)));
  nodes.get('lambda_parameters').forEach((node) => errors.push(...parameterErrors(node)));
  nodes.get('argument_list').forEach((node) => errors.push(...argumentErrors(node)));
  nodes.get('assignment').forEach((node) => plainAt(PLAIN_TARGET, text, node.startIndex) || errors.push(...targetErrors(node.childForFieldName('left'), 'assign to')));
  nodes.get('for_statement').forEach((node) => plainAt(PLAIN_FOR_TARGET, text, node.startIndex) || errors.push(...targetErrors(node.childForFieldName('left'), 'assign to')));
  for (const node of nodes.get('augmented_assignment')!) {
    const left = unwrap(node.childForFieldName('left'));
    if (left && ['tuple', 'list', 'pattern_list', 'tuple_pattern', 'list_pattern'].includes(left.type)) {
      errors.push({ node: left, message: 'assignment to tuple illegal for augmented assignment' });
    } else {
      errors.push(...targetErrors(left, 'assign to'));
    }
  }
  for (const node of nodes.get('delete_statement')!) {
    for (const target of node.namedChildren) if (target) errors.push(...targetErrors(target, 'delete'));
  }
  for (const future of nodes.get('future_import_statement')) {
    if (/\bbraces\b/.test(future.text)) errors.push({ node: future, message: 'not a chance' });
    if (future.parent?.type !== 'module') errors.push({ node: future, message: 'from __future__ imports must occur at the beginning of the file' });
  }
  return errors.sort((a, b) => a.node.startIndex - b.node.startIndex);
}

/** A dotted name (`total`, `self.view.custom.total`) assigned with `=`, at the start of an assignment. */
const PLAIN_TARGET = /([A-Za-z_][A-Za-z0-9_]*(?:[ \t]*\.[ \t]*[A-Za-z_][A-Za-z0-9_]*)*)[ \t]*=(?!=)/y;
/** `for name in`, at the start of a for statement. */
const PLAIN_FOR_TARGET = /for[ \t]+([A-Za-z_][A-Za-z0-9_]*(?:[ \t]*\.[ \t]*[A-Za-z_][A-Za-z0-9_]*)*)[ \t]+in\b/y;
/** A parameter list of plain names on one line, at its opening parenthesis. */
const PLAIN_PARAMETERS = /\(([ \t]*[A-Za-z_][A-Za-z0-9_]*(?:[ \t]*,[ \t]*[A-Za-z_][A-Za-z0-9_]*)*[ \t]*,?[ \t]*)?\)/y;

/** Words that are not plain names where they stand in a target or a parameter list (`None`, keywords). */
const NOT_PLAIN = new Set([
  'None', 'True', 'False', 'and', 'as', 'assert', 'async', 'await', 'break', 'class', 'continue', 'def', 'del', 'elif', 'else',
  'except', 'exec', 'finally', 'for', 'from', 'global', 'if', 'import', 'in', 'is', 'lambda', 'nonlocal', 'not', 'or', 'pass',
  'print', 'raise', 'return', 'try', 'while', 'with', 'yield', 'match', 'case', 'type',
]);

/**
 * True when the text at `start` is what `pattern` reads as plain names, none of them a keyword and none repeated:
 * then neither the target nor the parameter list has an error to report.
 */
function plainAt(pattern: RegExp, text: string, start: number): boolean {
  pattern.lastIndex = start;
  const found = pattern.exec(text);
  if (!found) return false;
  const list = found[1] ?? '';
  const seen: string[] = [];
  NAME.lastIndex = 0;
  for (let name = NAME.exec(list); name; name = NAME.exec(list)) {
    if (NOT_PLAIN.has(name[0]) || seen.includes(name[0])) return false;
    seen.push(name[0]);
  }
  return true;
}

const NAME = /[A-Za-z_][A-Za-z0-9_]*/g;

/** The function, class (or, for `yield`, lambda) a node's code belongs to. */
function scopeOf(node: SyntaxNode, lambdas = false): SyntaxNode | null {
  for (let n = node.parent; n; n = n.parent) {
    if (n.type === 'function_definition' || n.type === 'class_definition' || (lambdas && n.type === 'lambda')) return n;
  }
  return null;
}

/** True when a function yields (not counting functions, classes and lambdas inside it). */
function generator(fn: SyntaxNode): boolean {
  const body = fn.childForFieldName('body');
  // The body's text first: walking it for yields costs far more, and most functions have none.
  return body && body.text.includes('yield') ? body.descendantsOfType('yield').some((y) => y && scopeOf(y, true)?.id === fn.id) : false;
}

/** The loop a break/continue is in (inside its body, not its else), and whether a finally clause lies between. */
function enclosingLoop(node: SyntaxNode): { viaFinally: boolean } | undefined {
  let viaFinally = false;
  let child = node;
  for (let n = node.parent; n; child = n, n = n.parent) {
    if (n.type === 'function_definition' || n.type === 'class_definition') return undefined;
    if (n.type === 'finally_clause') viaFinally = true;
    if ((n.type === 'for_statement' || n.type === 'while_statement') && n.childForFieldName('body')?.id === child.id) return { viaFinally };
  }
  return undefined;
}

function parameterErrors(list: SyntaxNode): CompileError[] {
  const errors: CompileError[] = [];
  const seen = new Set<string>();
  let defaults = false;
  let star = false;
  const name = (id: SyntaxNode): void => {
    if (id.type === 'none') errors.push({ node: id, message: 'assignment to None' });
    if (id.type !== 'identifier') return;
    if (seen.has(id.text)) errors.push({ node: id, message: `duplicate argument name found: ${id.text}` });
    seen.add(id.text);
  };
  const names = (node: SyntaxNode): void => {
    if (node.type === 'identifier' || node.type === 'none') name(node);
    else for (const c of node.namedChildren) if (c) names(c);
  };
  for (const p of list.namedChildren) {
    if (!p) continue;
    if (p.type === 'default_parameter' || p.type === 'typed_default_parameter') {
      defaults = true;
      const n = p.childForFieldName('name');
      if (n) names(n);
    } else if (p.type === 'list_splat_pattern' || p.type === 'dictionary_splat_pattern') {
      star = true;
      names(p);
    } else if (p.type === 'identifier' || p.type === 'tuple_pattern' || p.type === 'none') {
      if (defaults && !star) errors.push({ node: p, message: 'non-default argument follows default argument; give it a default too, or move it before the ones that have one' });
      names(p);
    }
  }
  return errors;
}

function argumentErrors(list: SyntaxNode): CompileError[] {
  // Only keyword arguments, splats and generators make an argument list wrong: most lists have none, and their text
  // says so far more cheaply than their nodes.
  if (!/[=*]|\bfor\b/.test(list.text)) return [];
  const errors: CompileError[] = [];
  const keywords = new Set<string>();
  let keyword = false;
  let splat = false;
  const args = list.namedChildren.filter((c): c is SyntaxNode => c !== null && c.type !== 'comment');
  for (const arg of args) {
    if (arg.type === 'keyword_argument') {
      keyword = true;
      const name = arg.childForFieldName('name')?.text ?? '';
      if (keywords.has(name)) errors.push({ node: arg, message: `keyword arguments repeated: ${name} is passed twice` });
      keywords.add(name);
    } else if (arg.type === 'list_splat') {
      splat = true;
    } else if (arg.type !== 'dictionary_splat') {
      if (keyword) errors.push({ node: arg, message: 'non-keyword arg after keyword arg; pass positional arguments first' });
      else if (splat) errors.push({ node: arg, message: 'only named arguments may follow *expression' });
      if (arg.type === 'generator_expression' && args.length > 1) errors.push({ node: arg, message: 'Generator expression must be parenthesized if not sole argument' });
    }
  }
  return errors;
}

function unwrap(node: SyntaxNode | null): SyntaxNode | null {
  let n = node;
  while (n && n.type === 'parenthesized_expression' && n.namedChildCount === 1) n = n.namedChild(0);
  return n;
}

const NOT_ASSIGNABLE: Record<string, string> = {
  call: 'function call', integer: 'number', float: 'number', string: 'string', concatenated_string: 'string',
  binary_operator: 'operator', unary_operator: 'operator', boolean_operator: 'operator', comparison_operator: 'comparison',
  lambda: 'lambda', conditional_expression: 'conditional expression', list_comprehension: 'list comprehension',
  dictionary: 'literal', set: 'literal', generator_expression: 'generator expression', dictionary_comprehension: 'dict comprehension',
  set_comprehension: 'set comprehension',
};

/** Targets of an assignment, `for` or `del` that Jython refuses: `f() = 1`, `1 = x`, `None = 1`, `del f()`. */
function targetErrors(target: SyntaxNode | null, verb: 'assign to' | 'delete'): CompileError[] {
  const node = unwrap(target);
  if (!node) return [];
  if (['tuple', 'list', 'pattern_list', 'tuple_pattern', 'list_pattern', 'expression_list'].includes(node.type)) {
    return node.namedChildren.flatMap((c) => (c ? targetErrors(c, verb) : []));
  }
  if (node.type === 'none') return [{ node, message: verb === 'delete' ? "can't delete None" : 'assignment to None' }];
  const what = NOT_ASSIGNABLE[node.type];
  return what ? [{ node, message: `can't ${verb} ${what}` }] : [];
}

/** `from __future__` imports must come first in the module (after a docstring). */
export function futurePlacementErrors(tree: Tree): CompileError[] {
  const root = tree.rootNode;
  const errors: CompileError[] = [];
  let leading = true;
  let first = true;
  for (const statement of root.namedChildren) {
    if (!statement || statement.type === 'comment') continue;
    const docstring = first && statement.type === 'expression_statement' && statement.namedChild(0)?.type === 'string';
    first = false;
    if (statement.type === 'future_import_statement') {
      if (!leading) errors.push({ node: statement, message: 'from __future__ imports must occur at the beginning of the file' });
    } else if (!docstring) {
      leading = false;
    }
  }
  return errors;
}
