// What a CodeLens "Run" runs: a session event, a Session Events message handler or a component message handler,
// found in a file's scripts, and the scenario that runs it in the simulator.
import type { Json } from '../engine/types';
import type { Scenario, Step } from '../runtime/scenario';
import type { Script } from '../source/script';
import { pages } from './project-names';
import type { Unit } from './workspace';

/** Session events a person can cause from outside: opening and closing a session, opening a page. */
export type RunnableEvent = 'onStartup' | 'onShutdown' | 'onPageStartup';
const RUNNABLE: readonly RunnableEvent[] = ['onStartup', 'onShutdown', 'onPageStartup'];

export type RunTarget =
  | { kind: 'session-event'; event: RunnableEvent }
  | { kind: 'session-message'; messageType: string }
  | { kind: 'component-message'; view: string; component: string; messageType: string; scope: 'session' | 'page' | 'view' };

export interface RunLens {
  /** File offset the lens stands over. */
  offset: number;
  title: string;
  target: RunTarget;
  /** Whether a payload is asked for before running. */
  payload: boolean;
}

/** A run as the simulator receives it. */
export interface RunRequest {
  /** The project folder or the document the unit is. */
  source: string;
  target: RunTarget;
  payload?: { [key: string]: Json };
  fixturesFile?: string;
  strict?: boolean;
}

/** The Run lenses over a file's scripts. */
export function runLenses(scripts: readonly Script[]): RunLens[] {
  const lenses: RunLens[] = [];
  for (const script of scripts) {
    const role = script.role;
    const at = script.origin.originOffset(0);
    if (role.kind === 'session-event' && (RUNNABLE as readonly string[]).includes(role.event)) {
      lenses.push({ offset: at, title: `▶ Run ${role.event}`, target: { kind: 'session-event', event: role.event as RunnableEvent }, payload: false });
    } else if (role.kind === 'session-message-handler') {
      lenses.push({ offset: at, title: `▶ Run message handler "${role.messageType}"`, target: { kind: 'session-message', messageType: role.messageType }, payload: true });
    } else if (role.kind === 'component-message-handler') {
      // Scope "view" reaches the sending view only: sent from outside, it goes to the page's primary view.
      const scope = role.pageScope ? 'page' : role.sessionScope ? 'session' : role.viewScope ? 'view' : undefined;
      if (!scope) continue;
      lenses.push({
        offset: at, title: `▶ Run component handler "${role.messageType}"`,
        target: { kind: 'component-message', view: role.view, component: role.component, messageType: role.messageType, scope }, payload: true,
      });
    } else if (role.kind === 'module') {
      // A document's block or a .py module: its event functions by name.
      for (const m of script.text.matchAll(/^def[ \t]+(onStartup|onShutdown|onPageStartup)[ \t]*\(/gm)) {
        const event = m[1] as RunnableEvent;
        lenses.push({ offset: script.origin.originOffset(m.index), title: `▶ Run ${event}`, target: { kind: 'session-event', event }, payload: false });
      }
    }
  }
  return lenses.sort((a, b) => a.offset - b.offset);
}

/** The key a handler's last payload is remembered under. */
export function targetKey(source: string, target: RunTarget): string {
  return target.kind === 'session-event' ? `${source}#${target.event}` : target.kind === 'session-message' ? `${source}#message:${target.messageType}` : `${source}#${target.view}/${target.component}:${target.messageType}`;
}

/** The page a run opens: one showing the handler's view when there is one, else the first configured page. */
function pageFor(unit: Unit, target: RunTarget): string {
  const all = pages(unit);
  if (target.kind === 'component-message') {
    const showing = all.find((p) => p.viewPath === target.view);
    if (showing) return showing.url;
  }
  return all[0]?.url ?? '/';
}

/** The steps that make the target run, in a fresh session. */
export function runScenario(unit: Unit, request: RunRequest): Scenario {
  const path = pageFor(unit, request.target);
  const steps: Step[] = [{ kind: 'open', path, device: 'desktop', session: 's1', index: 1 }];
  const payload = request.payload ?? {};
  const target = request.target;
  if (target.kind === 'session-event' && target.event === 'onShutdown') steps.push({ kind: 'close', session: 's1', index: 2 });
  if (target.kind === 'session-message') steps.push({ kind: 'message', name: target.messageType, payload, session: 's1', index: 2 });
  if (target.kind === 'component-message') {
    steps.push({ kind: 'send', type: target.messageType, payload, scope: target.scope, ...(target.scope === 'view' ? { view: 'primary' } : {}), session: 's1', index: 2 });
  }
  const what = target.kind === 'session-event' ? target.event : target.messageType;
  return { file: request.source, name: `run ${what}`, steps };
}
