// The project library: `ignition/script-python/<package>/code.py`, importable by its dotted path.
import { LineIndex, OriginMap } from '../source/origin';
import type { Script } from '../source/script';
import type { ProjectReader } from './project-files';
import { readResource } from './project-resource';

export const LIBRARY_FOLDER = 'ignition/script-python';

/** Dotted module path (`shared.db.orders`) → its code. */
export function loadLibrary(reader: ProjectReader): Record<string, Script> {
  const library: Record<string, Script> = {};
  const walk = (folder: string, module: string): void => {
    const entries = reader.list(folder);
    if (module !== '' && entries.some((e) => e.isFile() && e.name === 'code.py')) {
      const file = `${folder}/code.py`;
      readResource(reader, folder);
      const text = reader.readText(file);
      if (text !== undefined) {
        library[module] = { id: file, role: { kind: 'library', module }, text, origin: OriginMap.slice(file, new LineIndex(text), 0), title: module };
      }
    }
    for (const entry of entries) {
      if (!entry.isDirectory() || !reader.safeName(folder, entry.name)) continue;
      const name = module === '' ? entry.name : `${module}.${entry.name}`;
      if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(entry.name)) {
        reader.problem(`${folder}/${entry.name}`, 1, 1, `"${entry.name}" is not a valid Python name, so scripts cannot import ${name}; rename the script package`, 'warning');
      }
      walk(`${folder}/${entry.name}`, name);
    }
  };
  walk(reader.path(LIBRARY_FOLDER), '');
  return library;
}
