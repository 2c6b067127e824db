// no-such-session-attr: `session.id`, `session.auth`... read as if session props were attributes of the session.
import type { Node as SyntaxNode } from 'web-tree-sitter';
import type { Rule } from '../rule';

/** What the mistaken attribute really is, under the session object. */
const REAL_PATH: Readonly<Record<string, string>> = {
  id: 'props.id', host: 'props.host', address: 'props.address', theme: 'props.theme', locale: 'props.locale',
  timeZoneId: 'props.timeZoneId', lastActivity: 'props.lastActivity', auth: 'props.auth', device: 'props.device',
  gateway: 'props.gateway', geolocation: 'props.geolocation', offline: 'props.offline',
  user: 'props.auth.user', roles: 'props.auth.user.roles', userName: 'props.auth.user.userName',
  username: 'props.auth.user.userName', authenticated: 'props.auth.authenticated',
};

export const noSuchSessionAttr: Rule = {
  id: 'no-such-session-attr',
  defaultSeverity: 'error',
  scope: 'perspective',
  summary: 'Session props read as attributes of the session (`session.id`, `session.auth`); they live under `session.props`.',
  safeFix: true,
  doc: `## What it does
Reports \`session.id\`, \`session.auth\`, \`session.user\`, \`session.address\`, \`page.session.auth\`,
\`self.session.theme\` and the like: session props used as if they were attributes of the session object.

## Why is this bad?
The session object has \`props\` and \`custom\`; its props (\`id\`, \`host\`, \`address\`, \`theme\`, \`locale\`,
\`auth\`, \`device\`, \`gateway\`...) live under \`session.props\`. \`session.auth\` raises \`AttributeError\` on a
gateway, which aborts the script. Generated examples on the web often make this mistake.

## Example
\`\`\`python
username = session.auth.user.userName
\`\`\`

## Use instead
\`\`\`python
username = session.props.auth.user.userName
\`\`\`

The fix inserts \`props\` (and \`auth.user\` for \`session.user\`, \`session.roles\`, \`session.userName\`).`,
  nodeTypes: ['attribute'],
  check({ script, nodes, report }) {
    if (!script.text.includes('session')) return;
    for (const node of nodes('attribute')) {
      const tail = /\bsession\s*\.\s*(\w+)$/.exec(node.text);
      if (!tail || !Object.hasOwn(REAL_PATH, tail[1])) continue;
      const object = node.childForFieldName('object');
      const attribute = node.childForFieldName('attribute');
      if (!object || !attribute || !isSession(object)) continue;
      const real = Object.hasOwn(REAL_PATH, attribute.text) ? REAL_PATH[attribute.text] : undefined;
      if (!real) continue;
      const written = `${object.text}.${attribute.text}`;
      const meant = `${object.text}.${real}`;
      report({
        node,
        message: `\`${written}\` does not exist: session props live under \`props\`; use \`${meant}\``,
        fix: { description: `use ${meant}`, edits: [{ start: attribute.startIndex, end: attribute.endIndex, text: real }], safe: true },
      });
    }
  },
};

/** `session`, `page.session`, `self.session`, `self.page.session`, `self.view.page.session`... */
function isSession(node: SyntaxNode): boolean {
  if (node.type === 'identifier') return node.text === 'session';
  return node.type === 'attribute' && node.childForFieldName('attribute')?.text === 'session';
}
