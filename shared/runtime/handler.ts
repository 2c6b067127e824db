// Scripts as the runtime calls them: a handler (a Python callable and where it was written), who it runs for, and
// the runner a project source loads its scripts with.
import type { Json } from '../engine/types';
import type { Script } from '../source/script';
import type { MessageChain } from './message-chain';
import type { Page, Session } from './session';

/** A Python callable the runtime can invoke for an event, with where it was written. */
export interface Handler {
  /** What people call it in the trace: `onStartup`, `message refreshData`, `onLogin`. */
  label: string;
  target: { namespace: string; name: string } | { ref: number };
  file: string;
  line: number;
  /**
   * Set for conventions of the document format that a gateway never fires (onLogin, onIdle...): running one
   * is a `not-a-session-event` divergence.
   */
  simulatorOnly?: boolean;
  /**
   * For a kept Python object: gets it again after the engine lost it (a runaway script forced a new worker,
   * which rebuilds namespaces but not kept objects).
   */
  refresh?: () => Promise<{ ref: number } | undefined>;
}

/** Who a script runs for, and the messages that led to the run (absent when no message did). */
export interface RunContext {
  session?: Session;
  page?: Page;
  chain?: MessageChain;
}

/** Who a running script is running for: host calls use it for "the current session / page". */
export interface ScriptContext extends RunContext {
  handler: Handler;
}

/** One script to load into a namespace, in order; a syntax error in one does not stop the others. */
export interface ScriptLoad {
  script: Script;
  namespace: string;
  /** For the trace: `Session Startup`, `message refreshData`. */
  label: string;
  /** Plumbing the runtime adds (library imports): traced only when it fails. */
  quiet?: boolean;
}

export interface ScriptRunner {
  /** Loads a script; a failure is traced and reported, never thrown. */
  load(load: ScriptLoad): Promise<boolean>;
  /**
   * Calls a configuration function of a namespace and returns its plain result, or undefined on error. `quiet`:
   * a call made again only to get back Python objects a restarted engine lost; it leaves nothing in the trace.
   */
  call(namespace: string, name: string, label: string, file: string, line: number, options?: { quiet?: boolean }): Promise<Json | undefined>;
  /** True when a global of that name exists in the namespace and is callable. */
  hasFunction(namespace: string, name: string): Promise<boolean>;
  /** Reports a problem of the project's shape (a handler that names no function...) in the trace. */
  problem(rule: string, message: string, file: string, line: number): void;
}
