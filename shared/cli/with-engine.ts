// Running a command's work on a Python engine started for it: input a person got wrong, or an engine they asked for
// that cannot run, becomes exit code 2 with its message, and the engine is shut down however the work ends.
import { EngineUnavailable, startEngine, type EngineSelection } from '../runtime/engine-choice';
import type { EngineHost } from '../runtime/engine-host';
import { InputError } from '../runtime/simulation';
import type { CliIo } from './command';

/** `engine` may still be starting when `work` begins: it can read its input meanwhile. */
export async function withEngine(
  command: string,
  io: CliIo,
  selection: EngineSelection,
  work: (engine: Promise<EngineHost>) => Promise<number>,
): Promise<number> {
  const engine = startEngine(selection);
  engine.catch(() => undefined);
  try {
    return await work(engine);
  } catch (error) {
    if (error instanceof InputError || error instanceof EngineUnavailable) {
      io.stderr(`periscope ${command}: ${error.message}\n`);
      return 2;
    }
    throw error;
  } finally {
    await (await engine.catch(() => undefined))?.dispose();
  }
}
