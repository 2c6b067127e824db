// Recognises Python-3-only syntax that Jython 2.7 refuses to compile, naming each construct the way a developer would.
import type { SyntaxNode } from '../python/parser';

/** What the gateway would say no to, and where. */
export interface Py3Construct {
  node: SyntaxNode;
  message: string;
}

const advice = 'Jython 2.7 rejects the whole script with a SyntaxError';

/** The Python-3-only construct this node introduces, if any; `printFunction` is `from __future__ import print_function`. */
export function py3OnlyConstruct(node: SyntaxNode, printFunction: boolean): Py3Construct | undefined {
  const found = (message: string, at: SyntaxNode = node): Py3Construct => ({ node: at, message: `${message}: ${advice}` });
  switch (node.type) {
    case 'string': {
      const start = node.firstChild;
      if (start?.type === 'string_start' && /f/i.test(start.text)) return found("f-string; use '...'.format(...) or %");
      return undefined;
    }
    case 'typed_parameter':
    case 'typed_default_parameter':
      return found('parameter annotation');
    case 'function_definition': {
      if (node.children.some((c) => c?.type === 'async')) return found('async def');
      const returns = node.childForFieldName('return_type');
      return returns ? found('return annotation', returns) : undefined;
    }
    case 'assignment':
      return node.childForFieldName('type') ? found('variable annotation') : starredTarget(node.childForFieldName('left'), found);
    case 'for_statement':
      if (node.children.some((c) => c?.type === 'async')) return found('async for');
      return starredTarget(node.childForFieldName('left'), found);
    case 'with_statement':
      return node.children.some((c) => c?.type === 'async') ? found('async with') : undefined;
    case 'nonlocal_statement':
      return found('nonlocal statement');
    case 'await':
      return found('await expression');
    case 'named_expression':
      return found('assignment expression (:=)');
    case 'keyword_separator':
      return found('keyword-only parameters (bare *)');
    case 'positional_separator':
      return found('positional-only parameters (/)');
    case 'yield':
      return node.children.some((c) => c?.type === 'from') ? found('yield from') : undefined;
    case 'raise_statement': {
      const cause = node.childForFieldName('cause');
      return cause ? found('raise ... from ...', cause) : undefined;
    }
    case 'class_definition': {
      const keyword = node.childForFieldName('superclasses')?.namedChildren.find((a) => a.type === 'keyword_argument');
      return keyword ? found(`class keyword argument (${keyword.childForFieldName('name')?.text}=...)`, keyword) : undefined;
    }
    case 'binary_operator':
      return node.childForFieldName('operator')?.type === '@' ? found('matrix multiplication operator (@)') : undefined;
    case 'list_splat':
    case 'dictionary_splat': {
      // Unpacking inside a literal (`[*a]`, `{**d}`) is Python 3.5+; in a call's arguments Python 2 allows it.
      const literal = node.parent?.type;
      return literal === 'list' || literal === 'set' || literal === 'tuple' || literal === 'dictionary'
        ? found(`unpacking inside a ${literal} literal`)
        : undefined;
    }
    case 'match_statement':
      return found('match statement');
    case 'type_alias_statement':
      return found('type alias statement');
    case 'call': {
      if (printFunction || node.childForFieldName('function')?.text !== 'print') return undefined;
      const keyword = node.childForFieldName('arguments')?.namedChildren.find((a) => a?.type === 'keyword_argument');
      return keyword ? found(`print(..., ${keyword.childForFieldName('name')?.text}=...) without from __future__ import print_function`, keyword) : undefined;
    }
    default:
      return undefined;
  }
}

function starredTarget(
  target: SyntaxNode | null,
  found: (message: string, at?: SyntaxNode) => Py3Construct,
): Py3Construct | undefined {
  if (!target || (target.type !== 'pattern_list' && target.type !== 'tuple_pattern' && target.type !== 'list_pattern')) return undefined;
  const star = target.namedChildren.find((c) => c?.type === 'list_splat_pattern');
  return star ? found('starred assignment target (a, *b = ...)', star) : undefined;
}
