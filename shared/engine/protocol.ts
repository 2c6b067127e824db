// Messages between the engine (main thread) and its Pyodide worker thread.
import type { MessagePort } from 'node:worker_threads';
import type { Value } from './types';

/** What a worker is started with (`workerData`). */
export interface WorkerSetup {
  /** Python's host calls go out on this port; the reply comes back on it while the worker waits on `hostSignal`. */
  hostPort: MessagePort;
  /** Int32[0]: 0 while a host call is pending, 1 once its reply has been posted. */
  hostSignal: SharedArrayBuffer;
  /** Pyodide's interrupt buffer: the engine writes 2 (SIGINT) there to stop a runaway script. */
  interrupt: SharedArrayBuffer;
  modules: Record<string, string>;
  argDecoder?: string;
  /**
   * The number of the first object this worker keeps: each replacement worker starts a range of its own, so a
   * `$ref` kept by a stopped worker can never name another object in its successor.
   */
  firstRef: number;
}

/** `payload` is JSON the Python side reads. */
export type WorkerRequest =
  | { id: number; op: 'load'; payload: string }
  | { id: number; op: 'invoke'; payload: string }
  | { id: number; op: 'release'; ref: number };

export type WorkerMessage =
  /** `result` is the Python side's JSON answer. */
  | { kind: 'result'; id: number; result: string }
  | { kind: 'ready'; snapshot: SnapshotUse; startMs: number; about: string }
  | { kind: 'fatal'; message: string };

/** How the interpreter was started: from a cached memory snapshot, by making one, or plainly. */
export type SnapshotUse = 'loaded' | 'created' | 'none';

/** What the Python side answers for a load or invoke, with the attempts to reach the host it refused meanwhile. */
export type PythonResult = (
  | { ok: true; value: Value }
  /** `replace`: the interpreter may be damaged (its heap was exhausted): the engine replaces it after this answer. */
  | { ok: false; error: PythonFailure; replace?: boolean }
) & { refusals?: HostRefusal[] };

/** A raw Python exception: frames are [filename, line (1-based), column (0-based) | null, function]. */
export interface PythonFailure {
  type: string;
  message: string;
  frames: Array<[string, number, number | null, string]>;
  /** For a SyntaxError in a script: [filename, line, column (0-based)]. */
  syntax?: [string, number, number];
}

/**
 * An attempt of a script to reach the host, refused by the sealed Pyodide worker. `reach`: `javascript` for the
 * simulator's own JavaScript host (no gateway has it), `host` for what a gateway would run on its machine. `at`: the
 * script's [filename, line, column] in translated code, when the Python guard saw the call.
 */
export interface HostRefusal {
  call: string;
  /**
   * `javascript`: the simulator's own host, refused; `host`: what a gateway would run on its machine, refused;
   * `gateway-write`, `gateway-read`: a file call on the gateway's disk, run on the interpreter's memory instead.
   */
  reach: 'javascript' | 'host' | 'gateway-write' | 'gateway-read';
  at?: [string, number, number | null] | null;
}
