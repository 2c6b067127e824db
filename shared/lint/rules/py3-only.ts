// py3-only: Python 3 syntax that tree-sitter accepts but Jython 2.7 refuses to compile; f-strings get a mechanical fix.
import type { Node as SyntaxNode } from 'web-tree-sitter';
import { PY3_ONLY_NODE_TYPES, py3OnlyConstruct } from '../../jython/py3-only';
import type { Fix, Rule } from '../rule';
import { sameNode } from '../syntax';

export const py3Only: Rule = {
  id: 'py3-only',
  defaultSeverity: 'error',
  summary: 'Python 3 only syntax (f-strings, annotations, nonlocal, walrus...) that does not compile on Jython 2.7.',
  safeFix: true,
  doc: `## What it does
Reports syntax that exists only in Python 3: f-strings, type annotations, \`nonlocal\`, \`async\`/\`await\`, the
walrus operator \`:=\`, keyword-only and positional-only parameters, \`yield from\`, starred assignment
(\`a, *b = ...\`), \`raise ... from ...\`, \`match\`, \`@\`, digit separators (\`1_000\`), and \`print(..., end=...)\`
(also \`sep=\`, \`file=\`, \`flush=\`) without \`from __future__ import print_function\`.

## Why is this bad?
Ignition runs scripts on Jython 2.7. Any of these makes the whole script fail to compile, so the event or handler
silently does nothing; the error is only in the gateway log. Examples found on the web are often Python 3.

## Example
\`\`\`python
logger.info(f"Session started: {session_id} - User: {username}")
\`\`\`

## Use instead
\`\`\`python
logger.info("Session started: %s - User: %s" % (session_id, username))
\`\`\`

The fix rewrites an f-string with \`%\` when every placeholder is a plain expression, and with \`.format()\`
when placeholders carry a conversion (\`!r\`) or a format spec (\`:.2f\`).`,
  // Most of these constructs are rare: a cheap look at the text decides whether their nodes are needed at all.
  nodeTypes: ['call', 'typed_parameter', 'typed_default_parameter', 'nonlocal_statement', 'named_expression', 'keyword_separator', 'positional_separator'],
  check(context) {
    for (let i = 0; i < CANDIDATES.length; i++) {
      const type = CANDIDATES[i][0];
      const hint = CANDIDATES[i][1];
      if (hint && !context.mentions(hint)) continue;
      if (type === 'call' && (context.names.printFunction || !context.mentions(/\bprint\s*\(/))) continue;
      for (const node of context.nodes(type)) {
        const construct = py3OnlyConstruct(node, context.names.printFunction);
        if (!construct) continue;
        context.report({
          node: construct.node,
          message: `${construct.what} does not compile on Jython 2.7${construct.instead ? `; ${construct.instead}` : ''}`,
          fix: node.type === 'string' ? fStringFix(node, context.script.text) : undefined,
        });
      }
    }
  },
};

/** Text that must appear in a script before nodes of a rare type are worth reading (none: always read). */
const HINTS: Partial<Record<(typeof PY3_ONLY_NODE_TYPES)[number], RegExp>> = {
  string: /(^|[^\w])[rRuUbB]?[fF][rRbB]?['"]/m,
  function_definition: /\)\s*->|\basync\b/,
  assignment: /\*|^[ \t]*[A-Za-z_][\w.]*(\[[^\]\n]*\])?[ \t]*:[ \t]*[A-Za-z_]/m,
  for_statement: /\basync\b|\bfor\b[^\n]*\*/,
  with_statement: /\basync\s+with\b/,
  await: /\bawait\b/,
  yield: /\byield\s+from\b/,
  raise_statement: /\braise\b[^\n]*\bfrom\b/,
  class_definition: /^[ \t]*class\b[^\n]*=/m,
  binary_operator: /@/,
  list_splat: /[[({,]\s*\*\w/,
  dictionary_splat: /\*\*/,
  match_statement: /^[ \t]*match\b/m,
  type_alias_statement: /^[ \t]*type\b/m,
  integer: /\d_\d/,
};

/** Each node type the shared detector knows, with a text hint that must appear before its nodes are worth reading. */
const CANDIDATES: ReadonlyArray<readonly [(typeof PY3_ONLY_NODE_TYPES)[number], RegExp | undefined]> = PY3_ONLY_NODE_TYPES.map((type) => [type, HINTS[type]] as const);

/** Parents under which `"..." % (args)` needs no parentheses: the % binds at least as tightly as them. */
const LOOSE_PARENTS = new Set([
  'argument_list', 'assignment', 'augmented_assignment', 'expression_statement', 'return_statement', 'keyword_argument',
  'pair', 'list', 'tuple', 'set', 'parenthesized_expression', 'expression_list', 'print_statement', 'conditional_expression',
  'comparison_operator', 'boolean_operator', 'not_operator', 'if_statement', 'while_statement',
]);

/** A mechanical rewrite of an f-string, or undefined when it is not mechanical (nested quotes, `{x=}`, concatenation). */
function fStringFix(s: SyntaxNode, text: string): Fix | undefined {
  if (s.parent?.type === 'concatenated_string') return undefined;
  const start = s.firstChild!;
  const end = s.lastChild!;
  // The string's other prefix letters (r, u) stay; its quotes are kept as written.
  const opening = start.text.replace(/[fF]/, '');
  let plain = true;
  let pos = start.endIndex;
  const pieces: Array<{ literal: string } | { expr: string; rest: string }> = [];
  for (const child of s.children) {
    if (!child || sameNode(child, start) || sameNode(child, end)) continue;
    if (child.type !== 'interpolation') continue;
    if (child.startIndex > pos) pieces.push({ literal: text.slice(pos, child.startIndex) });
    const expr = child.childForFieldName('expression');
    if (!expr) return undefined;
    const rest = text.slice(expr.endIndex, child.endIndex - 1);
    // `{x=}` has no Python 2 form; a nested `{width}` in a format spec would need its own argument.
    if (/^\s*=/.test(rest) || rest.includes('{') || /['"\\]/.test(expr.text) || expr.text.includes('\n')) return undefined;
    if (rest.trim() !== '') plain = false;
    pieces.push({ expr: expr.text, rest: rest.trim() });
    pos = child.endIndex;
  }
  if (end.startIndex > pos) pieces.push({ literal: text.slice(pos, end.startIndex) });
  const exprs = pieces.filter((p): p is { expr: string; rest: string } => 'expr' in p);
  let replacement: string;
  if (plain) {
    const body = pieces.map((p) => ('literal' in p ? p.literal.replace(/%/g, '%%').replace(/\{\{/g, '{').replace(/\}\}/g, '}') : '%s')).join('');
    const literal = `${opening}${body}${end.text}`;
    if (exprs.length === 0) replacement = literal.replace(/%%/g, '%');
    else {
      const args = exprs.length === 1 ? `(${exprs[0].expr},)` : `(${exprs.map((e) => e.expr).join(', ')})`;
      replacement = `${literal} % ${args}`;
      if (!LOOSE_PARENTS.has(s.parent?.type ?? '')) replacement = `(${replacement})`;
    }
  } else {
    const body = pieces.map((p) => ('literal' in p ? p.literal : `{${p.rest}}`)).join('');
    replacement = `${opening}${body}${end.text}.format(${exprs.map((e) => e.expr).join(', ')})`;
  }
  return { description: 'rewrite the f-string with ' + (plain ? '% formatting' : '.format()'), edits: [{ start: s.startIndex, end: s.endIndex, text: replacement }], safe: true };
}
