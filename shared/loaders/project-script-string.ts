// Turns a script stored in a JSON string (data.bin, view.json) into a runnable Script mapped to the JSON file.
import type { Script, ScriptRole, Wrapper } from '../source/script';
import { wrapBody } from '../source/wrap';
import { decodeJsonString, problemAt, type JsonFile, type JsonNode } from './json-file';

/** `node` must be a JSON string holding a body without its `def` line; anything else is a problem, not a script. */
export function scriptFromJsonString(
  doc: JsonFile, node: JsonNode | undefined, wrapper: Wrapper, role: ScriptRole, location: string, title?: string,
): Script | undefined {
  if (!node) return undefined;
  if (node.type !== 'string') {
    problemAt(doc, node.offset, `the script at ${location} must be a JSON string, not ${node.type === 'null' ? 'null' : `a ${node.type}`}`);
    return undefined;
  }
  const body = decodeJsonString(doc, node);
  const wrapped = wrapBody(body, wrapper);
  return { id: `${doc.file}#${location}`, role, text: wrapped.text, wrapper, origin: wrapped.origin, ...(title ? { title } : {}) };
}
