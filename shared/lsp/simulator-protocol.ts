// Messages between the language server and its simulator process: scenario runs, and live runtimes that an
// inspector (the VS Code session view) drives with inspector protocol frames carried as text.
import type { Scenario } from '../runtime/scenario';
import type { SimulationResult } from '../runtime/simulation';

export interface SimulatorRun {
  id: number;
  source: string;
  scenario: Scenario;
  fixturesFile?: string;
  strict?: boolean;
}

/** Opens a live runtime over a source, served by an inspector server. */
export interface SimulatorInspect {
  inspect: { id: number; source: string; fixturesFile?: string; strict?: boolean };
}

/** One inspector protocol frame, either way, for the live runtime `inspector`. */
export interface SimulatorFrame {
  frame: { inspector: number; text: string };
}

export interface SimulatorInspectClose {
  inspectClose: number;
}

export type SimulatorRequest = SimulatorRun | SimulatorInspect | SimulatorFrame | SimulatorInspectClose;

export type SimulatorAnswer =
  | { id: number; result: SimulationResult }
  /** `input` when the person's files or scenario are at fault (the message says what to do). */
  | { id: number; error: string; input: boolean }
  /** Sent once the Python engine has started, so the first run's wait can be told apart from a hung one. */
  | { ready: true }
  | { inspected: number; error?: string }
  | { inspectorClosed: number; reason: string }
  | SimulatorFrame;
