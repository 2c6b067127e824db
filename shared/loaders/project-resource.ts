// Reads a resource folder's `resource.json` (scope, version, files, attributes), tolerating its absence.
import { booleanFlag, jsonValue, problemAt, property } from './json-file';
import type { ProjectReader } from './project-files';

export interface Resource {
  file: string;
  scope?: string;
  files: string[];
  attributes: Record<string, unknown>;
}

/**
 * `resource.json` of `folder`. A missing one is a warning (the Designer always writes it, so the folder was
 * probably copied by hand) unless `mayBeMissing`; a malformed one is an error; both give empty attributes so the
 * resource still loads.
 */
export function readResource(reader: ProjectReader, folder: string, mayBeMissing = false): Resource {
  const file = `${folder}/resource.json`;
  const resource: Resource = { file, files: [], attributes: {} };
  const text = reader.readOptional(file);
  if (text === null) {
    if (!mayBeMissing) reader.problem(file, 1, 1, 'this resource.json is missing; export it again from the Designer so that the gateway accepts it', 'warning');
    return resource;
  }
  if (text === undefined) return resource;
  const read = readResourceFast(file, text) ?? readResourceWithPositions(reader, file, text, resource);
  for (const name of read.files) {
    // A view's thumbnail is the Designer's preview, which exports often leave out; nothing runs from it.
    if (name === 'thumbnail.png' || name.includes('/') || name.includes('\\') || reader.exists(`${folder}/${name}`)) continue;
    const at = text.indexOf(JSON.stringify(name));
    const before = at === -1 ? '' : text.slice(0, at);
    const line = before.split('\n').length;
    const column = at === -1 ? 1 : at - before.lastIndexOf('\n');
    reader.problem(file, line, column, `resource.json lists "${name}", which the folder does not hold; the gateway loads the resource without it: export the resource again, or remove the name from "files"`, 'warning');
  }
  return read;
}

/**
 * Most resource.json files are well formed, and a large project has hundreds: the native parser reads those.
 * Anything it rejects, or that holds a key that could reach a prototype, goes through the parser that gives
 * positions, so that the problem names the line.
 */
function readResourceFast(file: string, text: string): Resource | undefined {
  if (/"(__proto__|constructor|prototype)"/.test(text)) return undefined;
  let value: unknown;
  try {
    value = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch {
    return undefined;
  }
  if (!isObject(value) || (value.attributes !== undefined && !isObject(value.attributes))) return undefined;
  // A switch that is not a boolean is reported at its line.
  if (isObject(value.attributes) && value.attributes.enabled !== undefined && typeof value.attributes.enabled !== 'boolean') return undefined;
  return {
    file,
    ...(typeof value.scope === 'string' ? { scope: value.scope } : {}),
    files: Array.isArray(value.files) ? value.files.filter((f): f is string => typeof f === 'string') : [],
    attributes: isObject(value.attributes) ? value.attributes : {},
  };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function readResourceWithPositions(reader: ProjectReader, file: string, text: string, resource: Resource): Resource {
  const doc = reader.readJson(file, text);
  if (!doc?.root) return resource;
  if (doc.root.type !== 'object') {
    problemAt(doc, doc.root.offset, 'resource.json must hold an object such as {"scope": "G", "version": 1, "files": [...], "attributes": {...}}');
    return resource;
  }
  const scope = property(doc.root, 'scope');
  if (scope?.type === 'string') resource.scope = String(scope.value);
  const files = property(doc.root, 'files');
  if (files?.type === 'array') resource.files = (files.children ?? []).filter((f) => f.type === 'string').map((f) => String(f.value));
  const attributes = property(doc.root, 'attributes');
  if (attributes?.type === 'object') {
    resource.attributes = jsonValue(doc, attributes) as Record<string, unknown>;
    const enabled = property(attributes, 'enabled');
    if (enabled) resource.attributes.enabled = booleanFlag(doc, enabled, 'enabled', true);
  } else if (attributes) problemAt(doc, attributes.offset, '"attributes" must be an object');
  return resource;
}
