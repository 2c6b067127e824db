// page-call-without-page: a page-level system.perspective call where no page exists (Startup, Shutdown, session message handlers).
import type { Node as SyntaxNode } from 'web-tree-sitter';
import type { Rule } from '../rule';
import { findFunction } from '../../api/index';
import type { ApiFunction } from '../../api/types';
import { callArguments, calleeName, stringValue, type CallArguments } from '../syntax';
import { eventFunctionAt, mayRunWithoutPage, sessionEventSpec } from '../events';

export const pageCallWithoutPage: Rule = {
  id: 'page-call-without-page',
  defaultSeverity: 'error',
  scope: 'perspective',
  summary: 'A page-level system.perspective call (navigate, openPopup...) in Startup, Shutdown or a session message handler, where no page exists.',
  doc: `## What it does
Reports calls such as \`system.perspective.navigate\`, \`openPopup\`, \`closePopup\`, \`openDock\`, \`download\`,
\`print\`, \`setTheme\`, \`logout\` and \`sendMessage\` with page or view scope, made from the session Startup or
Shutdown event or from a Session Events message handler without both \`sessionId\` and \`pageId\`.

## Why is this bad?
An omitted \`sessionId\`/\`pageId\` means "the page this script runs for". Startup runs before any page exists,
Shutdown after the last one is gone, and a session message handler runs in gateway scope with no page: the call
fails (or does nothing) on a real gateway. Which functions need a page comes from Periscope's \`system.*\` table.

## Example
\`\`\`python
def onStartup(session):
	system.perspective.navigate(page="/home")
\`\`\`

## Use instead
Set the first page in the page configuration, or do it per page in Page Startup:
\`\`\`python
def onPageStartup(page):
	system.perspective.navigate(page="/home")
\`\`\`
or pass both ids of a page you know: \`system.perspective.navigate(page="/home", sessionId=sid, pageId=pid)\`.`,
  nodeTypes: ['call'],
  check({ script, nodes, report }) {
    if (!script.text.includes('system.perspective') || !mayRunWithoutPage(script)) return;
    const text = script.text;
    for (const call of nodes('call')) {
      if (!text.startsWith('system.perspective', call.startIndex)) continue;
      const event = eventFunctionAt(script, call);
      if (!event || !sessionEventSpec(event.event)?.pageless) continue;
      const name = calleeName(call);
      if (!name?.startsWith('system.perspective.')) continue;
      const fn = findFunction(name);
      if (!fn?.pageScoped) continue;
      const args = callArguments(call);
      if (args.splat || !needsPage(fn, args)) continue;
      const missing = ['sessionId', 'pageId'].filter((p) => argument(fn, args, p) === undefined);
      if (missing.length === 0) continue;
      const where = event.event === 'handleMessage' ? 'a session message handler' : event.event;
      report({
        node: call,
        message: `${name} needs a page, and ${where} has none: pass ${missing.join(' and ')} of the page to act on, or move the call to onPageStartup or a view`,
      });
    }
  },
};

/** Whether this call acts on a page: always for navigate & co, by the value of `scope` for sendMessage. */
export function needsPage(fn: ApiFunction, args: CallArguments): boolean {
  const scoped = fn.pageScoped;
  if (typeof scoped !== 'object' || !scoped) return Boolean(scoped);
  const given = argument(fn, args, scoped.param);
  let value: string | undefined;
  if (given) value = stringValue(given);
  else value = defaultOf(fn, scoped.param);
  // A computed scope may or may not be page-level: say nothing rather than guess.
  return value !== undefined && scoped.values.includes(value);
}

/** The node passed for `param`, by keyword or position. */
export function argument(fn: ApiFunction, args: CallArguments, param: string): SyntaxNode | undefined {
  const keyword = args.keywords.get(param);
  if (keyword) return keyword;
  const index = fn.signatures[0]?.params.findIndex((p) => p.name === param) ?? -1;
  return index >= 0 ? args.positional[index] : undefined;
}

function defaultOf(fn: ApiFunction, param: string): string | undefined {
  const text = fn.signatures[0]?.params.find((p) => p.name === param)?.default;
  const m = text && /^(['"])(.*)\1$/.exec(text);
  return m ? m[2] : undefined;
}
