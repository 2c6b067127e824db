// What the runtime needs to know about a project: its scripts, which function answers which event, its settings.
import type { Json } from '../engine/types';
import type { Fixtures, NamedQueryFixture } from '../fixtures/fixtures';
import type { Script, LoadProblem } from '../source/script';
import type { ViewCatalog } from './views/catalog';

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

export type SessionEventName =
  | 'onStartup'
  | 'onShutdown'
  | 'onPageStartup'
  | 'onAuthChallengeCompleted'
  | 'onBarcodeDataReceived';

export interface IdleSettings {
  timeoutMs: number;
  warningMs: number;
  onIdle?: Handler;
  onIdleReset?: Handler;
  onIdleTimeout?: Handler;
}

export interface ProjectModel {
  name: string;
  /** The file or folder the scripts came from. */
  source: string;
  version: '8.1' | '8.3';
  /** Session timeout (s) and session limit from the project's settings or the document's params. */
  timeoutSeconds?: number;
  maxSessions?: number;
  sessionEvents: Partial<Record<SessionEventName, Handler>>;
  keyEvents: Handler[];
  messageHandlers: Map<string, Handler>;
  auth: { onLogin?: Handler; onLogout?: Handler };
  idle?: IdleSettings;
  /** `session.custom` of a new session. */
  customDefaults: { [key: string]: Json };
  /** Session props the project sets for every session (`session-props/props.json` "props"), e.g. theme. */
  propsDefaults?: { [key: string]: Json };
  /** The project's views and their scripts (project folders only): what pages, popups and docks show. */
  views?: ViewCatalog;
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

/**
 * A source of scripts (document, .py file, project folder): loads what it holds through the runner and
 * returns the project model, using the runner to call its configuration functions.
 */
export interface ProjectSource {
  file: string;
  /** Problems that keep the source from running at all (a malformed document, a broken periscope.json). */
  problems: LoadProblem[];
  /**
   * Problems of a project's files that a gateway runs with (a missing view, a missing parent, a QueryString):
   * the run goes on, and each fails where it is used.
   */
  tolerated?: LoadProblem[];
  fixtures: Fixtures;
  /** Named queries the source itself defines (a project's `ignition/named-query`), beside the fixtures' own. */
  namedQueries?: Record<string, NamedQueryFixture & { file?: string }>;
  setUp(runner: ScriptRunner): Promise<ProjectModel>;
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
