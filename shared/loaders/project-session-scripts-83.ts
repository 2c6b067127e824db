// Ignition 8.3 Session Events: one folder per event, each with a `.py` file holding the whole `def`.
import { LineIndex, OriginMap } from '../source/origin';
import type { Script, ScriptRole, Wrapper } from '../source/script';
import type { ProjectReader } from './project-files';
import { readResource } from './project-resource';
import { FORM_SUBMISSION, KEY_EVENT, MESSAGE_HANDLER, SESSION_EVENTS } from './project-session-events';
import { SESSION_SCRIPTS_FOLDER } from './project-session-scripts-81';

/** Folders holding one sub-folder per named handler. */
const NAMED_HANDLERS: Record<string, { wrapper: Wrapper; role: (name: string, enabled: boolean) => ScriptRole }> = {
  message: { wrapper: MESSAGE_HANDLER, role: (messageType, enabled) => ({ kind: 'session-message-handler', messageType, enabled }) },
  'key-event': { wrapper: KEY_EVENT, role: (name) => ({ kind: 'key-event', name }) },
  'form-submission-handler': { wrapper: FORM_SUBMISSION, role: (name) => ({ kind: 'form-submission', name }) },
};

export function loadSessionScripts83(reader: ProjectReader): Script[] {
  const base = reader.path(SESSION_SCRIPTS_FOLDER);
  const scripts: Script[] = [];
  for (const entry of reader.list(base)) {
    if (!entry.isDirectory()) continue;
    const folder = `${base}/${entry.name}`;
    const event = SESSION_EVENTS.find((e) => e.folder === entry.name);
    const named = Object.hasOwn(NAMED_HANDLERS, entry.name) ? NAMED_HANDLERS[entry.name] : undefined;
    if (event) {
      const enabled = readResource(reader, folder).attributes.enabled !== false;
      if (!enabled) continue;
      const script = readDefFile(reader, folder, { name: event.event, params: event.params }, { kind: 'session-event', event: event.event }, event.event);
      if (script) scripts.push(script);
    } else if (named) {
      for (const handler of reader.list(folder)) {
        if (!handler.isDirectory()) continue;
        const handlerFolder = `${folder}/${handler.name}`;
        const enabled = readResource(reader, handlerFolder).attributes.enabled !== false;
        const role = named.role(handler.name, enabled);
        // Disabled key and form handlers never run; disabled message handlers are kept so that a send can say so.
        if (!enabled && role.kind !== 'session-message-handler') continue;
        const script = readDefFile(reader, handlerFolder, named.wrapper, role, `${entry.name} ${handler.name}`);
        if (script) scripts.push(script);
      }
    } else {
      reader.problem(folder, 1, 1, `"${entry.name}" is not a session event folder this gateway version knows; it is ignored`, 'warning');
    }
  }
  return scripts;
}

function readDefFile(reader: ProjectReader, folder: string, wrapper: Wrapper, role: ScriptRole, title: string): Script | undefined {
  const file = `${folder}/${wrapper.name}.py`;
  if (!reader.exists(file)) {
    reader.problem(file, 1, 1, `this event's script file is missing; the folder should hold ${wrapper.name}.py with "def ${wrapper.name}(${wrapper.params.join(', ')}):"`);
    return undefined;
  }
  const text = reader.readText(file);
  if (text === undefined) return undefined;
  const lines = new LineIndex(text);
  if (!new RegExp(`^def\\s+${wrapper.name}\\s*\\(`, 'm').test(text)) {
    reader.problem(file, 1, 1, `the file does not define ${wrapper.name}(${wrapper.params.join(', ')}), so the gateway has nothing to call`, 'warning');
  }
  // The file holds the whole `def`, so the script is a module; the role says which function the gateway calls.
  return { id: file, role, text, origin: OriginMap.slice(file, lines, 0), title };
}
