// Starts Pyodide, from a cached memory snapshot when one exists for this Pyodide version (about 8x faster).
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, dirname, join } from 'node:path';
import { loadPyodide, type PyodideAPI } from 'pyodide';
import { cacheDir } from './cache';
import type { SnapshotUse } from './protocol';

/** Standard modules the engine imports; importing them before the snapshot saves that time at every start. */
const preimport =
  'import builtins, calendar, codecs, datetime, decimal, errno, functools, importlib.abc, importlib.util, io, itertools, json, math, pickle, queue, re, socket, string, struct, subprocess, sys, time, types, uuid, warnings';

export interface Interpreter {
  pyodide: PyodideAPI;
  snapshot: SnapshotUse;
}

export async function loadInterpreter(): Promise<Interpreter> {
  const packageDir = pyodideDir();
  // Given explicitly: Pyodide's own guess from its stack fails when loaded through tsx in a worker.
  const base = { indexURL: `${packageDir}/`, stdout: () => {}, stderr: (text: string) => process.stderr.write(`${text}\n`) };
  const file = snapshotFile(packageDir);
  if (file) {
    let bytes: Buffer | undefined;
    try {
      bytes = readFileSync(file);
    } catch {
      bytes = undefined;
    }
    if (bytes) {
      try {
        return { pyodide: await loadPyodide({ ...base, _loadSnapshot: bytes }), snapshot: 'loaded' };
      } catch {
        // A snapshot from another build of the same version, or a truncated file: drop it and make a new one.
        rmSync(file, { force: true });
      }
    }
    const pyodide = await loadPyodide({ ...base, _makeSnapshot: true });
    pyodide.runPython(preimport);
    if (save(file, pyodide.makeMemorySnapshot())) return { pyodide, snapshot: 'created' };
    return { pyodide, snapshot: 'none' };
  }
  const pyodide = await loadPyodide(base);
  pyodide.runPython(preimport);
  return { pyodide, snapshot: 'none' };
}

/** Pyodide's package folder. package.json is not among its exports; the wasm file is, and sits beside it. */
function pyodideDir(): string {
  return dirname(createRequire(import.meta.url).resolve('pyodide/pyodide.asm.wasm'));
}

/** Writes via a temporary name so that a concurrent start never reads half a snapshot. */
function save(file: string, bytes: Uint8Array): boolean {
  const partial = `${file}.${process.pid}.${Date.now()}.partial`;
  try {
    writeFileSync(partial, bytes);
    renameSync(partial, file);
    // Snapshots of other Pyodide versions or engine preludes are dead weight (about 30 MB each).
    for (const name of readdirSync(dirname(file))) {
      if (/^pyodide-.*\.snapshot$/.test(name) && name !== basename(file)) rmSync(join(dirname(file), name), { force: true });
    }
    return true;
  } catch {
    rmSync(partial, { force: true });
    return false;
  }
}

/** The snapshot's path in the cache folder; undefined when no cache folder is writable. */
function snapshotFile(packageDir: string): string | undefined {
  const version = (JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8')) as { version: string }).version;
  const key = createHash('sha256').update(`${version}\n${preimport}`).digest('hex').slice(0, 16);
  const dir = cacheDir();
  return dir ? join(dir, `pyodide-${version}-${key}.snapshot`) : undefined;
}
