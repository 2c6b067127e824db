// substring-authorization: access decided by substring tests on URLs or on role lists turned into strings.
import type { Node as SyntaxNode } from 'web-tree-sitter';
import type { Rule } from '../rule';
import { ancestor, calleeName } from '../syntax';

const URLISH = /url|path|primaryView|href|route|page/i;
const ACCESS = /role|permission|authori[sz]|admin|allow|access|grant|privilege|security/i;
/** Cheap tests on a node's text that every reported comparison or call passes. */
const CANDIDATE_COMPARISON = /\bin\b[\s\S]*(url|path|primaryView|href|route|page|str\(|unicode\(|repr\(|join\()/i;
const CANDIDATE_CALL = /^[\s\S]*\.\s*(find|index|rfind|startswith|endswith|count|__contains__)\s*\(/;
const SUBSTRING_METHODS = new Set(['find', 'index', 'rfind', 'startswith', 'endswith', 'count', '__contains__']);

export const substringAuthorization: Rule = {
  id: 'substring-authorization',
  defaultSeverity: 'warning',
  summary: 'Access decided by a substring test on a URL or on roles turned into a string.',
  doc: `## What it does
Reports authorization decisions made by substring tests: \`path in page_url\` or \`page_url.startswith(...)\`
deciding which roles a page needs, and \`"Admin" in str(roles)\` or \`str(roles).find("Admin")\` deciding whether a
user has a role.

## Why is this bad?
Substrings match more than intended. \`"/admin" in page_url\` is also true for \`/reports/admin-summary\` and
\`/x?next=/admin\`; \`"Admin" in str(roles)\` is true for a role named \`NotAdmin\` or \`SysAdminViewer\`. Either the
check lets the wrong user in, or keeps the right one out.

## Example
\`\`\`python
for path, roles in role_map.items():
	if path in page_url:
		return roles
\`\`\`

## Use instead
Compare whole values: the page's path against the mapped path (\`page_url == path or
page_url.startswith(path + "/")\`), and roles as a list (\`"Administrator" in session.props.auth.user.roles\`), or
better, Perspective's security levels (\`system.perspective.isAuthorized\`) and the page configuration's access
settings.`,
  nodeTypes: ['comparison_operator', 'call'],
  check({ nodes, report }) {
    for (const cmp of nodes('comparison_operator')) {
      if (!CANDIDATE_COMPARISON.test(cmp.text)) continue;
      const ops = cmp.children.filter((c) => c && (c.type === 'in' || c.type === 'not in'));
      if (ops.length !== 1 || cmp.namedChildCount !== 2) continue;
      const [left, right] = [cmp.namedChild(0)!, cmp.namedChild(1)!];
      // A literal in the text of any value (`"Component" in str(row['typeId'])`) is about roles only where the value or
      // the code it guards is.
      if (isStrCall(right) && (ACCESS.test(right.text) || (left.type === 'string' && decidesAccess(cmp)))) {
        report({ node: cmp, message: `\`${short(cmp.text)}\` tests roles as a substring of a string; test membership in the list of roles instead` });
      } else if (isUrlish(right) && decidesAccess(cmp)) {
        report({ node: cmp, message: `\`${short(cmp.text)}\` decides access by a substring of the URL; compare the whole path (== or startswith(path + "/"))` });
      }
    }
    for (const call of nodes('call')) {
      if (!CANDIDATE_CALL.test(call.text)) continue;
      const fn = call.childForFieldName('function');
      if (fn?.type !== 'attribute') continue;
      const method = fn.childForFieldName('attribute')?.text ?? '';
      const receiver = fn.childForFieldName('object');
      if (!receiver || !SUBSTRING_METHODS.has(method)) continue;
      if (isStrCall(receiver) && ACCESS.test(receiver.text)) {
        report({ node: call, message: `\`${short(call.text)}\` tests roles as a substring of a string; test membership in the list of roles instead` });
      } else if (isUrlish(receiver) && method !== 'startswith' && decidesAccess(call)) {
        report({ node: call, message: `\`${short(call.text)}\` decides access by a substring of the URL; compare the whole path` });
      }
    }
  },
};

function isStrCall(node: SyntaxNode): boolean {
  if (node.type !== 'call') return false;
  const name = calleeName(node);
  return name === 'str' || name === 'unicode' || name === 'repr' || (name?.endsWith('.join') ?? false);
}

function isUrlish(node: SyntaxNode): boolean {
  return (node.type === 'identifier' || node.type === 'attribute') && URLISH.test(node.text.split('.').pop() ?? '');
}

/** The test guards code about access: the if it controls (or the function around it) is about roles or permissions. */
function decidesAccess(test: SyntaxNode): boolean {
  const statement = ancestor(test, 'if_statement', 'while_statement', 'conditional_expression', 'return_statement', 'assignment');
  if (!statement) return false;
  const body = statement.type === 'if_statement' ? statement.childForFieldName('consequence') : statement;
  if (body && ACCESS.test(body.text)) return true;
  const fn = ancestor(test, 'function_definition');
  return ACCESS.test(fn?.childForFieldName('name')?.text ?? '');
}

function short(text: string): string {
  const line = text.split('\n')[0];
  return line.length > 60 ? line.slice(0, 57) + '...' : line;
}
