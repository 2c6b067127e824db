// A Script is one unit of Jython code as the gateway would compile it, with the way back to the user's file.
import type { OriginMap, Position } from './origin';

/** The function the gateway calls for a body stored without its `def` line (8.1 data.bin, view.json). */
export interface Wrapper {
  name: string;
  params: string[];
}

/** Where a script sits in a Perspective project, in Perspective's own words. */
export type ScriptRole =
  /** A whole module of definitions: a Markdown block, an 8.3 event file, a plain .py file. */
  | { kind: 'module' }
  /** A project library script (`ignition/script-python/<pkg>/code.py`), importable as `module`. */
  | { kind: 'library'; module: string }
  /** A session event (Startup, Shutdown, Page Startup, ...); `event` is the gateway's function name. */
  | { kind: 'session-event'; event: string }
  /** A Session Events message handler, reached only by system.util.sendMessage(..., scope="S"). */
  | { kind: 'session-message-handler'; messageType: string; enabled: boolean }
  /** A Session Events keystroke handler. */
  | { kind: 'key-event'; name: string }
  /** A Session Events form submission handler (8.3). */
  | { kind: 'form-submission'; name: string }
  /** A component or view event action script (`events.<group>.<event>`). */
  | { kind: 'component-event'; view: string; component: string; event: string }
  /** A component or view message handler (`scripts.messageHandlers[]`). */
  | {
      kind: 'component-message-handler';
      view: string;
      component: string;
      messageType: string;
      sessionScope: boolean;
      pageScope: boolean;
      viewScope: boolean;
    }
  | { kind: 'custom-method'; view: string; component: string; name: string }
  | { kind: 'extension-function'; view: string; component: string; name: string }
  | { kind: 'transform'; view: string; component: string; property: string }
  | { kind: 'property-change'; view: string; component: string; property: string }
  /** A script held in a Python string literal (the seed's `"script": '''...'''`), run by the document's conventions. */
  | { kind: 'script-string'; key: string }
  /** A Gateway Event script of the project (Startup, Shutdown, Timer, Tag Change, Message, Scheduled, Update). */
  | { kind: 'gateway-event'; event: GatewayEvent; name?: string }
  /** A WebDev Python resource's method handler (`doGet`, `doPost`...). */
  | { kind: 'webdev'; resource: string; method: string }
  /** A tag's event script in a tag export (`valueChanged`, `alarmActive`...). */
  | { kind: 'tag-event'; tagPath: string; event: string }
  /** A Script block (or a calculated roster) of an alarm notification pipeline. */
  | { kind: 'alarm-pipeline'; pipeline: string; block: string }
  /** A report's script data source. */
  | { kind: 'report-data-source'; report: string; name: string };

export type GatewayEvent = 'startup' | 'shutdown' | 'timer' | 'tag-change' | 'message' | 'scheduled' | 'update';

export interface Script {
  /** Stable identity, also the filename Python sees in tracebacks: `<file>` or `<file>#<location>`. */
  id: string;
  role: ScriptRole;
  /** Runnable Python source: for bodies stored without `def`, already wrapped in `wrapper` and indented. */
  text: string;
  /** The wrapper the gateway puts around a stored body; absent for whole modules. */
  wrapper?: Wrapper;
  /** Maps offsets in `text` to the original file. */
  origin: OriginMap;
  /** Title of the Markdown section or resource the script belongs to, for people. */
  title?: string;
  /**
   * Names the gateway puts in the script's namespace without a `def` around it: the legacy Tag Change script's
   * `event`, `newValue`, `initialChange`... (those scripts run as module code).
   */
  globals?: readonly string[];
  /** False when the script was read out of a binary resource (a gzipped data.bin) that fixes cannot rewrite. */
  editable?: false;
}

/** A problem found while loading, before any script runs; always names the file and a position in it. */
export interface LoadProblem {
  file: string;
  position: Position;
  severity: 'error' | 'warning' | 'info';
  message: string;
  /** The lint rule that reports this kind of problem; `invalid-resource` when absent. */
  rule?: string;
}
