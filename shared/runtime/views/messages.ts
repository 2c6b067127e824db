// system.perspective.sendMessage: delivery to the component message handlers of the views open in a scope,
// after the sending script returns, one `message` event and one script run per handler instance.
import type { Json } from '../../engine/types';
import { HostError } from '../../engine/types';
import { follow, reportStorm, stormOf } from '../message-chain';
import type { ViewParts } from '../parts';
import type { Page, Session } from '../session';
import { scriptsOf, type MessageListener } from './catalog';
import type { ViewInstance } from './instance';
import { openViews } from './open-views';
import { currentCaller, runComponentScript } from './run';

export type MessageScope = 'session' | 'page' | 'view';

export interface ComponentMessage {
  type: string;
  payload: Json;
  scope: string;
  session: Session | undefined;
  page: Page | undefined;
  /** Sent from outside any view (an inspector, a scenario): the instance id of the view that scope "view" reaches. */
  view?: string;
  /** The line of the script that sent it. */
  where?: { file: string; line: number; column?: number };
}

interface Delivery {
  page: Page;
  instance: ViewInstance;
  component: string;
  listener: MessageListener;
}

function listening(listener: MessageListener, scope: MessageScope): boolean {
  return scope === 'session' ? listener.sessionScope : scope === 'page' ? listener.pageScope : listener.viewScope;
}

/** Handlers of `type` listening in `scope` on the given views, in page and tree order. */
function listenersIn(parts: ViewParts, pages: Array<{ page: Page; views: readonly ViewInstance[] }>, type: string, scope: MessageScope): Delivery[] {
  const out: Delivery[] = [];
  for (const { page, views } of pages) {
    for (const instance of views) {
      for (const component of ['', ...instance.components().map((c) => c.path)]) {
        for (const listener of scriptsOf(parts.project.views, instance.viewPath, component).messages) {
          if (listener.messageType === type && listening(listener, scope)) out.push({ page, instance, component, listener });
        }
      }
    }
  }
  return out;
}

/**
 * Finds the handlers now (the views open when the message is sent) and queues their runs on the session, so they
 * run after the sender returns. With no handler nothing runs; the trace says why.
 */
export function sendComponentMessage(parts: ViewParts, message: ComponentMessage): void {
  const { type, payload, session, page } = message;
  const scope = message.scope;
  if (scope !== 'session' && scope !== 'page' && scope !== 'view') throw new HostError('ValueError', `sendMessage scope must be "session", "page" or "view", not "${scope}"`);
  const caller = currentCaller(parts);
  const from = parts.scripts.current ? 'script' : 'client';
  const sender = caller && caller.page === page ? caller.instance : message.view !== undefined ? page && openViews(page).find((i) => i.id === message.view) : undefined;
  let deliveries: Delivery[] = [];
  let reason = '';
  if (!session) reason = 'no session';
  else if (scope === 'session') deliveries = listenersIn(parts, session.openPages().map((p) => ({ page: p, views: openViews(p) })), type, scope);
  else if (!page) reason = 'no page';
  else if (scope === 'page') deliveries = listenersIn(parts, [{ page, views: openViews(page) }], type, scope);
  else if (!sender) reason = message.view !== undefined ? `no view "${message.view}" is open on page ${page.id}` : 'scope "view" reaches the sending view only, and this script belongs to no view';
  else deliveries = listenersIn(parts, [{ page, views: [sender] }], type, scope);

  if (deliveries.length === 0) {
    parts.trace.add({ kind: 'message', session: session?.id ?? null, page: page?.id, name: type, payload, handled: false, scope, from, reason: reason || `no component handler of "${type}" listens in scope "${scope}"` });
    // A script's mistake; a person sending from outside (an inspector) gets the reason in the message event.
    if (parts.scripts.current && parts.project.messageHandlers.has(type)) {
      parts.divergences.report('unreachable-session-handler', `system.perspective.sendMessage("${type}") reaches component message handlers only; the Session Events handler "${type}" never receives it: call system.util.sendMessage(project, "${type}", payload, scope="S") for that`);
    }
    return;
  }
  const sessionId = session!.id;
  const chain = follow(parts.scripts.current?.chain, type);
  const storm = stormOf(chain, deliveries.length);
  if (storm) {
    reportStorm(parts, chain, storm, message.where);
    parts.trace.add({ kind: 'message', session: sessionId, page: page?.id, name: type, payload, handled: false, scope, from, reason: `message storm: ${storm}` });
    return;
  }
  void parts.queue.enqueue(sessionId, async () => {
    for (const d of deliveries) {
      parts.trace.add({ kind: 'message', session: sessionId, page: d.page.id, name: type, payload, handled: true, scope, from, view: d.instance.id, component: d.component === '' ? d.instance.viewPath : `${d.instance.viewPath}/${d.component}` });
      await runComponentScript(parts, d.page, d.instance, d.component, d.listener.handler, [payload], `message ${type}`, 0, chain);
    }
  });
}
