// Scripts held in a serialized data.bin (Gateway Events, alarm pipelines, reports): reading the file, and turning a
// script string found in it into a Script with a place people can read.
import { LineIndex, OriginMap } from '../source/origin';
import type { Script, ScriptRole, Wrapper } from '../source/script';
import { wrapBody } from '../source/wrap';
import { decodeSerialized, indexIds, resolveRef, type SerialElement } from './ignition-serialization';
import type { ProjectReader } from './project-files';

export interface SerializedFile {
  file: string;
  root: SerialElement;
  /** Follows `ref` elements to what they name. */
  resolve(element: SerialElement): SerialElement;
}

/** The decoded tree of a data.bin, or undefined with a problem naming the file and the byte it stopped at. */
export function readSerialized(reader: ProjectReader, file: string, what: string): SerializedFile | undefined {
  const bytes = reader.readBytes(file);
  if (!bytes) return undefined;
  const decoded = decodeSerialized(bytes);
  if ('error' in decoded) {
    reader.problem(file, 1, 1, `cannot read the ${what} in this file: ${decoded.error}; its scripts are neither linted nor run. Export the resource again from the Designer`);
    return undefined;
  }
  const ids = indexIds(decoded.root);
  return { file, root: decoded.root, resolve: (element) => resolveRef(element, ids) };
}

/** The string value of an argument element (`<str>`, or a `ref` to one). */
export function stringArgument(source: SerializedFile, element: SerialElement | undefined): string | undefined {
  if (!element) return undefined;
  const target = source.resolve(element);
  return target.name === 'str' ? target.text ?? '' : undefined;
}

/** The value of a bean's setter call (`setName`, `setEnabled`...) on an object element, as text. */
export function setterValue(source: SerializedFile, object: SerialElement, setter: string): string | undefined {
  const call = object.children.find((c) => c.name === 'o-c' && c.attrs.m === setter);
  const argument = call?.children[0] && source.resolve(call.children[0]);
  if (!argument) return undefined;
  // Booleans are written as an empty element named for the value (`<false/>`), or `<b>false</b>` in XML.
  if (argument.name === 'true' || argument.name === 'false') return argument.name;
  return argument.text;
}

export interface SerializedScript {
  source: SerializedFile;
  /** Where in the file the script sits, for people: `timer/Refresh`, `blocks/Notify`. */
  location: string;
  body: string;
  role: ScriptRole;
  title: string;
  /** `wrap`: a body the gateway puts under `def <wrapper>`; `module`: code it runs as it is. */
  stored: { wrap: Wrapper } | { module: true; globals?: readonly string[] };
}

/**
 * A script read out of a binary file. Its positions are lines of the script itself, in a file named
 * `data.bin#<location>`, since the bytes have no lines a person could go to; fixes are never offered.
 */
export function serializedScript(spec: SerializedScript): Script {
  const file = `${spec.source.file}#${spec.location}`;
  const lines = new LineIndex(spec.body);
  const origin = OriginMap.slice(file, lines, 0);
  const base = { id: file, role: spec.role, title: spec.title, editable: false as const };
  if ('wrap' in spec.stored) {
    const wrapper = spec.stored.wrap;
    // A body saved with its own `def` line (a resource written by a newer version) is taken as it is.
    if (new RegExp(`^def\\s+${wrapper.name}\\s*\\(`).test(spec.body)) return { ...base, text: spec.body, origin };
    const wrapped = wrapBody({ text: spec.body, origin }, wrapper);
    return { ...base, text: wrapped.text, wrapper, origin: wrapped.origin };
  }
  return { ...base, text: spec.body, origin, ...(spec.stored.globals ? { globals: spec.stored.globals } : {}) };
}
