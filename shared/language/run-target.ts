// What a CodeLens "Run" runs: a session event, a Session Events message handler or a component message handler,
// found in a file's scripts, and the scenario that runs it in the simulator.
import type { Json } from '../engine/types';
import type { Scenario, Step, UnnumberedStep } from '../runtime/scenario';
import { firedEventParams } from '../runtime/session-events';
import { FIRED_EVENTS, type FiredEvent } from '../runtime/fired-events';
import type { Script } from '../source/script';
import { pages } from './project-names';
import type { Unit } from './workspace';

/** Session events that run as a session or a page opens or closes: they take nothing but the session or page. */
const LIFECYCLE = ['onStartup', 'onShutdown', 'onPageStartup'] as const;
type LifecycleEvent = (typeof LIFECYCLE)[number];
/** Every Session Event a Run can fire: the lifecycle, a barcode scan, and the events fired with their arguments. */
export type RunnableEvent = LifecycleEvent | 'onBarcodeDataReceived' | Exclude<FiredEvent, 'handleSubmission'>;
const RUNNABLE: readonly string[] = [...LIFECYCLE, 'onBarcodeDataReceived', ...FIRED_EVENTS.filter((e) => e !== 'handleSubmission')];

export type RunTarget =
  | { kind: 'session-event'; event: RunnableEvent }
  | { kind: 'session-message'; messageType: string }
  | { kind: 'key-event'; name: string }
  | { kind: 'form-submission'; name: string }
  | { kind: 'component-message'; view: string; component: string; messageType: string; scope: 'session' | 'page' | 'view' };

/** What a Run asks for before it runs: a JSON object, its prompt, and what the box holds the first time. */
export interface PayloadQuestion {
  prompt: string;
  example: string;
}

