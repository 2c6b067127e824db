// Messages between the language server and its simulator process: one run request, one answer.
import type { Scenario } from '../runtime/scenario';
import type { SimulationResult } from '../runtime/simulation';

export interface SimulatorRun {
  id: number;
  source: string;
  scenario: Scenario;
  fixturesFile?: string;
  strict?: boolean;
  engine?: string;
}

export type SimulatorAnswer =
  | { id: number; result: SimulationResult }
  /** `input` when the person's files or scenario are at fault (the message says what to do). */
  | { id: number; error: string; input: boolean }
  /** Sent once the Python engine has started, so the first run's wait can be told apart from a hung one. */
  | { ready: true };
