// Go to definition and find references: message types between senders and handlers, named query paths to their
// query.sql, pages to their view, library calls to their code.py.
import { findNodeAtOffset, parseTree } from 'jsonc-parser';
import { argumentKind } from './argument-kinds';
import { dottedAt, enclosingCall } from './code-context';
import { pointAt, stringAtPoint, type FileLocation, type FileView, type ScriptPoint } from './file-view';
import { namedQueries, pages, resolveLibrary } from './project-names';

/** A message type under the offset, and whether it is written where it is sent or where it is handled. */
interface MessageAt {
  messageType: string;
  kind: 'session' | 'component';
  side: 'send' | 'handler';
}

export function definition(view: FileView, fileOffset: number): FileLocation[] {
  const message = messageAt(view, fileOffset);
  if (message) return message.side === 'send' ? handlerLocations(view, message) : sendLocations(view, message);
  const point = pointAt(view, fileOffset);
  if (!point || point.context.inComment) return [];
  if (point.context.string) return namedDefinition(view, point);
  const name = dottedAt(point.script.text, point.offset);
  if (!name || !view.unit.globals.includes(name.name.split('.')[0])) return [];
  const library = resolveLibrary(view.unit, name.name);
  if (!library) return [];
  const at = library.fn ? library.script.origin.originOffset(library.fn.offset) : 0;
  return [{ file: library.script.origin.file, start: at, end: at }];
}

export function references(view: FileView, fileOffset: number, includeDeclaration = true): FileLocation[] {
  const message = messageAt(view, fileOffset);
  if (!message) return [];
  return [...sendLocations(view, message), ...(includeDeclaration ? handlerLocations(view, message) : [])];
}

function handlerLocations(view: FileView, message: MessageAt): FileLocation[] {
  return view.workspace.handlers(view.unit, message.messageType).filter((h) => h.kind === message.kind).map(({ file, start, end }) => ({ file, start, end }));
}

function sendLocations(view: FileView, message: MessageAt): FileLocation[] {
  const via = message.kind === 'session' ? 'util' : 'perspective';
  return view.workspace.sends(view.unit, message.messageType).filter((s) => s.via === via).map(({ file, start, end }) => ({ file, start, end }));
}

function messageAt(view: FileView, fileOffset: number): MessageAt | undefined {
  const point = pointAt(view, fileOffset);
  const string = point && stringAtPoint(point);
  if (point && string) {
    const call = enclosingCall(point.context, true);
    const kind = call && argumentKind(call);
    if (kind === 'session-message' || kind === 'component-message') return { messageType: string.value, kind: kind === 'session-message' ? 'session' : 'component', side: 'send' };
    // A handler's name written as a string elsewhere: the key of a document's configure_message_handlers().
    const handler = view.workspace.handlers(view.unit, string.value).find((h) => h.file === view.file);
    if (handler) return { messageType: string.value, kind: handler.kind, side: 'handler' };
  }
  if (point) {
    // On the `def` line of a handler file (8.3 `message/<name>/handleMessage.py`, a view's wrapped handler).
    const role = point.script.role;
    const firstLine = !point.script.text.slice(0, point.offset).includes('\n');
    if (firstLine && (role.kind === 'session-message-handler' || role.kind === 'component-message-handler')) {
      return { messageType: role.messageType, kind: role.kind === 'session-message-handler' ? 'session' : 'component', side: 'handler' };
    }
  }
  return /\.(json|bin)$/.test(view.file) ? jsonHandlerName(view, fileOffset) : undefined;
}

/** `"messageType": "x"` of a view's handler, or `"name": "x"` of a data.bin handler, under the offset. */
function jsonHandlerName(view: FileView, fileOffset: number): MessageAt | undefined {
  const root = parseTree(view.text);
  const node = root && findNodeAtOffset(root, fileOffset);
  if (!node || node.type !== 'string' || node.parent?.type !== 'property' || node.parent.children?.[1] !== node) return undefined;
  const key = node.parent.children?.[0]?.value;
  const kind = key === 'messageType' ? 'component' : key === 'name' ? 'session' : undefined;
  if (!kind) return undefined;
  const messageType = String(node.value);
  const known = view.workspace.handlers(view.unit, messageType).some((h) => h.kind === kind && h.file === view.file);
  return known ? { messageType, kind, side: 'handler' } : undefined;
}

function namedDefinition(view: FileView, point: ScriptPoint): FileLocation[] {
  const call = enclosingCall(point.context, true);
  const kind = call && argumentKind(call);
  const string = stringAtPoint(point);
  if (!kind || !string) return [];
  if (kind === 'named-query') {
    const query = namedQueries(view.unit).find((q) => q.path === string.value);
    return query?.location ? [query.location] : [];
  }
  if (kind === 'page') {
    const page = pages(view.unit).find((p) => p.url === string.value);
    const viewFile = page?.viewPath ? view.unit.project?.views[page.viewPath]?.file : undefined;
    return viewFile ? [{ file: viewFile, start: 0, end: 0 }] : [];
  }
  return [];
}
