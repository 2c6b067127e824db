// Alarm notification pipelines: `com.inductiveautomation.alarm-notification/alarm-pipelines/<name>/data.bin`, a
// serialized PipelineDescriptor whose blocks are property sets; Script blocks and calculated rosters hold Jython.
import type { Script, Wrapper } from '../source/script';
import type { SerialElement } from './ignition-serialization';
import type { ProjectReader } from './project-files';
import { readSerialized, serializedScript, stringArgument, type SerializedFile } from './serialized-scripts';

export const PIPELINES_FOLDER = 'com.inductiveautomation.alarm-notification/alarm-pipelines';

/** The pipeline block properties that hold scripts, and the function the gateway wraps each in. */
const SCRIPTED: ReadonlyArray<{ property: string; wrapper: Wrapper; when?: { property: string; value: string } }> = [
  { property: 'script', wrapper: { name: 'handleAlarm', params: ['event'] } },
  { property: 'roster', wrapper: { name: 'calculateRoster', params: ['event', 'builder'] }, when: { property: 'rosterType', value: 'calculated' } },
];

export function loadAlarmPipelines(reader: ProjectReader): Script[] {
  const scripts: Script[] = [];
  reader.walk(reader.path(PIPELINES_FOLDER), (folder, name, entries) => {
    if (name === '' || !entries.some((e) => e.isFile() && e.name === 'data.bin')) return;
    const source = readSerialized(reader, `${folder}/data.bin`, 'alarm pipeline');
    if (source) scripts.push(...pipelineScripts(source, name));
  });
  return scripts;
}

function pipelineScripts(source: SerializedFile, pipeline: string): Script[] {
  const scripts: Script[] = [];
  let block = 0;
  for (const properties of propertySets(source, source.root)) {
    block++;
    for (const scripted of SCRIPTED) {
      const body = properties.get(scripted.property);
      if (body === undefined || (scripted.when && properties.get(scripted.when.property) !== scripted.when.value)) continue;
      const label = `block ${block}${scripted.property === 'roster' ? ' roster' : ''}`;
      scripts.push(serializedScript({
        source, location: `${pipeline}/${label}`, body, stored: { wrap: scripted.wrapper },
        role: { kind: 'alarm-pipeline', pipeline, block: label }, title: `pipeline ${pipeline} ${label}`,
      }));
    }
  }
  return scripts;
}

/**
 * Every property set of the tree as name → string value: an object whose `put` calls pair a key (a property
 * object, or a string, naming the property in its first string) with a string value.
 */
function propertySets(source: SerializedFile, root: SerialElement): Array<Map<string, string>> {
  const sets: Array<Map<string, string>> = [];
  const stack = [root];
  while (stack.length > 0) {
    const element = stack.pop()!;
    const puts = element.children.filter((c) => c.name === 'o-c' && c.attrs.m === 'put');
    if (puts.length > 0) {
      const values = new Map<string, string>();
      for (const put of puts) {
        const [key, value] = put.children.map((c) => source.resolve(c));
        const name = key && firstString(source, key);
        const text = stringArgument(source, value);
        if (name !== undefined && text !== undefined) values.set(name, text);
      }
      if (values.size > 0) sets.push(values);
    }
    for (let i = element.children.length - 1; i >= 0; i--) stack.push(element.children[i]);
  }
  return sets;
}

function firstString(source: SerializedFile, element: SerialElement): string | undefined {
  const stack = [element];
  while (stack.length > 0) {
    const e = source.resolve(stack.shift()!);
    if (e.name === 'str') return e.text;
    stack.push(...e.children);
  }
  return undefined;
}
