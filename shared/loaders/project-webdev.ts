// WebDev Python resources: `com.inductiveautomation.webdev/resources/<path>/do<Method>.py`, one whole
// `def doGet(request, session):` per HTTP method, enabled or not in the resource's config.json.
import type { Script } from '../source/script';
import { property } from './json-file';
import { readDefFile } from './project-def-file';
import type { ProjectReader } from './project-files';
import { readResource } from './project-resource';

export const WEBDEV_FOLDER = 'com.inductiveautomation.webdev/resources';

const METHODS = ['doGet', 'doPost', 'doPut', 'doDelete', 'doHead', 'doOptions', 'doTrace', 'doPatch'];

export function loadWebDev(reader: ProjectReader): Script[] {
  const scripts: Script[] = [];
  reader.walk(reader.path(WEBDEV_FOLDER), (folder, path, entries) => {
    if (path !== '' && entries.some((e) => e.isFile() && e.name === 'config.json')) scripts.push(...resourceScripts(reader, folder, path, entries.map((e) => e.name)));
  });
  return scripts;
}

/**
 * The enabled methods of one Python resource. A method the config disables is not compiled by the gateway (the
 * Designer leaves a bare `def` line for each), so it is not read either.
 */
function resourceScripts(reader: ProjectReader, folder: string, path: string, names: string[]): Script[] {
  const config = reader.readJson(`${folder}/config.json`);
  const type = property(config?.root, 'resource-type');
  if (type?.type === 'string' && type.value !== 'python-resource') return [];
  const resource = readResource(reader, folder);
  const scripts: Script[] = [];
  for (const method of METHODS) {
    const settings = property(config?.root, method);
    const enabled = property(settings, 'enabled')?.value === true;
    if (!enabled && !(settings === undefined && names.includes(`${method}.py`))) continue;
    const script = readDefFile(reader, {
      folder, resource, wrapper: { name: method, params: ['request', 'session'] },
      role: { kind: 'webdev', resource: path, method }, title: `WebDev ${path} ${method}`,
    });
    if (script) scripts.push(script);
  }
  return scripts;
}
