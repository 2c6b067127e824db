// The parts of a runtime that its helper files are handed. Each helper names the few it uses
// (`Pick<RuntimeParts, 'trace' | 'clock'>`), so data flows one way, from runtime.ts into its helpers, and no
// helper reaches back for the whole runtime.
import type { Outcome, Value } from '../engine/types';
import type { Fixtures } from '../gateway-config/fixtures';
import type { Gateway } from '../gateway/gateway';
import type { VirtualClock } from './clock';
import type { Divergences } from './divergences';
import type { InternalFailures } from './internal-failures';
import type { Handler, RunContext, ScriptContext } from './handler';
import type { ProjectModel } from './project';
import type { SessionQueue } from './queue';
import type { Sessions } from './session';
import type { Trace } from './trace';

/** The one way a helper makes Python run. */
export interface Scripts {
  /** The script running right now, if any. */
  readonly current: ScriptContext | undefined;
  /** Runs a handler for an event and traces it; never throws for a script's own failure. */
  invoke(handler: Handler, args: Value[], context: RunContext, event?: string): Promise<Outcome>;
  /** Lets the engine forget a Python object kept for a later invoke. */
  release(ref: number): void;
}

export interface RuntimeParts {
  readonly trace: Trace;
  readonly clock: VirtualClock;
  readonly sessions: Sessions;
  readonly queue: SessionQueue;
  readonly scripts: Scripts;
  readonly divergences: Divergences;
  /** Failures of the runtime itself (bugs in Periscope), each traced as an `internal` event. */
  readonly internal: InternalFailures;
  /** Fail where a gateway would fail, instead of serving what the script evidently means. */
  readonly strict: boolean;
  readonly fixtures: Fixtures;
  readonly gateway: Gateway | undefined;
  readonly project: ProjectModel;
}

/** What the views of pages (opening, closing, their scripts, their property trees) use of a runtime. */
export type ViewParts = Pick<RuntimeParts, 'trace' | 'clock' | 'sessions' | 'queue' | 'scripts' | 'divergences' | 'project' | 'fixtures'>;
