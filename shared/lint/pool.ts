// Lints many files on worker threads, one per core, each with its own parser; results come back in the order asked.
import { availableParallelism } from 'node:os';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import type { Worker } from 'node:worker_threads';
import { workerThreads } from '../lazy-node';
import type { Diagnostic } from './diagnostic';
import type { LintOptions } from './linter';
import type { LintJob, LintJobResult } from './worker';

export interface PoolFile {
  file: string;
  text: string;
  options: LintOptions;
}

/**
 * Below this much text (about 30,000 lines of session scripts) a pool costs more than it saves: each worker loads
 * the linter and compiles the wasm parser (about 0.4 CPU-s) before its first file, and V8's background compilers
 * already give a single thread part of a second core.
 */
export const POOL_MIN_CHARACTERS = 1_000_000;

/** How many threads a pool would use here, the main thread included; 1 means linting on the main thread alone. */
export function poolSize(): number {
  return Math.max(1, availableParallelism());
}

/** Files a worker holds at once, so that it never waits for the main thread, busy with a file of its own. */
const IN_FLIGHT = 2;

/**
 * Lints every file on `size` threads: `size - 1` workers and, through `onMainThread` (which lints the file at an
 * index), the main thread, whose linter is already loaded. The diagnostics of each file are at the file's index.
 */
export async function lintInPool(files: readonly PoolFile[], size: number, onMainThread: (index: number) => Diagnostic[]): Promise<Diagnostic[][]> {
  const results: Diagnostic[][] = new Array<Diagnostic[]>(files.length);
  let next = 0;
  let finished = 0;
  const workers = Array.from({ length: Math.min(size - 1, files.length) }, () => startWorker());
  try {
    await new Promise<void>((resolve, fail) => {
      let failed = false;
      const reject = (error: Error) => {
        failed = true;
        fail(error);
      };
      const store = (id: number, diagnostics: Diagnostic[]) => {
        results[id] = diagnostics;
        if (++finished === files.length) resolve();
      };
      for (const worker of workers) {
        let held = 0;
        // Each worker takes the next files as soon as it has room, so a few large files do not leave a core idle.
        const fill = () => {
          for (; held < IN_FLIGHT && next < files.length; held++) {
            const id = next++;
            const { file, text, options } = files[id];
            worker.postMessage({ id, file, text, options } satisfies LintJob);
          }
        };
        worker.on('message', (result: LintJobResult) => {
          if ('error' in result) return reject(new Error(`linting ${files[result.id].file} failed: ${result.error}`));
          held--;
          store(result.id, result.diagnostics);
          fill();
        });
        worker.on('error', reject);
        worker.on('exit', (code) => reject(new Error(`a lint worker stopped (exit code ${code})`)));
        fill();
      }
      void (async () => {
        try {
          while (next < files.length && !failed) {
            const id = next++;
            store(id, onMainThread(id));
            // Let the workers' results in and send them more before the next file here.
            await new Promise((done) => setImmediate(done));
          }
        } catch (error) {
          reject(error as Error);
        }
      })();
      if (files.length === 0) resolve();
    });
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
  return results;
}

/**
 * From a bundle (`dist/cli.mjs`) the worker is the sibling bundle; from source (tsx) it is worker.ts, loaded through
 * tsx's API, since Node 20 does not apply tsx's hooks to a worker's entry.
 */
function startWorker(): Worker {
  const here = import.meta.url;
  if (/\.[cm]js$/.test(here)) return new (workerThreads().Worker)(new URL('./lint-worker.mjs', here));
  const entry = JSON.stringify(new URL('./worker.ts', here).href);
  const api = createRequire(here).resolve('tsx/esm/api').replace(/\.cjs$/, '.mjs');
  const stub = `import(${JSON.stringify(pathToFileURL(api).href)}).then((tsx) => tsx.tsImport(${entry}, ${JSON.stringify(here)}))`;
  return new (workerThreads().Worker)(stub, { eval: true });
}
