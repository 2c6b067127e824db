// Tag exports (`tags.json` from the Designer's tag browser, or a gateway's tag definitions): the event scripts of
// each tag, stored as bodies in `eventScripts: [{"eventid", "script"}]` and run in gateway scope.
import type { LoadProblem, Script, Wrapper } from '../source/script';
import { parseJsonFile, problemAt, property, type JsonFile, type JsonNode } from './json-file';
import { scriptFromJsonString } from './project-script-string';

const VALUE_EVENT = ['tag', 'tagPath', 'previousValue', 'currentValue', 'initialChange', 'missedEvents'];
const ALARM_EVENT = ['tag', 'tagPath', 'alarmName', 'alarmEvent', 'alarmPath', 'missedEvents'];

/**
 * The functions the gateway puts tag event bodies in (Ignition's Tag Event Scripts docs). UNSURE: alarmAcknowledged
 * is given `ackUser` too; an event id not listed here is wrapped with the value events' parameters.
 */
const TAG_EVENTS: Record<string, readonly string[]> = {
  valueChanged: VALUE_EVENT,
  qualityChanged: VALUE_EVENT,
  alarmActive: ALARM_EVENT,
  alarmCleared: ALARM_EVENT,
  alarmAcknowledged: [...ALARM_EVENT.slice(0, 5), 'ackUser', 'missedEvents'],
};

/** Whether a JSON text is a tag export: a quick test on the text before any parsing. */
export function looksLikeTagExport(text: string): boolean {
  return /"tagType"\s*:/.test(text.slice(0, 65536));
}

export function loadTagExport(file: string, text: string): { scripts: Script[]; problems: LoadProblem[] } {
  const doc = parseJsonFile(file, text);
  const scripts: Script[] = [];
  if (!doc.root) return { scripts, problems: doc.problems };
  // Explicit stack: a deep tag tree cannot exhaust the call stack.
  const stack: Array<{ node: JsonNode; path: string }> = [{ node: doc.root, path: '' }];
  while (stack.length > 0) {
    const { node, path } = stack.pop()!;
    if (node.type === 'array') {
      for (const child of [...(node.children ?? [])].reverse()) stack.push({ node: child, path });
      continue;
    }
    if (node.type !== 'object') continue;
    const name = property(node, 'name');
    const tagPath = name?.type === 'string' && name.value !== '' ? (path ? `${path}/${name.value}` : String(name.value)) : path;
    scripts.push(...eventScripts(doc, property(node, 'eventScripts'), tagPath));
    const tags = property(node, 'tags');
    if (tags?.type === 'array') for (const child of [...(tags.children ?? [])].reverse()) stack.push({ node: child, path: tagPath });
    else if (tags) problemAt(doc, tags.offset, '"tags" must be a list of tags; the tags under it are not read');
  }
  return { scripts, problems: doc.problems };
}

function eventScripts(doc: JsonFile, list: JsonNode | undefined, tagPath: string): Script[] {
  if (!list) return [];
  if (list.type !== 'array') {
    problemAt(doc, list.offset, '"eventScripts" must be a list of {"eventid", "script"}; none of them is read');
    return [];
  }
  const scripts: Script[] = [];
  for (const item of list.children ?? []) {
    const id = property(item, 'eventid');
    if (item.type !== 'object' || id?.type !== 'string') {
      problemAt(doc, item.offset, 'an event script needs an "eventid" such as "valueChanged"; this one is not read');
      continue;
    }
    if (property(item, 'enabled')?.value === false) continue;
    const event = String(id.value);
    const params = Object.hasOwn(TAG_EVENTS, event) ? TAG_EVENTS[event] : VALUE_EVENT;
    const wrapper: Wrapper = { name: event, params: [...params] };
    const script = scriptFromJsonString(doc, property(item, 'script'), wrapper, { kind: 'tag-event', tagPath, event }, `${tagPath}/${event}`, `tag ${tagPath} ${event}`);
    if (script) scripts.push(script);
  }
  return scripts;
}
