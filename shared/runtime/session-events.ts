// Session events a person or another script causes: session messages, keystrokes and barcode scans.
import type { Json, Value } from '../engine/types';
import type { Runtime } from './runtime';
import type { Session } from './session';

/** Delivers a session message (system.util.sendMessage with scope "S") to its Session Events handler. */
export async function message(runtime: Runtime, session: Session, name: string, payload: Json, scope = 'S'): Promise<void> {
  const handler = runtime.project.messageHandlers.get(name);
  runtime.event({ kind: 'message', session: session.id, name, payload, handled: handler !== undefined, scope });
  if (handler) await runtime.invoke(handler, [runtime.sessionArg(session), payload], { session }, `message ${name}`);
}

export async function key(runtime: Runtime, session: Session, key: string, modifiers: Record<string, boolean> = {}): Promise<void> {
  const page = session.lastPage;
  if (!page) return;
  const event: Value = { $record: { key, code: key, altKey: false, ctrlKey: false, metaKey: false, shiftKey: false, ...modifiers } };
  for (const handler of runtime.project.keyEvents) await runtime.invoke(handler, [runtime.pageArg(page), event], { session, page }, 'onKeyEvent');
}

export async function barcode(runtime: Runtime, session: Session, data: string): Promise<void> {
  const handler = runtime.project.sessionEvents.onBarcodeDataReceived;
  if (!handler) return;
  // Perspective passes the scan as an object (data.text), with the page it came from in the context.
  const scan: Value = { $record: { text: data, timestamp: { $date: runtime.clock.epochNow() } } };
  const context: Value = { $record: { pageId: session.lastPage?.id ?? null } };
  await runtime.invoke(handler, [runtime.sessionArg(session), scan, context], { session, page: session.lastPage }, 'onBarcodeDataReceived');
}
