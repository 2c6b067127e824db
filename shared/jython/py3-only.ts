// Recognises Python-3-only syntax that Jython 2.7 refuses to compile, naming each construct the way a developer would.
// The Jython translator reports these as divergences and the linter's py3-only rule as diagnostics: one list for both.
import type { SyntaxNode } from '../python/parser';

/** What the gateway would say no to, where, and what to write instead. */
export interface Py3Construct {
  node: SyntaxNode;
  /** The construct, as a noun phrase: "f-string", "walrus operator (:=)". */
  what: string;
  /** What compiles on Jython 2.7 instead, when there is a plain answer. */
  instead?: string;
}

/** A Python-3-only construct found in a script, at an offset of its text, as engines report it. */
export interface Py3OnlyUse {
  offset: number;
  message: string;
  /**
   * What Jython's own compiler says when it refuses the construct, and where, when its wording is known: the strict
   * Pyodide engine fails with it, as the gateway would.
   */
  compiler?: { offset: number; message: string };
  /** Set by the Jython lowering for a construct it cannot lower: the SyntaxError that refuses the script. */
  unlowered?: string;
}

/** A construct as a finding of the translators; `shift` moves its offsets (text translated inside other text). */
export function py3OnlyUse(construct: Py3Construct, shift = 0): Py3OnlyUse {
  const message = `${construct.what}${construct.instead ? `; ${construct.instead}` : ''}: Jython 2.7 rejects the whole script with a SyntaxError`;
  const compiler = jythonCompilerError(construct);
  return { offset: construct.node.startIndex + shift, message, ...(compiler ? { compiler: { offset: compiler.offset + shift, message: compiler.message } } : {}) };
}

/**
 * Jython's ANTLR parser reads `f"..."` as a name followed by a string and stops at the string: "no viable
 * alternative at input '<the string without its prefix>'", at its opening quote (checked against Jython 2.7.3 in
 * assignments, calls, print and return statements, conditions). A string over several lines is reported at its end
 * with a negative offset, which is left alone.
 */
function jythonCompilerError(construct: Py3Construct): { offset: number; message: string } | undefined {
  const { node } = construct;
  const start = node.firstChild;
  if (node.type !== 'string' || start?.type !== 'string_start' || node.text.includes('\n')) return undefined;
  const prefix = /^[a-zA-Z]*/.exec(start.text)![0].length;
  return { offset: node.startIndex + prefix, message: `no viable alternative at input '${node.text.slice(prefix)}'` };
}

/** The node types `py3OnlyConstruct` looks at; any other node is never Python-3-only by itself. */
export const PY3_ONLY_NODE_TYPES = [
  'string', 'typed_parameter', 'typed_default_parameter', 'function_definition', 'assignment', 'for_statement',
  'with_statement', 'nonlocal_statement', 'await', 'named_expression', 'keyword_separator', 'positional_separator',
  'yield', 'raise_statement', 'class_definition', 'binary_operator', 'list_splat', 'dictionary_splat',
  'match_statement', 'type_alias_statement', 'integer', 'call',
] as const;

/** The Python-3-only construct this node introduces, if any; `printFunction` is `from __future__ import print_function`. */
export function py3OnlyConstruct(node: SyntaxNode, printFunction: boolean): Py3Construct | undefined {
  const found = (what: string, instead?: string, at: SyntaxNode = node): Py3Construct => ({ node: at, what, ...(instead ? { instead } : {}) });
  const isAsync = () => node.children.some((c) => c?.type === 'async');
  switch (node.type) {
    case 'string': {
      const start = node.firstChild;
      return start?.type === 'string_start' && /f/i.test(start.text) ? found('f-string', 'use % formatting or .format()') : undefined;
    }
    case 'typed_parameter':
    case 'typed_default_parameter':
      return found('parameter annotation', 'remove the type');
    case 'function_definition': {
      if (isAsync()) return found('async def', 'use a plain def (system.util.invokeAsynchronous runs work in the background)');
      const returns = node.childForFieldName('return_type');
      return returns ? found('return annotation (-> type)', 'remove it', returns) : undefined;
    }
    case 'assignment': {
      const type = node.childForFieldName('type');
      return type ? found('variable annotation', 'remove the type', type) : starredTarget(node.childForFieldName('left'), found);
    }
    case 'for_statement':
      return isAsync() ? found('async for') : starredTarget(node.childForFieldName('left'), found);
    case 'with_statement':
      return isAsync() ? found('async with') : undefined;
    case 'nonlocal_statement':
      return found('nonlocal statement', 'keep the value in a mutable holder (a dict or list) instead');
    case 'await':
      return found('await expression');
    case 'named_expression':
      return found('walrus operator (:=)', 'assign on its own line first');
    case 'keyword_separator':
      return found('keyword-only parameters (a bare * in a def)', 'use a default value instead');
    case 'positional_separator':
      return found('positional-only parameters (/ in a def)');
    case 'yield':
      return node.children.some((c) => c?.type === 'from') ? found('yield from', 'loop and yield each item') : undefined;
    case 'raise_statement': {
      const cause = node.childForFieldName('cause');
      return cause ? found('raise ... from ...', 'raise the new exception alone', cause) : undefined;
    }
    case 'class_definition': {
      const keyword = node.childForFieldName('superclasses')?.namedChildren.find((a) => a?.type === 'keyword_argument');
      return keyword ? found(`class keyword argument (${keyword.childForFieldName('name')?.text}=...)`, undefined, keyword) : undefined;
    }
    case 'binary_operator': {
      const operator = node.childForFieldName('operator');
      return operator?.type === '@' ? found('matrix operator @', undefined, operator) : undefined;
    }
    case 'list_splat':
    case 'dictionary_splat': {
      // Unpacking inside a literal (`[*a]`, `{**d}`) is Python 3.5+; in a call's arguments Python 2 allows it.
      const literal = node.parent?.type;
      return literal === 'list' || literal === 'set' || literal === 'tuple' || literal === 'dictionary'
        ? found(`unpacking inside a ${literal} literal`)
        : undefined;
    }
    case 'match_statement':
      return found('match statement', 'use if/elif');
    case 'type_alias_statement':
      return found('type alias statement');
    case 'integer':
      return node.text.includes('_') ? found('digit separators (1_000)', 'write the number without underscores') : undefined;
    case 'call': {
      if (printFunction || node.childForFieldName('function')?.text !== 'print') return undefined;
      const keyword = node.childForFieldName('arguments')?.namedChildren.find((a) => a?.type === 'keyword_argument');
      return keyword
        ? found(`print(..., ${keyword.childForFieldName('name')?.text}=...)`, 'print is a statement unless the script starts with `from __future__ import print_function`', keyword)
        : undefined;
    }
    default:
      return undefined;
  }
}

function starredTarget(
  target: SyntaxNode | null,
  found: (what: string, instead?: string, at?: SyntaxNode) => Py3Construct,
): Py3Construct | undefined {
  if (!target || (target.type !== 'pattern_list' && target.type !== 'tuple_pattern' && target.type !== 'list_pattern')) return undefined;
  const star = target.namedChildren.find((c) => c?.type === 'list_splat_pattern');
  return star ? found('starred assignment (a, *b = ...)', 'slice the sequence instead', star) : undefined;
}
