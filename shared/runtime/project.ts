// What the runtime needs to know about a project: its scripts, which function answers which event, its settings.
import type { Json } from '../engine/types';
import type { Fixtures, NamedQueryFixture } from '../gateway-config/fixtures';
import type { LoadProblem } from '../source/script';
import type { Handler, ScriptRunner } from './handler';
import type { ViewCatalog } from './views/catalog';

/** The Session Events the runtime runs, by the function the gateway calls. */
export const SESSION_EVENT_NAMES = [
  'onStartup', 'onShutdown', 'onPageStartup', 'onAuthChallengeCompleted', 'onBarcodeDataReceived',
  'onBluetoothReceived', 'onAccelerometerDataReceived', 'onNdefDataReceived',
] as const;
export type SessionEventName = (typeof SESSION_EVENT_NAMES)[number];

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
  /** Keystroke handlers by name (a document's one handler is `onKeyEvent`). */
  keyEvents: Map<string, Handler>;
  /** 8.3 Form Submission handlers (`handleSubmission`) by name. */
  formSubmissions?: Map<string, Handler>;
  messageHandlers: Map<string, Handler>;
  auth: { onLogin?: Handler; onLogout?: Handler };
  idle?: IdleSettings;
  /** `session.custom` of a new session. */
  customDefaults: { [key: string]: Json };
  /** Session props the project sets for every session (`session-props/props.json` "props"), e.g. theme. */
  propsDefaults?: { [key: string]: Json };
  /** The project's views and their scripts (project folders only): what pages, popups and docks show. */
  views?: ViewCatalog;
  /** The parent project the export names but does not hold: what is missing may be its, and the trace says so. */
  missingParent?: string;
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

/** Perspective's session timeout when no setting says otherwise, in seconds. */
const DEFAULT_SESSION_TIMEOUT_S = 60;

/** How long a session outlives its last page, in seconds. */
export function sessionTimeoutSeconds(project: ProjectModel): number {
  return project.timeoutSeconds ?? DEFAULT_SESSION_TIMEOUT_S;
}
