// The simulator process the language server starts: keeps one Python engine warm and runs one scenario at a time,
// so a script that never returns or an engine crash can never block the server's request thread.
import { createPyodideEngine } from '../engine/pyodide';
import { EngineHost } from '../runtime/engine-host';
import { InputError, simulate } from '../runtime/simulation';
import { ScenarioError } from '../runtime/scenario';
import type { SimulatorAnswer, SimulatorRun } from './simulator-protocol';

const send = (answer: SimulatorAnswer) => process.send?.(answer);
const scriptTimeoutMs = Number(process.env.PERISCOPE_SCRIPT_TIMEOUT_MS) || undefined;
const engine = EngineHost.start(createPyodideEngine, { scriptTimeoutMs });
void engine.then(() => send({ ready: true }), () => {});

let queue: Promise<void> = Promise.resolve();

process.on('message', (run: SimulatorRun) => {
  queue = queue.then(async () => {
    try {
      const result = await simulate({ source: run.source, scenario: run.scenario, strict: run.strict, fixturesFile: run.fixturesFile, engine });
      send({ id: run.id, result });
    } catch (error) {
      const input = error instanceof InputError || error instanceof ScenarioError;
      send({ id: run.id, error: input ? (error as Error).message : (error as Error).stack ?? String(error), input });
    }
  });
});

// The server went away: nothing is left to answer.
process.on('disconnect', () => process.exit(0));
