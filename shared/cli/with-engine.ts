// Running a command's work on a Python engine started for it: input a person got wrong becomes exit code 2 with
// its message, and the engine is shut down however the work ends.
import { createPyodideEngine } from '../engine/pyodide';
import { EngineHost } from '../runtime/engine-host';
import { InputError } from '../runtime/simulation';
import type { CliIo } from './command';

/** `engine` may still be starting when `work` begins: it can read its input meanwhile. */
export async function withEngine(command: string, io: CliIo, work: (engine: Promise<EngineHost>) => Promise<number>): Promise<number> {
  const engine = EngineHost.start(createPyodideEngine);
  try {
    return await work(engine);
  } catch (error) {
    if (error instanceof InputError) {
      io.stderr(`periscope ${command}: ${error.message}\n`);
      return 2;
    }
    throw error;
  } finally {
    await (await engine).dispose();
  }
}
