// "Edit embedded script": a script stored in a JSON string of view.json or data.bin, opened as a Python document of
// its own and written back into its string on save, changing no other byte of the file.
import { findNodeAtOffset, parseTree } from 'jsonc-parser';
import { LineIndex, OriginMap } from '../source/origin';
import type { Script, ScriptRole, Wrapper } from '../source/script';
import { wrapBody } from '../source/wrap';
import { escapeStyle, decodeJsonContent, rewriteJsonContent } from './json-string';
import { originSpan } from './script-at';
import type { FileEdit } from './file-view';

/** A script held in a JSON string, as the editor opens it. */
export interface EmbeddedScript {
  /** The JSON file. */
  file: string;
  /** The script's location in the file (`root/Button.events.component.onActionPerformed`), as in its id. */
  location: string;
  /** The path of the Python document that shows it: the JSON file's path, the location, `.py`. */
  path: string;
  /** The script's body, decoded: what the Python document holds. */
  body: string;
  role: ScriptRole;
  wrapper?: Wrapper;
  title?: string;
}

const EMBEDDED = /^(.*\.(?:json|bin))\/([^/]+)\.py$/;

/** The Python document path of a location in a JSON file. */
export function embeddedPath(file: string, location: string): string {
  // Letters, digits and `._-` as themselves, everything else as ~XXXX: safe in a path and in a URI.
  return `${file}/${location.replace(/[^A-Za-z0-9._-]/g, (c) => `~${c.charCodeAt(0).toString(16).padStart(4, '0')}`)}.py`;
}

/** The JSON file and location a Python document path names, if it names one. */
export function parseEmbeddedPath(path: string): { file: string; location: string } | undefined {
  const m = EMBEDDED.exec(path);
  return m ? { file: m[1], location: m[2].replace(/~([0-9a-f]{4})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))) } : undefined;
}

/** The JSON-stored script under `offset` of a JSON file, from the file's scripts. */
export function embeddedScriptAt(file: string, text: string, scripts: readonly Script[], offset: number): EmbeddedScript | undefined {
  const script = scripts.find((s) => {
    const span = originSpan(s);
    return s.id.startsWith(`${file}#`) && offset >= span.start - 1 && offset <= span.end + 1;
  });
  return script && embeddedScript(file, text, script);
}

/** The script with this location in the JSON file. */
export function embeddedScriptNamed(file: string, text: string, scripts: readonly Script[], location: string): EmbeddedScript | undefined {
  const script = scripts.find((s) => s.id === `${file}#${location}`);
  return script && embeddedScript(file, text, script);
}

function embeddedScript(file: string, text: string, script: Script): EmbeddedScript | undefined {
  const string = stringNodeOf(text, script);
  if (!string) return undefined;
  const location = script.id.slice(file.length + 1);
  return {
    file, location, path: embeddedPath(file, location),
    body: decodeJsonContent(text.slice(string.start, string.end)),
    role: script.role,
    ...(script.wrapper ? { wrapper: script.wrapper } : {}),
    ...(script.title ? { title: script.title } : {}),
  };
}

/** The raw content range (between the quotes) of the JSON string a script was read from. */
function stringNodeOf(text: string, script: Script): { start: number; end: number } | undefined {
  const root = parseTree(text);
  const node = root && findNodeAtOffset(root, script.origin.originOffset(0));
  if (!node || node.type !== 'string') return undefined;
  return { start: node.offset + 1, end: node.offset + node.length - 1 };
}

/**
 * The edit that puts `body` into the script's string in `text` (the JSON file's current text), or undefined when
 * the script is no longer there. Only the changed lines of the string's content are rewritten.
 */
export function writeEmbeddedScript(text: string, scripts: readonly Script[], embedded: { file: string; location: string }, body: string): FileEdit | undefined {
  const script = scripts.find((s) => s.id === `${embedded.file}#${embedded.location}`);
  const string = script && stringNodeOf(text, script);
  if (!string) return undefined;
  const raw = text.slice(string.start, string.end);
  const rewritten = rewriteJsonContent(raw, body, escapeStyle(text));
  // The smallest edit: the common start and end of the old and new content stay untouched.
  let head = 0;
  while (head < raw.length && head < rewritten.length && raw[head] === rewritten[head]) head++;
  let tail = 0;
  while (tail < raw.length - head && tail < rewritten.length - head && raw[raw.length - 1 - tail] === rewritten[rewritten.length - 1 - tail]) tail++;
  return { file: embedded.file, start: string.start + head, end: string.end - tail, text: rewritten.slice(head, rewritten.length - tail) };
}

/** The script a Python document of an embedded body runs as: the body wrapped in its gateway function. */
export function embeddedDocumentScript(path: string, body: string, like: EmbeddedScript): Script {
  const origin = OriginMap.slice(path, new LineIndex(body), 0);
  const id = path;
  if (!like.wrapper) return { id, role: like.role, text: body, origin };
  const wrapped = wrapBody({ text: body, origin }, like.wrapper);
  return { id, role: like.role, text: wrapped.text, origin: wrapped.origin, wrapper: like.wrapper };
}
