// roles-may-be-none: `in`, iteration or string methods on auth.user.roles / userName where an anonymous session has None.
import type { Node as SyntaxNode } from 'web-tree-sitter';
import type { Rule } from '../rule';
import { ancestor, calleeName, sameNode } from '../syntax';
import { identifierAt } from '../names';

const GUARD = /auth|roles|userName|\buser\b|\bNone\b/;
const CONSUMERS = new Set(['len', 'set', 'list', 'sorted', 'any', 'all', 'tuple', 'enumerate']);

export const rolesMayBeNone: Rule = {
  id: 'roles-may-be-none',
  defaultSeverity: 'warning',
  scope: 'perspective',
  summary: 'auth.user.roles or auth.user.userName used as a list or string without a None check; they are None for an anonymous session.',
  doc: `## What it does
Reports \`"Admin" in session.props.auth.user.roles\`, \`for r in ...auth.user.roles\`, \`len(...roles)\` and
string methods on \`...auth.user.userName\` (directly or through a variable assigned from them) when no enclosing
\`if\`, conditional expression, \`and\`, or earlier early return checks the user first. Functions that only run
after a login (\`onLogin\`) are not checked.

## Why is this bad?
Until someone logs in, every field of \`session.props.auth.user\` is \`None\`. \`'Admin' in None\` raises
\`TypeError: argument of type 'NoneType' is not iterable\`, which aborts the script for every anonymous session.

## Example
\`\`\`python
if "Administrator" in session.props.auth.user.roles:
	session.custom.canEdit = True
\`\`\`

## Use instead
\`\`\`python
roles = session.props.auth.user.roles or []
if "Administrator" in roles:
	session.custom.canEdit = True
\`\`\``,
  nodeTypes: ['attribute', 'identifier'],
  check({ script, nodes, report }) {
    if (!script.text.includes('auth')) return;
    for (const source of nodes('attribute')) {
      if (!/\bauth\s*\.\s*(user\s*\.\s*)?(roles|userName)$/.test(source.text)) continue;
      const field = source.childForFieldName('attribute')?.text;
      const owner = source.childForFieldName('object')?.text.replace(/\s+/g, '') ?? '';
      const isRoles = field === 'roles' && /(^|\.)auth(\.user)?$/.test(owner);
      const isName = field === 'userName' && /(^|\.)auth\.user$/.test(owner);
      if (!isRoles && !isName) continue;
      const fn = ancestor(source, 'function_definition');
      if (/^onLog(in|In)$/.test(fn?.childForFieldName('name')?.text ?? '')) continue;
      for (const use of usesOf(source, fn, nodes('identifier'), script.text)) {
        if (!unsafeUse(use, isRoles) || guarded(use, fn)) continue;
        report({
          node: use,
          message: isRoles
            ? `${source.text} is None for an anonymous session, so this raises TypeError; use (${source.text} or []) or check the user first`
            : `${source.text} is None for an anonymous session; check the user (or session.props.auth.authenticated) first`,
        });
      }
    }
  },
};

/**
 * The expression itself, or the reads of a variable it is assigned to, later in the same function: the identifiers
 * the shared walk gathered between the assignment and the function's end (they are in document order).
 */
function usesOf(source: SyntaxNode, fn: SyntaxNode | null, identifiers: readonly SyntaxNode[], text: string): SyntaxNode[] {
  const parent = source.parent;
  if (parent?.type !== 'assignment' || !sameNode(parent.childForFieldName('right'), source)) return [source];
  const target = parent.childForFieldName('left');
  if (target?.type !== 'identifier' || !fn) return [];
  const name = target.text;
  const after = parent.endIndex;
  const end = fn.endIndex;
  const uses: SyntaxNode[] = [];
  for (let i = firstAfter(identifiers, after); i < identifiers.length && identifiers[i].startIndex < end; i++) {
    const id = identifiers[i];
    if (identifierAt(text, id) === name) uses.push(id);
  }
  return uses;
}

/** The index of the first node starting after `offset`, in nodes sorted by start. */
function firstAfter(nodes: readonly SyntaxNode[], offset: number): number {
  let lo = 0;
  let hi = nodes.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (nodes[mid].startIndex > offset) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

function unsafeUse(node: SyntaxNode, isRoles: boolean): boolean {
  const parent = node.parent;
  if (!parent) return false;
  if (isRoles) {
    if (parent.type === 'comparison_operator' && sameNode(parent.namedChild(1), node)) {
      return parent.children.some((c) => c?.type === 'in' || c?.type === 'not in');
    }
    if ((parent.type === 'for_statement' || parent.type === 'for_in_clause') && sameNode(parent.childForFieldName('right'), node)) return true;
    if (parent.type === 'argument_list' && parent.parent?.type === 'call') return CONSUMERS.has(calleeName(parent.parent) ?? '');
    return false;
  }
  // userName: a string method called on it, or concatenation.
  if (parent.type === 'attribute' && sameNode(parent.childForFieldName('object'), node)) return parent.parent?.type === 'call';
  return parent.type === 'binary_operator' && parent.childForFieldName('operator')?.type === '+';
}

/** An enclosing test, or an earlier early-exit `if` in the function, mentions the user. */
function guarded(use: SyntaxNode, fn: SyntaxNode | null): boolean {
  for (let child = use, n = use.parent; n && n !== fn; child = n, n = n.parent) {
    if (n.type === 'if_statement' || n.type === 'while_statement' || n.type === 'elif_clause') {
      const condition = n.childForFieldName('condition');
      if (condition && !sameNode(condition, child) && GUARD.test(condition.text)) return true;
    } else if (n.type === 'conditional_expression') {
      const [, condition] = n.namedChildren;
      if (condition && !sameNode(condition, child) && GUARD.test(condition.text)) return true;
    } else if (n.type === 'boolean_operator') {
      const left = n.childForFieldName('left');
      if (left && !sameNode(left, child) && GUARD.test(left.text)) return true;
    }
  }
  const body = fn?.childForFieldName('body');
  for (const statement of body?.namedChildren ?? []) {
    if (!statement || statement.startIndex >= use.startIndex) break;
    if (statement.type !== 'if_statement') continue;
    const condition = statement.childForFieldName('condition');
    const consequence = statement.childForFieldName('consequence');
    if (condition && GUARD.test(condition.text) && /\b(return|raise)\b/.test(consequence?.text ?? '')) return true;
  }
  return false;
}
