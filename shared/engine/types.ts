// The contract between the session runtime and a Python engine (Pyodide, or real Jython where Java is present).
//
// The engine is an executor: it holds compiled code and Python objects, never session state. Python reaches
// the runtime through synchronous host calls; the runtime answers them from its own model.
import type { Script } from '../source/script';

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/**
 * Values that cross the boundary are JSON plus tagged objects:
 * - `{"$date": ms}`: a java.util.Date;
 * - `{"$ref": n}`: a Python object kept alive in the engine (a function, an instance), usable as an invoke target;
 * - any other `{"$...": ...}` tag is defined by the runtime's Python modules (e.g. a session handle): a Python
 *   object whose class defines `__periscope_encode__(self)` crosses as the JSON value that method returns.
 * A dict a script made in the shape of a tag stays data: it arrives as a plain object that `isData()` (values.ts)
 * knows, and `isDateValue()` tells dates from it.
 */
export type Value = Json;

/** Where in the user's original file a Python frame is. */
export interface PyFrame {
  file: string;
  line: number;
  column?: number;
  function: string;
  /** The source line as the user wrote it. */
  text?: string;
}

export interface PyError {
  /** Python exception type as Jython would name it, e.g. `AttributeError`, `SyntaxError`. */
  type: string;
  message: string;
  file: string;
  line: number;
  column?: number;
  /** Innermost frame last, like a Python traceback. */
  traceback: PyFrame[];
  /** `timeout`: stopped after the per-script limit; `crash`: the engine itself failed and was replaced. */
  cause: 'exception' | 'syntax' | 'timeout' | 'crash';
}

/** A use of something a real gateway would not accept, found while translating or running a script. */
export interface Divergence {
  rule: string;
  message: string;
  file: string;
  line: number;
  column?: number;
}

export type Outcome =
  | { ok: true; value: Value; durationMs: number; divergences: Divergence[] }
  | { ok: false; error: PyError; durationMs: number; divergences: Divergence[] };

export interface LoadRequest {
  script: Script;
  /** Globals namespace to run the module in; created on first use, kept across calls. */
  namespace: string;
  /** Fail where the gateway would (Python-3-only syntax is a SyntaxError) instead of running what was meant. */
  strict?: boolean;
  /** The runtime's own plumbing, not a user script: its frames never show in a traceback. */
  internal?: boolean;
  /** This script's wall-clock limit, instead of the engine's `scriptTimeoutMs`. */
  timeoutMs?: number;
}

export interface InvokeRequest {
  /** A global function of a namespace, or a kept object. */
  target: { namespace: string; name: string } | { ref: number };
  args: Value[];
  kwargs?: Record<string, Value>;
  /** This call's wall-clock limit, instead of the engine's `scriptTimeoutMs`. */
  timeoutMs?: number;
}

export interface EngineOptions {
  /** Per-script wall-clock limit; a runaway script is interrupted, then its worker replaced. Default 10 000. */
  scriptTimeoutMs?: number;
  /**
   * Answers Python's `periscope_host.call(name, *args)` synchronously, on the thread that owns the runtime,
   * while the script waits. Throwing a HostError raises that Python exception type in the script.
   */
  hostCall(name: string, args: Value[], context?: HostCallContext): Value;
  /** Receives what scripts print (`print`, `sys.stderr.write`), one chunk per line, in order with host calls. */
  onOutput?(text: string, stream: 'stdout' | 'stderr'): void;
  /**
   * Python modules the runtime provides (e.g. the Perspective object model), importable by name. They reach the
   * runtime through `import periscope_host`: `call(name, *args)`; `location()`, the `(file, line, column)` of the
   * innermost user frame in the user's original file, or None; `ref(obj)` keeps an object and returns its number;
   * `deref(n)` gets it back. Their frames never show in a script's traceback.
   */
  modules?: Record<string, string>;
  /**
   * Dotted name of a Python function in one of `modules` (e.g. `perspective.decode`), called with each of the
   * runtime's own tags found in invoke arguments (a one-key dict such as `{"$session": id}`, innermost first, its
   * contents already decoded) to turn it into the Python object scripts receive.
   */
  argDecoder?: string;
}

/** Why a host call happens. */
export interface HostCallContext {
  /**
   * True while a replaced worker re-runs earlier loads to rebuild its namespaces: the runtime should answer as
   * before but record nothing, since those calls already happened once.
   */
  replaying: boolean;
}

/** Raised by a host call handler: becomes a Python exception of `type` in the calling script. */
export class HostError extends Error {
  constructor(readonly type: string, message: string) {
    super(message);
  }
}

export interface Engine {
  /** What runs the scripts, e.g. "Jython 2.7.3 on Java 17.0.15": the trace's first line names it. */
  readonly about?: string;
  /** Compiles (after Jython translation) and runs a script's module code in a namespace. */
  load(request: LoadRequest): Promise<Outcome>;
  /** Calls a function; its return value comes back as a Value (non-JSON objects as `{"$ref": n}`). */
  invoke(request: InvokeRequest): Promise<Outcome>;
  /** Forgets a kept object. */
  release(ref: number): void;
  dispose(): Promise<void>;
}
