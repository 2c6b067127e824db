// Session events a person or another script causes: session messages, keystrokes and barcode scans.
import type { Json, Value } from '../engine/types';
import { follow, type MessageChain } from './message-chain';
import type { RuntimeParts } from './parts';
import { pageArg, sessionArg, type Session } from './session';

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

export async function key(parts: EventParts, session: Session, key: string, modifiers: Record<string, boolean> = {}): Promise<void> {
  const page = session.lastPage;
  if (!page) return;
  const event: Value = { $record: { key, code: key, altKey: false, ctrlKey: false, metaKey: false, shiftKey: false, ...modifiers } };
  for (const handler of parts.project.keyEvents) await parts.scripts.invoke(handler, [pageArg(page), event], { session, page }, 'onKeyEvent');
}

export async function barcode(parts: EventParts, session: Session, data: string): Promise<void> {
  const handler = parts.project.sessionEvents.onBarcodeDataReceived;
  if (!handler) return;
  // Perspective passes the scan as an object (data.text), with the page it came from in the context.
  const scan: Value = { $record: { text: data, timestamp: { $date: parts.clock.epochNow() } } };
  const context: Value = { $record: { pageId: session.lastPage?.id ?? null } };
  await parts.scripts.invoke(handler, [sessionArg(session), scan, context], { session, page: session.lastPage }, 'onBarcodeDataReceived');
}
