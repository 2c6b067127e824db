// Small helpers for reading tree-sitter Python trees the way the rules need them.
import type { Node as SyntaxNode } from 'web-tree-sitter';

/**
 * Every node of `types` in `roots` (themselves included), in document order, gathered inside the parser's own walk:
 * one call per root, no recursion in JS.
 */
export function collectNodes(roots: readonly SyntaxNode[], types: ReadonlySet<string>): Map<string, SyntaxNode[]> {
  const found = new Map<string, SyntaxNode[]>();
  for (const type of types) found.set(type, []);
  if (types.size === 0) return found;
  const list = typeList(types);
  for (const root of roots) {
    const nodes = root.descendantsOfType(list);
    // Indexed: see regionNames.
    for (let i = 0; i < nodes.length; i++) {
      const node = nodes[i];
      if (node) found.get(node.type)?.push(node);
    }
  }
  return found;
}

const typeLists = new WeakMap<ReadonlySet<string>, string[]>();

/**
 * The types as the array descendantsOfType takes, made once per set, whose `includes` asks the set: web-tree-sitter
 * asks it of each of the grammar's 274 node types on every call, and a linter calls once per script (docs/benchmarks.md).
 */
function typeList(types: ReadonlySet<string>): string[] {
  let list = typeLists.get(types);
  if (!list) {
    list = [...types];
    Object.defineProperty(list, 'includes', { value: (type: string) => types.has(type) });
    typeLists.set(types, list);
  }
  return list;
}

/** `system.perspective.navigate` for an attribute chain of plain names, else undefined. */
export function dottedName(node: SyntaxNode | null): string | undefined {
  const parts: string[] = [];
  let n = node;
  while (n && n.type === 'attribute') {
    const attr = n.childForFieldName('attribute');
    if (!attr) return undefined;
    parts.push(attr.text);
    n = n.childForFieldName('object');
  }
  if (!n || n.type !== 'identifier') return undefined;
  parts.push(n.text);
  return parts.reverse().join('.');
}

/** The dotted name a call calls, e.g. `system.util.sendMessage`. */
export function calleeName(call: SyntaxNode): string | undefined {
  return dottedName(call.childForFieldName('function'));
}

export interface CallArguments {
  positional: SyntaxNode[];
  keywords: Map<string, SyntaxNode>;
  /** True when `*args` or `**kwargs` make the argument list unknowable. */
  splat: boolean;
}

export function callArguments(call: SyntaxNode): CallArguments {
  const result: CallArguments = { positional: [], keywords: new Map(), splat: false };
  const args = call.childForFieldName('arguments');
  if (!args || args.type !== 'argument_list') return result;
  for (const arg of args.namedChildren) {
    if (!arg || arg.type === 'comment') continue;
    if (arg.type === 'keyword_argument') {
      const name = arg.childForFieldName('name')?.text;
      const value = arg.childForFieldName('value');
      if (name && value) result.keywords.set(name, value);
    } else if (arg.type === 'list_splat' || arg.type === 'dictionary_splat') {
      result.splat = true;
    } else {
      result.positional.push(arg);
    }
  }
  return result;
}

/** The value of a plain (non-f, non-concatenated) string literal, or undefined. */
export function stringValue(node: SyntaxNode | null | undefined): string | undefined {
  if (!node || node.type !== 'string') return undefined;
  const start = node.firstChild;
  if (!start || start.type !== 'string_start' || /[fF]/.test(start.text)) return undefined;
  let value = '';
  for (const child of node.namedChildren) {
    if (!child) continue;
    if (child.type === 'interpolation') return undefined;
    if (child.type === 'string_content') value += child.text;
    else if (child.type === 'escape_sequence') return undefined;
  }
  return value;
}

/** The nearest ancestor of one of `types`, or null. */
export function ancestor(node: SyntaxNode, ...types: string[]): SyntaxNode | null {
  for (let n = node.parent; n; n = n.parent) if (types.includes(n.type)) return n;
  return null;
}

/** Names of a function's parameters, in order, `*args`/`**kwargs` without their stars. */
export function parameterNames(fn: SyntaxNode): string[] {
  const params = fn.childForFieldName('parameters');
  if (!params) return [];
  const names: string[] = [];
  for (const p of params.namedChildren) {
    if (!p) continue;
    const name = p.type === 'identifier' ? p : p.childForFieldName('name') ?? p.namedChildren.find((c) => c?.type === 'identifier');
    if (name && name.type === 'identifier') names.push(name.text);
  }
  return names;
}

/** Node identity: tree-sitter hands out a new object each time a node is reached, so `===` does not work. */
export function sameNode(a: SyntaxNode | null | undefined, b: SyntaxNode | null | undefined): boolean {
  return Boolean(a && b && a.id === b.id);
}
