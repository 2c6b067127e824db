// unreachable-session-handler: system.perspective.sendMessage aimed at a Session Events handler, and handlers nothing sends to.
import type { Rule } from '../rule';
import { sentMessageType, sentTypeReader } from '../facts';
import { eventFunctions } from '../events';

export const unreachableSessionHandler: Rule = {
  id: 'unreachable-session-handler',
  defaultSeverity: 'warning',
  summary: 'system.perspective.sendMessage to a message type only a Session Events handler listens for; it never arrives.',
  doc: `## What it does
Reports \`system.perspective.sendMessage("type", ...)\` when the only handler for \`"type"\` in the scripts linted
together is a Session Events message handler. As info, it also reports Session Events message handlers that
nothing in those scripts sends to.

## Why is this bad?
\`system.perspective.sendMessage\` reaches **component** message handlers only (with \`sessionScope\`,
\`pageScope\` or \`viewScope\`), never a Session Events handler, whatever its \`scope\`. Only
\`system.util.sendMessage(project, "type", payload, scope="S")\` reaches those. The message is dropped silently.

## Example
\`\`\`python
system.perspective.sendMessage("refreshData", {"type": "alarms"}, scope="session")
\`\`\`

## Use instead
\`\`\`python
system.util.sendMessage(system.util.getProjectName(), "refreshData", {"type": "alarms"}, scope="S")
\`\`\``,
  nodeTypes: ['call'],
  check({ script, nodes, project, report }) {
    if (project.sessionMessageTypes.size === 0 || !script.text.includes('sendMessage')) return;
    const sentBy = sentTypeReader(script.text);
    for (const call of nodes('call')) {
      const sent = sentBy(call);
      const type = sent?.via === 'perspective' ? sent.type : undefined;
      if (type === undefined || !project.sessionMessageTypes.has(type) || project.componentMessageTypes.has(type)) continue;
      // Only now the argument's node, for where to report: nearly every send reaches a handler.
      const node = sentMessageType(call, script.text)?.type;
      if (!node) continue;
      report({
        node,
        message: `'${type}' is handled only by a Session Events message handler, which system.perspective.sendMessage never reaches; use system.util.sendMessage(project, '${type}', payload, scope="S")`,
      });
    }
  },
  checkScript({ script, tree, project, report }) {
    if (script.role.kind !== 'session-message-handler' || !project.complete) return;
    const type = script.role.messageType;
    if (project.sentByUtil.has(type)) return;
    const def = eventFunctions(script, tree)[0]?.node;
    const name = def?.childForFieldName('name');
    report({
      ...(name && !script.wrapper ? { node: name } : { start: 0, end: 0 }),
      severity: 'info',
      message: `nothing in these scripts sends '${type}' with system.util.sendMessage(..., scope="S"), the only call that reaches this Session Events handler`,
    });
  },
};
