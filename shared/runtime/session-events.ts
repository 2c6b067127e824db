// Session events a person, a device or another script causes: session messages, keystrokes, barcode scans, and the
// events a Perspective App device, an identity provider or a form submission fires.
import type { Json, Value } from '../engine/types';
import { FORM_SUBMISSION, SESSION_EVENTS } from '../loaders/project-session-events';
import type { Handler } from './handler';
import { follow, type MessageChain } from './message-chain';
import type { RuntimeParts } from './parts';
import { pageArg, sessionArg, type Session } from './session';
import { isObject } from './tree';
import type { FiredEvent } from './fired-events';

/** What session events use of a runtime. */
export type EventParts = Pick<RuntimeParts, 'trace' | 'clock' | 'scripts' | 'project'>;

/**
 * Delivers a session message (system.util.sendMessage with scope "S") to its Session Events handler. `chain`: the
 * messages that led to this one; without it, the message starts a chain of its own (a person or scenario sent it).
 * `from`: whether a script sent it (system.util.sendMessage) or a client, a scenario or an inspector did.
 */
export async function message(parts: EventParts, session: Session, name: string, payload: Json, scope = 'S', chain: MessageChain = follow(undefined, name), from: 'client' | 'script' = 'client'): Promise<void> {
  const handler = parts.project.messageHandlers.get(name);
  parts.trace.add({ kind: 'message', session: session.id, name, payload, handled: handler !== undefined, scope, from });
  if (handler) await parts.scripts.invoke(handler, [sessionArg(session), payload], { session, chain }, `message ${name}`);
}

/**
 * A keystroke on the session's last page, to every keystroke handler, or to the one named `handler` (a Run of that
 * handler); returns why it could not be delivered, if it could not.
 */
export async function key(parts: EventParts, session: Session, key: string, modifiers: Record<string, boolean> = {}, handler?: string): Promise<string | undefined> {
  const page = session.lastPage;
  if (!page) return undefined;
  const keyEvents = parts.project.keyEvents;
  const named = handler === undefined ? undefined : keyEvents.get(handler);
  if (handler !== undefined && !named) return `the project has no keystroke handler "${handler}"${keyEvents.size ? `; it has ${[...keyEvents.keys()].map((n) => `"${n}"`).join(', ')}` : ''}`;
  const event: Value = { $record: { key, code: key, altKey: false, ctrlKey: false, metaKey: false, shiftKey: false, ...modifiers } };
  for (const each of named ? [named] : keyEvents.values()) await parts.scripts.invoke(each, [pageArg(page), event], { session, page }, 'onKeyEvent');
  return undefined;
}

export async function barcode(parts: EventParts, session: Session, data: string): Promise<void> {
  const handler = parts.project.sessionEvents.onBarcodeDataReceived;
  if (!handler) return;
  // Perspective passes the scan as an object (data.text), with the page it came from in the context.
  const scan: Value = { $record: { text: data, timestamp: { $date: parts.clock.epochNow() } } };
  const context: Value = { $record: { pageId: session.lastPage?.id ?? null } };
  await parts.scripts.invoke(handler, [sessionArg(session), scan, context], { session, page: session.lastPage }, 'onBarcodeDataReceived');
}

/** Session events fired with arguments a scenario gives: a device's data, an identity provider's answer, a form. */

/** The parameters of a fired event's function after `session`, in the order the gateway passes them. */
export function firedEventParams(event: FiredEvent): string[] {
  const params = event === 'handleSubmission' ? FORM_SUBMISSION.params : SESSION_EVENTS.find((e) => e.event === event)?.params ?? [];
  return params.slice(1);
}

/** Why a fired event's arguments (by name) or handler name do not fit it; undefined when they do. */
export function firedEventProblem(event: FiredEvent, args: object, name: unknown): string | undefined {
  const params = firedEventParams(event);
  const unknown = Object.keys(args).find((param) => !params.includes(param));
  if (unknown !== undefined) return `${event} takes ${params.join(', ')}, not "${unknown}"`;
  if (event === 'handleSubmission') return typeof name !== 'string' || name === '' ? '"name" names the form submission handler to run' : undefined;
  return name !== undefined ? '"name" belongs to handleSubmission steps only' : undefined;
}

/** What the simulated person's passed challenge returns to onAuthChallengeCompleted (its exact shape on a gateway is not documented). */
export function challengeResult(session: Session, idp: Json): Value {
  return { $record: { success: true, userName: session.user?.username ?? null, idp } };
}

/**
 * Runs a fired event's handler with `args` by parameter name; a parameter not given gets what the gateway would
 * pass without more to say (the page as context, a passed challenge, no files). Event objects (data, context,
 * result) are read-only objects with attributes, as Java objects are; a payload and a form's data stay dicts.
 * Returns why it could not run, if it could not.
 */
export async function fireEvent(parts: EventParts, session: Session, event: FiredEvent, args: { [name: string]: Json }, name?: string): Promise<string | undefined> {
  const handler: Handler | undefined = event === 'handleSubmission' ? parts.project.formSubmissions?.get(name ?? '') : parts.project.sessionEvents[event];
  if (!handler) {
    if (event !== 'handleSubmission') return `the project has no ${event} session event`;
    const names = [...(parts.project.formSubmissions?.keys() ?? [])];
    return `the project has no form submission handler "${name ?? ''}"${names.length ? `; it has ${names.map((n) => `"${n}"`).join(', ')}` : ''}`;
  }
  const page = session.lastPage;
  const given = (param: string): Value => {
    const value = args[param];
    if (value !== undefined) return isObject(value) && !(param === 'payload' || (event === 'handleSubmission' && param === 'data')) ? { $record: value } : value;
    switch (param) {
      case 'context': return { $record: { pageId: page?.id ?? null } };
      case 'result': return challengeResult(session, 'default');
      case 'name': return name ?? null;
      case 'files': return [];
      case 'retry': return false;
      default: return null;
    }
  };
  await parts.scripts.invoke(handler, [sessionArg(session), ...firedEventParams(event).map(given)], { session, page }, event);
  return undefined;
}