export interface RunLens {
  /** File offset the lens stands over. */
  offset: number;
  title: string;
  target: RunTarget;
  /** What is asked for before running, when the handler takes a payload or an event object. */
  payload?: PayloadQuestion;
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

/** What a target's Run asks for: the payload of a message, the event object of a keystroke, a device's data. */
export function payloadQuestion(target: RunTarget): PayloadQuestion | undefined {
  switch (target.kind) {
    case 'session-message':
    case 'component-message':
      return { prompt: 'A JSON object, as the handler receives it in `payload`', example: '{}' };
    case 'key-event':
      return { prompt: 'The keystroke as a JSON object: `key` and the modifiers the handler reads in `event`', example: '{"key": "Enter", "ctrlKey": false, "shiftKey": false, "altKey": false, "metaKey": false}' };
    case 'form-submission':
      return { prompt: "handleSubmission's arguments by name, as a JSON object (`name` is the handler's)", example: '{"data": {}, "files": [], "retry": false}' };
    case 'session-event': {
      const event = target.event;
      if ((LIFECYCLE as readonly string[]).includes(event)) return undefined;
      if (event === 'onBarcodeDataReceived') return { prompt: 'The scan as a JSON object: `text` is what the handler reads as data.text', example: '{"text": "LOT-0001"}' };
      const params = firedEventParams(event as FiredEvent);
      const example = event === 'onAuthChallengeCompleted' ? '{"payload": {}, "result": {"success": true}}' : `{${params.map((p) => `"${p}": {}`).join(', ')}}`;
      return { prompt: `${event}'s arguments by name (${params.join(', ')}), as a JSON object; those left out get the gateway's defaults`, example };
    }
  }
}

/** The event a role's script answers, when a Run can fire it. */
function roleTarget(role: Script['role']): RunTarget | undefined {
  switch (role.kind) {
    case 'session-event':
      return RUNNABLE.includes(role.event) ? { kind: 'session-event', event: role.event as RunnableEvent } : undefined;
    case 'session-message-handler':
      return { kind: 'session-message', messageType: role.messageType };
    case 'key-event':
      return { kind: 'key-event', name: role.name };
    case 'form-submission':
      return { kind: 'form-submission', name: role.name };
    case 'component-message-handler': {
      // Scope "view" reaches the sending view only: sent from outside, it goes to the page's primary view.
      const scope = role.pageScope ? 'page' : role.sessionScope ? 'session' : role.viewScope ? 'view' : undefined;
      return scope ? { kind: 'component-message', view: role.view, component: role.component, messageType: role.messageType, scope } : undefined;
    }
    default:
      return undefined;
  }
}

function lensTitle(target: RunTarget): string {
  switch (target.kind) {
    case 'session-event': return `▶ Run ${target.event}`;
    case 'session-message': return `▶ Run message handler "${target.messageType}"`;
    case 'key-event': return `▶ Run key event "${target.name}"`;
    case 'form-submission': return `▶ Run form submission "${target.name}"`;
    case 'component-message': return `▶ Run component handler "${target.messageType}"`;
  }
}

function lens(offset: number, target: RunTarget): RunLens {
  const payload = payloadQuestion(target);
  return { offset, title: lensTitle(target), target, ...(payload ? { payload } : {}) };
}

/** A document's block or a .py module: its event functions by name, as the document conventions run them. */
const MODULE_EVENT = new RegExp(`^def[ \\t]+(${[...RUNNABLE, 'onKeyEvent'].join('|')})[ \\t]*\\(`, 'gm');

/** The Run lenses over a file's scripts. */
export function runLenses(scripts: readonly Script[]): RunLens[] {
  const lenses: RunLens[] = [];
  for (const script of scripts) {
    const target = roleTarget(script.role);
    if (target) lenses.push(lens(script.origin.originOffset(0), target));
    else if (script.role.kind === 'module') {
      for (const m of script.text.matchAll(MODULE_EVENT)) {
        const event = m[1];
        lenses.push(lens(script.origin.originOffset(m.index), event === 'onKeyEvent' ? { kind: 'key-event', name: event } : { kind: 'session-event', event: event as RunnableEvent }));
      }
    }
  }
  return lenses.sort((a, b) => a.offset - b.offset);
}

/** What a Run is called in its report, and the script its outcome comes first for. */
export function targetName(target: RunTarget): { what: string; focus: string } {
  switch (target.kind) {
    case 'session-event': return { what: target.event, focus: target.event };
    case 'key-event': return { what: `key event ${target.name}`, focus: 'onKeyEvent' };
    case 'form-submission': return { what: `form submission ${target.name}`, focus: 'handleSubmission' };
    default: return { what: target.messageType, focus: `message ${target.messageType}` };
  }
}

/** The key a handler's last payload is remembered under. */
export function targetKey(source: string, target: RunTarget): string {
  switch (target.kind) {
    case 'session-event': return `${source}#${target.event}`;
    case 'session-message': return `${source}#message:${target.messageType}`;
    case 'key-event': return `${source}#key:${target.name}`;
    case 'form-submission': return `${source}#form:${target.name}`;
    case 'component-message': return `${source}#${target.view}/${target.component}:${target.messageType}`;
  }
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

/** The step, after the page opens, that makes the target run; none for Startup and Page Startup, which the open runs. */
function targetStep(target: RunTarget, payload: { [key: string]: Json }): UnnumberedStep | undefined {
  const session = 's1';
  switch (target.kind) {
    case 'session-message':
      return { kind: 'message', name: target.messageType, payload, session };
    case 'component-message':
      return { kind: 'send', type: target.messageType, payload, scope: target.scope, ...(target.scope === 'view' ? { view: 'primary' } : {}), session };
    case 'key-event': {
      // The event object's booleans are its modifiers; the runtime builds the rest of the event from the key.
      const modifiers = Object.fromEntries(Object.entries(payload).filter((e): e is [string, boolean] => typeof e[1] === 'boolean'));
      return { kind: 'key', key: typeof payload.key === 'string' && payload.key !== '' ? payload.key : 'Enter', modifiers, handler: target.name, session };
    }
    case 'form-submission':
      return { kind: 'event', event: 'handleSubmission', name: target.name, args: payload, session };
    case 'session-event':
      if (target.event === 'onShutdown') return { kind: 'close', session };
      if (target.event === 'onBarcodeDataReceived') return { kind: 'barcode', data: typeof payload.text === 'string' ? payload.text : JSON.stringify(payload.text ?? ''), session };
      if (target.event === 'onStartup' || target.event === 'onPageStartup') return undefined;
      return { kind: 'event', event: target.event, args: payload, session };
  }
}

/** The steps that make the target run, in a fresh session. */
export function runScenario(unit: Unit, request: RunRequest): Scenario {
  const path = pageFor(unit, request.target);
  const steps: Step[] = [{ kind: 'open', path, device: 'desktop', session: 's1', index: 1 }];
  const step = targetStep(request.target, request.payload ?? {});
  if (step) steps.push({ ...step, index: 2 } as Step);
  return { file: request.source, name: `run ${targetName(request.target).what}`, steps };
}
