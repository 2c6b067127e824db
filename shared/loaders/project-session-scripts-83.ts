// Ignition 8.3 Session Events: one folder per event directly under com.inductiveautomation.perspective/, each
// with a `.py` file holding the whole `def` (earlier Periscope fixtures used a session-scripts/ folder: still read).
import type { Script, ScriptRole, Wrapper } from '../source/script';
import { readDefFile } from './project-def-file';
import type { ProjectReader } from './project-files';
import { readResource } from './project-resource';
import { FORM_SUBMISSION, KEY_EVENT, MESSAGE_HANDLER, SESSION_EVENTS } from './project-session-events';
import { PERSPECTIVE_FOLDER, SESSION_SCRIPTS_FOLDER } from './project-session-scripts-81';

/** Folders holding one sub-folder per named handler. */
export const NAMED_HANDLERS: Record<string, { wrapper: Wrapper; role: (name: string, enabled: boolean) => ScriptRole }> = {
  message: { wrapper: MESSAGE_HANDLER, role: (messageType, enabled) => ({ kind: 'session-message-handler', messageType, enabled }) },
  'key-event': { wrapper: KEY_EVENT, role: (name) => ({ kind: 'key-event', name }) },
  'form-submission-handler': { wrapper: FORM_SUBMISSION, role: (name) => ({ kind: 'form-submission', name }) },
};

/** Every 8.3 session event folder name: the events' own and the named handlers'. */
export const SESSION_EVENT_FOLDERS: readonly string[] = [...SESSION_EVENTS.map((e) => e.folder), ...Object.keys(NAMED_HANDLERS)];

export function loadSessionScripts83(reader: ProjectReader): Script[] {
  const scripts: Script[] = [];
  const read = new Set<string>();
  // The gateway's place first; the old place only for events the gateway's place does not hold.
  for (const base of [reader.path(PERSPECTIVE_FOLDER), reader.path(SESSION_SCRIPTS_FOLDER)]) {
    const legacy = base.endsWith(SESSION_SCRIPTS_FOLDER);
    for (const entry of reader.list(base)) {
      if (!entry.isDirectory()) continue;
      const known = SESSION_EVENT_FOLDERS.includes(entry.name);
      if (!known) {
        // Beside the events sit views, page-config, session-props...: only the old folder was events alone.
        if (legacy) reader.problem(`${base}/${entry.name}`, 1, 1, `"${entry.name}" is not a session event folder this gateway version knows; it is ignored`, 'warning');
        continue;
      }
      scripts.push(...readEventFolder(reader, `${base}/${entry.name}`, entry.name, read));
    }
  }
  return scripts;
}

/** The scripts of one event folder (`startup`) or named-handler folder (`message`), skipping events already read. */
function readEventFolder(reader: ProjectReader, folder: string, name: string, read: Set<string>): Script[] {
  const event = SESSION_EVENTS.find((e) => e.folder === name);
  if (event) {
    if (read.has(name)) return [];
    read.add(name);
    const resource = readResource(reader, folder);
    if (resource.attributes.enabled === false) return [];
    const script = readDefFile(reader, {
      folder, resource, wrapper: { name: event.event, params: event.params }, role: { kind: 'session-event', event: event.event }, title: event.event,
    });
    return script ? [script] : [];
  }
  const named = NAMED_HANDLERS[name];
  const scripts: Script[] = [];
  for (const handler of reader.list(folder)) {
    const key = `${name}/${handler.name}`;
    if (!handler.isDirectory() || read.has(key) || !reader.safeName(folder, handler.name)) continue;
    read.add(key);
    const handlerFolder = `${folder}/${handler.name}`;
    const resource = readResource(reader, handlerFolder);
    const enabled = resource.attributes.enabled !== false;
    const role = named.role(handler.name, enabled);
    // Disabled key and form handlers never run; disabled message handlers are kept so that a send can say so.
    if (!enabled && role.kind !== 'session-message-handler') continue;
    const script = readDefFile(reader, { folder: handlerFolder, resource, wrapper: named.wrapper, role, title: `${name} ${handler.name}` });
    if (script) scripts.push(script);
  }
  return scripts;
}
