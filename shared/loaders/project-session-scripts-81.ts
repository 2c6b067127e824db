// Ignition 8.1 Session Events: `session-scripts/data.bin`, plain JSON holding each event's body without `def`.
import type { Script } from '../source/script';
import { booleanFlag, entries, problemAt, property, type JsonFile, type JsonNode } from './json-file';
import type { ProjectReader } from './project-files';
import { readResource } from './project-resource';
import { MESSAGE_HANDLER, SESSION_EVENTS } from './project-session-events';
import { scriptFromJsonString } from './project-script-string';

export const PERSPECTIVE_FOLDER = 'com.inductiveautomation.perspective';
export const SESSION_SCRIPTS_FOLDER = `${PERSPECTIVE_FOLDER}/session-scripts`;

export function loadSessionScripts81(reader: ProjectReader): Script[] {
  // A broken manifest is reported (the scripts still load); a missing one is left alone, as hand-made 8.1 folders often lack it.
  readResource(reader, reader.path(SESSION_SCRIPTS_FOLDER), true);
  const file = reader.path(SESSION_SCRIPTS_FOLDER, 'data.bin');
  const doc = reader.readJson(file);
  const scripts: Script[] = [];
  if (!doc?.root) return scripts;
  if (doc.root.type !== 'object') {
    problemAt(doc, doc.root.offset, 'data.bin must hold one JSON object of session events ({"onStartup": "\\t...", "messageHandlers": [...]})');
    return scripts;
  }
  for (const [key, node] of entries(doc, doc.root)) {
    const kind = SESSION_EVENTS.find((e) => e.event === key);
    if (kind) {
      const script = scriptFromJsonString(doc, node, { name: kind.event, params: kind.params }, { kind: 'session-event', event: kind.event }, kind.event, kind.event);
      if (script) scripts.push(script);
    } else if (key === 'messageHandlers') {
      scripts.push(...messageHandlers(doc, node));
    } else {
      problemAt(doc, node.parent?.offset ?? node.offset, `"${key}" is not a session event this gateway version stores in data.bin; it is ignored`, 'warning');
    }
  }
  return scripts;
}

function messageHandlers(doc: JsonFile, node: JsonNode): Script[] {
  const scripts: Script[] = [];
  if (node.type !== 'array') {
    problemAt(doc, node.offset, '"messageHandlers" must be a list of {"name", "enabled", "script"}');
    return scripts;
  }
  const seen = new Set<string>();
  for (const item of node.children ?? []) {
    const name = property(item, 'name');
    if (item.type !== 'object' || name?.type !== 'string' || String(name.value) === '') {
      problemAt(doc, item.offset, 'a message handler needs a "name" string; give it the message type scripts send');
      continue;
    }
    const messageType = String(name.value);
    if (seen.has(messageType)) problemAt(doc, name.offset, `a second message handler is named "${messageType}"; the gateway keeps only one, rename or remove it`);
    seen.add(messageType);
    const enabled = booleanFlag(doc, property(item, 'enabled'), 'enabled', true);
    const script = scriptFromJsonString(
      doc, property(item, 'script'), MESSAGE_HANDLER,
      { kind: 'session-message-handler', messageType, enabled }, `messageHandlers/${messageType}`, `message ${messageType}`,
    );
    if (script) scripts.push(script);
  }
  return scripts;
}
