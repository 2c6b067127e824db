// Gateway Event scripts of a project: 8.1 keeps them all in `ignition/event-scripts/data.bin` (a serialized
// ScriptConfig), 8.3 in one folder per event under `ignition/` with a `.py` file holding the whole `def`.
import type { GatewayEvent, Script, Wrapper } from '../source/script';
import type { SerialElement } from './ignition-serialization';
import { readDefFile } from './project-def-file';
import type { ProjectReader } from './project-files';
import { readResource } from './project-resource';
import { readSerialized, serializedScript, setterValue, stringArgument, type SerializedFile } from './serialized-scripts';

export const EVENT_SCRIPTS_FILE = 'ignition/event-scripts/data.bin';

/** The names a legacy Tag Change script finds in its namespace (8.3 passes the same as parameters). */
const TAG_CHANGE_NAMES = ['initialChange', 'newValue', 'previousValue', 'event', 'executionCount'];

interface GatewayEventKind {
  event: GatewayEvent;
  /** The ScriptConfig setter that holds it in 8.1 (`setTimerScripts`). */
  setter: RegExp;
  /** The 8.3 folder under `ignition/`. */
  folder: string;
  /** The function 8.3 files define, when known. */
  function?: Wrapper;
  /**
   * How 8.1 stores it: module code the gateway runs as it is (with `globals` in its namespace), or a body it
   * wraps. UNSURE: the wrappers of Scheduled and Update scripts are not in public material; modelled here.
   */
  stored81: { module: true; globals?: readonly string[] } | { wrap: Wrapper };
}

export const GATEWAY_EVENTS: readonly GatewayEventKind[] = [
  { event: 'startup', setter: /^setStartupScript$/, folder: 'startup', function: { name: 'onStartup', params: [] }, stored81: { module: true } },
  { event: 'shutdown', setter: /^setShutdownScript$/, folder: 'shutdown', function: { name: 'onShutdown', params: [] }, stored81: { module: true } },
  { event: 'update', setter: /^setUpdateScript$/, folder: 'update', stored81: { module: true } },
  { event: 'timer', setter: /^setTimerScripts$/, folder: 'timer', function: { name: 'handleTimerEvent', params: [] }, stored81: { module: true } },
  {
    event: 'tag-change', setter: /^setTagChangeScripts$/, folder: 'tag-change',
    function: { name: 'onTagChange', params: TAG_CHANGE_NAMES }, stored81: { module: true, globals: TAG_CHANGE_NAMES },
  },
  {
    event: 'message', setter: /^setMessageHandlerScripts$/, folder: 'message',
    function: { name: 'handleMessage', params: ['payload'] }, stored81: { wrap: { name: 'handleMessage', params: ['payload'] } },
  },
  {
    event: 'scheduled', setter: /^setScheduledScripts$/, folder: 'scheduled-script',
    function: { name: 'onScheduledEvent', params: [] }, stored81: { wrap: { name: 'onScheduledEvent', params: [] } },
  },
];

/** Every Gateway Event script of the project, in whichever layout it is stored. */
export function loadGatewayEvents(reader: ProjectReader): Script[] {
  const file = reader.path(EVENT_SCRIPTS_FILE);
  return [...(reader.exists(file) ? loadEventScripts81(reader, file) : []), ...loadEventScripts83(reader)];
}

function loadEventScripts81(reader: ProjectReader, file: string): Script[] {
  const source = readSerialized(reader, file, 'Gateway Event scripts');
  if (!source) return [];
  const config = source.root.children.find((c) => c.name === 'o');
  const scripts: Script[] = [];
  for (const call of config?.children ?? []) {
    const kind = call.name === 'o-c' ? GATEWAY_EVENTS.find((k) => k.setter.test(call.attrs.m ?? '')) : undefined;
    if (!kind) continue;
    for (const entry of scriptEntries(source, call.children)) {
      if (entry.enabled === false) continue;
      const location = entry.name ? `${kind.folder}/${entry.name}` : kind.folder;
      scripts.push(serializedScript({
        source, location, body: entry.body, stored: kind.stored81,
        role: { kind: 'gateway-event', event: kind.event, ...(entry.name ? { name: entry.name } : {}) },
        title: entry.name ? `${kind.event} ${entry.name}` : kind.event,
      }));
    }
  }
  return scripts;
}

interface ScriptEntry {
  name?: string;
  body: string;
  enabled?: boolean;
}

/**
 * The scripts a setter's argument holds: a string (Startup), a map of keys to scripts (Timer, Message: `put`
 * calls of key object and string), or a list of beans with `setScript` (Tag Change, Scheduled).
 */
function scriptEntries(source: SerializedFile, args: readonly SerialElement[]): ScriptEntry[] {
  const entries: ScriptEntry[] = [];
  for (const arg of args.map((a) => source.resolve(a))) {
    const direct = stringArgument(source, arg);
    if (direct !== undefined) {
      entries.push({ body: direct });
      continue;
    }
    for (const put of arg.children.filter((c) => c.name === 'o-c' && c.attrs.m === 'put')) {
      const [key, value] = put.children.map((c) => source.resolve(c));
      const body = stringArgument(source, value);
      if (key && body !== undefined) entries.push(bean(source, key, body));
    }
    const items = arg.name === 'o' ? arg.children.filter((c) => c.name === 'o-c' && c.attrs.m === 'add').flatMap((c) => c.children) : arg.children;
    for (const item of items.map((c) => source.resolve(c))) {
      const body = item.name === 'o' ? setterValue(source, item, 'setScript') : undefined;
      if (body !== undefined) entries.push(bean(source, item, body));
    }
  }
  return entries;
}

function bean(source: SerializedFile, object: SerialElement, body: string): ScriptEntry {
  const name = setterValue(source, object, 'setName');
  const enabled = setterValue(source, object, 'setEnabled');
  return { body, ...(name ? { name } : {}), ...(enabled === 'false' ? { enabled: false } : {}) };
}

/** 8.3: `ignition/<event folder>/[<name>/]<function>.py`; every folder holding a `.py` file is one resource. */
function loadEventScripts83(reader: ProjectReader): Script[] {
  const scripts: Script[] = [];
  for (const kind of GATEWAY_EVENTS) {
    reader.walk(reader.path('ignition', kind.folder), (folder, name, entries) => {
      const files = entries.filter((e) => e.isFile() && e.name.endsWith('.py'));
      if (files.length > 0) scripts.push(...eventFolderScripts(reader, kind, folder, name, files.map((f) => f.name)));
    });
  }
  return scripts;
}

function eventFolderScripts(reader: ProjectReader, kind: GatewayEventKind, folder: string, name: string, files: string[]): Script[] {
  const resource = readResource(reader, folder);
  if (resource.attributes.enabled === false) return [];
  const known = kind.function && files.includes(`${kind.function.name}.py`) ? [`${kind.function.name}.py`] : files;
  const scripts: Script[] = [];
  for (const file of known) {
    const fn = file.slice(0, -3);
    const wrapper = kind.function?.name === fn ? kind.function : { name: fn, params: [] };
    const script = readDefFile(reader, {
      folder, resource, wrapper,
      role: { kind: 'gateway-event', event: kind.event, ...(name ? { name } : {}) },
      title: name ? `${kind.event} ${name}` : kind.event,
    });
    if (script) scripts.push(script);
  }
  return scripts;
}
