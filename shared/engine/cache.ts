// The folder where engines keep what makes their next start faster (Pyodide's snapshot, Jython's compiled host).
import { mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

/**
 * `node_modules/.cache/periscope/<sub>` beside the installed packages, else the OS temp folder; undefined when
 * neither is writable.
 */
export function cacheDir(sub = ''): string | undefined {
  const nodeModules = dirname(dirname(createRequire(import.meta.url).resolve('pyodide/pyodide.asm.wasm')));
  for (const dir of [join(nodeModules, '.cache', 'periscope', sub), join(tmpdir(), 'periscope', sub)]) {
    try {
      mkdirSync(dir, { recursive: true });
      return dir;
    } catch {
      continue;
    }
  }
  return undefined;
}
