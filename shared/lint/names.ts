// How a region of a script binds, reads and calls names, read once in the shared walk for every rule that needs it.
import type { Node as SyntaxNode } from 'web-tree-sitter';
import type { NameRead, ScriptNames } from './rule';
import { ancestor } from './syntax';

/** What one region (a top-level statement, or a whole script) contributes to its script's names. */
export interface RegionNames {
  bound: string[];
  reads: NameRead[];
  called: string[];
  printFunction: boolean;
}

/** The nodes of a region the name analysis reads, in document order. */
export interface NameNodes {
  identifiers: readonly SyntaxNode[];
  calls: readonly SyntaxNode[];
  futureImports: readonly SyntaxNode[];
}

/** The node types `regionNames` needs from the shared walk. */
export const NAME_NODE_TYPES = ['identifier', 'call', 'future_import_statement'] as const;

const PATTERNS = new Set(['pattern_list', 'tuple_pattern', 'list_pattern', 'list_splat_pattern', 'tuple', 'list', 'parenthesized_expression', 'as_pattern_target']);

/** A call's plain callee, read from the text: `name (` at the call's start. */
const PLAIN_CALLEE = /[A-Za-z_][A-Za-z0-9_]*(?=\s*\()/y;

export function regionNames({ identifiers, calls, futureImports }: NameNodes, text: string, definedNames: ReadonlySet<string>): RegionNames {
  const bound = new Set<string>();
  const parameters = new Map<string, Array<[number, number]>>();
  const candidates: SyntaxNode[] = [];
  // Indexed loops here and in the other walks a lint makes per node: in code V8 has not optimized yet (most of a
  // short lint), `for...of` makes an object for every step.
  for (let i = 0; i < identifiers.length; i++) {
    const id = identifiers[i];
    if (afterDot(text, id.startIndex)) continue;
    const name = identifierAt(text, id);
    if (definedNames.has(name) || bound.has(name)) continue;
    const role = usage(id);
    if (role === 'bind') bound.add(name);
    else if (role === 'read') candidates.push(id);
    else if (role === 'parameter') {
      const fn = ancestor(id, 'function_definition', 'lambda');
      if (fn) parameters.set(name, [...(parameters.get(name) ?? []), [fn.startIndex, fn.endIndex]]);
    }
  }
  const reads: NameRead[] = [];
  for (let i = 0; i < candidates.length; i++) {
    const id = candidates[i];
    const name = identifierAt(text, id);
    if (bound.has(name)) continue;
    const start = id.startIndex;
    const end = start + name.length;
    // A function's parameters are defined inside it, and say nothing about the functions beside it.
    if (parameters.get(name)?.some(([from, to]) => start >= from && end <= to)) continue;
    reads.push({ name, start, end });
  }
  const called = new Set<string>();
  for (let i = 0; i < calls.length; i++) {
    PLAIN_CALLEE.lastIndex = calls[i].startIndex;
    const m = PLAIN_CALLEE.exec(text);
    if (m) called.add(m[0]);
  }
  const printFunction = futureImports.some((f) => /\bprint_function\b/.test(f.text));
  return { bound: [...bound], reads, called: [...called], printFunction };
}

/** The names of a script from those of its regions, in document order. */
export function scriptNames(regions: readonly RegionNames[]): ScriptNames {
  const bound = new Set<string>();
  const called = new Set<string>();
  const reads: NameRead[] = [];
  let printFunction = false;
  for (const region of regions) {
    for (const n of region.bound) bound.add(n);
    for (const n of region.called) called.add(n);
    reads.push(...region.reads);
    printFunction ||= region.printFunction;
  }
  // Names bound anywhere count everywhere (Python 2 comprehensions leak, closures see enclosing names).
  return { bound, reads: reads.filter((r) => !bound.has(r.name)), called, printFunction };
}

/** Whether an identifier binds a name, reads one, or is not a name at all (an attribute, a keyword). */
function usage(id: SyntaxNode): 'bind' | 'parameter' | 'read' | 'none' {
  let child = id;
  let parent = id.parent;
  if (!parent) return 'read';
  switch (parent.type) {
    case 'attribute':
      return parent.childForFieldName('attribute')?.id === id.id ? 'none' : 'read';
    case 'keyword_argument':
      return parent.childForFieldName('name')?.id === id.id ? 'none' : 'read';
    case 'function_definition':
    case 'class_definition':
      return parent.childForFieldName('name')?.id === id.id ? 'bind' : 'read';
    case 'default_parameter':
    case 'typed_default_parameter':
      return parent.childForFieldName('name')?.id === id.id ? 'parameter' : 'read';
    case 'global_statement':
    case 'nonlocal_statement':
    case 'named_expression':
      return parent.type === 'named_expression' && parent.childForFieldName('name')?.id !== id.id ? 'read' : 'bind';
    case 'except_clause':
      // `except ValueError, e:` binds the name after the comma.
      return parent.namedChildren[0]?.id === id.id ? 'read' : 'bind';
  }
  // Climb through patterns to the statement that binds them, if any.
  while (parent && PATTERNS.has(parent.type)) {
    if (parent.type === 'as_pattern_target') return 'bind';
    child = parent;
    parent = parent.parent;
  }
  if (!parent) return 'read';
  switch (parent.type) {
    case 'parameters':
    case 'lambda_parameters':
    case 'typed_parameter':
    case 'dictionary_splat_pattern':
      return 'parameter';
    case 'assignment':
    case 'augmented_assignment':
    case 'for_statement':
    case 'for_in_clause':
      return parent.childForFieldName('left')?.id === child.id ? 'bind' : 'read';
    case 'import_statement':
    case 'import_from_statement':
    case 'future_import_statement':
    case 'aliased_import':
    case 'dotted_name':
      return 'bind';
  }
  return 'read';
}

const ASCII_NAME = /[A-Za-z_][A-Za-z0-9_]*/y;

/** An identifier's name read from the script's text, where it is ASCII (always in Python 2); else from the tree. */
export function identifierAt(text: string, id: SyntaxNode): string {
  const start = id.startIndex;
  ASCII_NAME.lastIndex = start;
  if (!ASCII_NAME.test(text)) return id.text;
  const after = ASCII_NAME.lastIndex;
  return after < text.length && text.charCodeAt(after) > 127 ? id.text : text.slice(start, after);
}

/** `x.name`: an attribute, not a name; read from the text, which is much cheaper than asking the tree. */
function afterDot(text: string, start: number): boolean {
  let i = start - 1;
  while (i >= 0 && (text[i] === ' ' || text[i] === '\t')) i--;
  return text[i] === '.';
}

/** `name.attr`: a read used the way a project library package is (`filters.byDate(...)`). */
export function readsAsPackage(text: string, read: NameRead): boolean {
  let i = read.end;
  while (text[i] === ' ' || text[i] === '\t') i++;
  return text[i] === '.';
}
