// Session props of a project: `session-props/props.json` = {custom, props, propConfig}.
import { entries, jsonValue, problemAt, type JsonFile } from './json-file';
import type { ProjectReader } from './project-files';

export interface SessionPropsConfig {
  /** Defaults of `session.custom.*` for every new session. */
  custom: Record<string, unknown>;
  /** Defaults of built-in `session.props.*` the project changed. */
  props: Record<string, unknown>;
  /** Per-path settings such as access (`PUBLIC`, `PROTECTED`, `PRIVATE`, `SYSTEM`) and persistence. */
  propConfig: Record<string, unknown>;
}

export function loadSessionProps(reader: ProjectReader): SessionPropsConfig {
  const config: SessionPropsConfig = { custom: {}, props: {}, propConfig: {} };
  const file = reader.path('com.inductiveautomation.perspective/session-props/props.json');
  if (!reader.exists(file)) return config;
  const doc = reader.readJson(file);
  if (!doc?.root) return config;
  if (doc.root.type !== 'object') {
    problemAt(doc, doc.root.offset, 'props.json must hold an object {"custom": {...}, "props": {...}, "propConfig": {...}}');
    return config;
  }
  for (const [key, node] of entries(doc, doc.root)) {
    if (key !== 'custom' && key !== 'props' && key !== 'propConfig') {
      problemAt(doc, node.parent?.offset ?? node.offset, `"${key}" is not part of session props; expected custom, props, propConfig`, 'warning');
      continue;
    }
    const value = objectValue(doc, node, key);
    if (value) config[key] = value;
  }
  return config;
}

function objectValue(doc: JsonFile, node: Parameters<typeof jsonValue>[1], what: string): Record<string, unknown> | undefined {
  if (node?.type === 'object') return jsonValue(doc, node) as Record<string, unknown>;
  if (node) problemAt(doc, node.offset, `"${what}" must be an object`);
  return undefined;
}
