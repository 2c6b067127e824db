// Reads an 8.x script file that holds one whole `def` (8.3 session and gateway events, WebDev handlers).
import { LineIndex, OriginMap } from '../source/origin';
import type { Script, ScriptRole, Wrapper } from '../source/script';
import { wrapBody } from '../source/wrap';
import type { ProjectReader } from './project-files';
import type { Resource } from './project-resource';

export interface DefFile {
  folder: string;
  /** The function the gateway calls, and the file `<name>.py` that defines it. */
  wrapper: Wrapper;
  role: ScriptRole;
  title: string;
  /** The folder's resource.json, when read: a file it lists but the folder lacks was reported with it. */
  resource?: Resource;
  /** Names the gateway puts in the script's namespace besides the function's parameters. */
  globals?: readonly string[];
}

/**
 * The script of `<folder>/<name>.py`. The gateway takes a file that starts with `def <name>(` as it is; any other
 * file it indents one level and puts under a `def` of its own (so a file that opens with a comment or an import
 * defines a nested function that never runs: reported, and run the same way). An empty or unreadable file is a
 * problem, not a script.
 */
export function readDefFile(reader: ProjectReader, spec: DefFile): Script | undefined {
  const { folder, wrapper, role, title } = spec;
  const file = `${folder}/${wrapper.name}.py`;
  const signature = `def ${wrapper.name}(${wrapper.params.join(', ')}):`;
  if (!reader.exists(file)) {
    if (!spec.resource?.files.includes(`${wrapper.name}.py`)) {
      reader.problem(file, 1, 1, `this script file is missing; the folder should hold ${wrapper.name}.py starting with "${signature}"`);
    }
    return undefined;
  }
  const read = reader.readText(file);
  if (read === undefined) return undefined;
  const text = read.charCodeAt(0) === 0xfeff ? read.slice(1) : read;
  const offset = read.length - text.length;
  if (text.trim() === '') {
    reader.problem(file, 1, 1, `the file is empty, so the gateway has no ${wrapper.name} to call; write "${signature}" and its body, or delete the resource`);
    return undefined;
  }
  const lines = new LineIndex(read);
  const extra = spec.globals ? { globals: spec.globals } : {};
  if (new RegExp(`^def\\s+${wrapper.name}\\s*\\(`).test(text)) {
    return { id: file, role, text, origin: OriginMap.slice(file, lines, offset), title, ...extra };
  }
  reader.problem(file, 1, 1, `the file does not start with "${signature}", so the gateway indents all of it under a def ${wrapper.name} of its own; start the file with that line`, 'warning');
  const wrapped = wrapBody({ text, origin: OriginMap.slice(file, lines, offset) }, wrapper, 'always');
  return { id: file, role, text: wrapped.text, wrapper, origin: wrapped.origin, title, ...extra };
}
