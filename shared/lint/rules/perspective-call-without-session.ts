// perspective-call-without-session: a system.perspective call in gateway scope that does not say which session.
import type { Rule } from '../rule';
import { findFunction } from '../../api/index';
import { callArguments, calleeName } from '../syntax';
import { argument, needsPage } from './page-call-without-page';

export const perspectiveCallWithoutSession: Rule = {
  id: 'perspective-call-without-session',
  defaultSeverity: 'error',
  scope: 'gateway',
  summary: 'A system.perspective call in a gateway-scope script (Gateway Event, WebDev, tag event, pipeline, report) without the sessionId it needs there.',
  doc: `## What it does
In scripts that run in the gateway's own scope (Gateway Events, WebDev handlers, tag event scripts, alarm pipeline
and report scripts), reports calls to \`system.perspective\` functions that act on a session or a page
(\`navigate\`, \`openPopup\`, \`sendMessage\`, \`closeSession\`, \`print\`...) without \`sessionId\`, and page-level ones
without \`pageId\`.

## Why is this bad?
An omitted \`sessionId\`/\`pageId\` means "the session and page this script runs for", and a gateway-scope script
runs for none: the call raises an error (or does nothing) on a real gateway. Which session to act on has to come
from somewhere: \`system.perspective.getSessionInfo()\` lists the open sessions and their pages.

## Example
\`\`\`python
def handleTimerEvent():
	system.perspective.sendMessage("refresh", scope="session")
\`\`\`

## Use instead
\`\`\`python
def handleTimerEvent():
	for info in system.perspective.getSessionInfo(projectFilter=system.util.getProjectName()):
		system.perspective.sendMessage("refresh", scope="session", sessionId=info.id)
\`\`\``,
  nodeTypes: ['call'],
  check({ script, nodes, report }) {
    if (!script.text.includes('system.perspective')) return;
    for (const call of nodes('call')) {
      if (!script.text.startsWith('system.perspective', call.startIndex)) continue;
      const name = calleeName(call);
      const fn = name?.startsWith('system.perspective.') ? findFunction(name) : undefined;
      const params = fn?.signatures[0]?.params.map((p) => p.name) ?? [];
      if (!fn || !params.includes('sessionId')) continue;
      const args = callArguments(call);
      if (args.splat) continue;
      const needed = params.includes('pageId') && needsPage(fn, args) ? ['sessionId', 'pageId'] : ['sessionId'];
      const missing = needed.filter((p) => argument(fn, args, p) === undefined);
      if (missing.length === 0) continue;
      report({
        node: call,
        message: `${name} runs here in gateway scope, where there is no current session or page: pass ${missing.join(' and ')} (system.perspective.getSessionInfo() lists the open sessions)`,
      });
    }
  },
};
