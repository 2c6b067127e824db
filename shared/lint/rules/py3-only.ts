// py3-only: Python 3 syntax that tree-sitter accepts but Jython 2.7 refuses to compile; f-strings get a mechanical fix.
import type { Node as SyntaxNode } from 'web-tree-sitter';
import type { Fix, Rule, ScriptContext } from '../rule';
import { callArguments, sameNode } from '../syntax';

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
  nodeTypes: ['call', 'typed_parameter', 'typed_default_parameter', 'nonlocal_statement', 'named_expression', 'keyword_separator', 'positional_separator', 'list_splat_pattern'],
  check(context) {
    const { report } = context;
    const nodes = (type: string, hint: RegExp) => (context.mentions(hint) ? context.nodes(type) : []);
    for (const s of nodes('string', /(^|[^\w])[rRuUbB]?[fF][rRbB]?['"]/m)) {
      if (/[fF]/.test(s.firstChild?.text ?? '')) {
        report({ node: s, message: 'f-strings do not compile on Jython 2.7; use % formatting or .format()', fix: fStringFix(s, context.script.text) });
      }
    }
    for (const p of [...context.nodes('typed_parameter'), ...context.nodes('typed_default_parameter')]) {
      report({ node: p, message: 'parameter annotations do not compile on Jython 2.7; remove the type' });
    }
    for (const def of nodes('function_definition', /\)\s*->|\basync\b/)) {
      const returns = def.childForFieldName('return_type');
      if (returns) report({ node: returns, message: 'return annotations (-> type) do not compile on Jython 2.7; remove them' });
      if (def.child(0)?.type === 'async') report({ node: def.child(0)!, message: '`async def` does not exist in Jython 2.7; use a plain def (system.util.invokeAsynchronous runs work in the background)' });
    }
    for (const a of nodes('assignment', /^[ \t]*[A-Za-z_][\w.]*(\[[^\]\n]*\])?[ \t]*:[ \t]*[A-Za-z_]/m)) {
      const type = a.childForFieldName('type');
      if (type) report({ node: type, message: 'variable annotations do not compile on Jython 2.7; remove the type' });
    }
    simple(context, 'nonlocal_statement', '`nonlocal` does not exist in Jython 2.7; keep the value in a mutable holder (a dict or list) instead');
    for (const node of nodes('await', /\bawait\b/)) report({ node, message: '`await` does not exist in Jython 2.7' });
    simple(context, 'named_expression', 'the walrus operator := does not compile on Jython 2.7; assign on its own line first');
    simple(context, 'keyword_separator', 'keyword-only parameters (a bare * in a def) do not compile on Jython 2.7; use a default value instead');
    simple(context, 'positional_separator', 'positional-only parameters (/ in a def) do not compile on Jython 2.7');
    for (const node of nodes('match_statement', /^[ \t]*match\b/m)) report({ node, message: '`match` does not exist in Jython 2.7; use if/elif' });
    for (const y of nodes('yield', /\byield\s+from\b/)) {
      const from = y.children.find((c) => c?.type === 'from');
      if (from) report({ node: y, message: '`yield from` does not compile on Jython 2.7; loop and yield each item' });
    }
    for (const splat of context.nodes('list_splat_pattern')) {
      // `*args` in a def or lambda is Python 2 too; only a starred assignment target is new.
      const parent = splat.parent?.type;
      if (parent === 'parameters' || parent === 'lambda_parameters') continue;
      report({ node: splat, message: 'starred assignment (a, *b = ...) does not compile on Jython 2.7; slice the sequence instead' });
    }
    for (const r of nodes('raise_statement', /\braise\b[^\n]*\bfrom\b/)) {
      const cause = r.childForFieldName('cause');
      if (cause) report({ node: cause, message: '`raise ... from ...` does not compile on Jython 2.7; raise the new exception alone' });
    }
    for (const n of nodes('integer', /\d_\d/)) {
      if (n.text.includes('_')) report({ node: n, message: 'digit separators (1_000) do not compile on Jython 2.7; write the number without underscores' });
    }
    for (const op of nodes('binary_operator', /@/)) {
      const operator = op.childForFieldName('operator');
      if (operator?.type === '@') report({ node: operator, message: 'the matrix operator @ does not exist in Jython 2.7' });
    }
    for (const stmt of [...nodes('for_statement', /\basync\s+for\b/), ...nodes('with_statement', /\basync\s+with\b/)]) {
      if (stmt.child(0)?.type === 'async') report({ node: stmt.child(0)!, message: '`async for` and `async with` do not exist in Jython 2.7' });
    }
    if (!context.names.printFunction && context.mentions(/\bprint\s*\(/)) {
      for (const call of context.nodes('call')) {
        if (!call.text.startsWith('print')) continue;
        const fn = call.childForFieldName('function');
        if (fn?.type !== 'identifier' || fn.text !== 'print') continue;
        const keywords = [...callArguments(call).keywords.keys()].filter((k) => k === 'end' || k === 'sep' || k === 'file' || k === 'flush');
        if (keywords.length > 0) {
          report({ node: call, message: `print(..., ${keywords[0]}=...) is Python 3; on Jython 2.7 print is a statement unless the script starts with \`from __future__ import print_function\`` });
        }
      }
    }
  },
};

function simple(context: ScriptContext, type: string, message: string): void {
  for (const node of context.nodes(type)) context.report({ node, message });
}

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
