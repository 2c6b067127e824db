// The engines the runtime's tests run on: Pyodide always, real Jython wherever Java and a Jython jar are found.
// PERISCOPE_TEST_ENGINES=pyodide (or jython) narrows the list while working on one of them.
import { createJythonEngine } from '../../shared/engine/jython/engine';
import { createPyodideEngine } from '../../shared/engine/pyodide';
import type { Engine, EngineOptions } from '../../shared/engine/types';
import type { EngineHost } from '../../shared/runtime/engine-host';
import { EngineUnavailable, planEngine, startEngine } from '../../shared/runtime/engine-choice';

export interface TestEngine {
  name: 'pyodide' | 'jython';
  /** Why the engine's suites are skipped on this machine, if they are. */
  unavailable?: string;
  /** The CLI options that pick this engine. */
  flags: string[];
  /** An engine host for runtimes, as the CLI starts it. */
  start(options?: { scriptTimeoutMs?: number }): Promise<EngineHost>;
  /** The bare engine, for the engine's own tests. */
  create(options: EngineOptions): Promise<Engine>;
}

function createEngine(name: TestEngine['name'], options: EngineOptions): Promise<Engine> {
  if (name === 'pyodide') return createPyodideEngine(options);
  const plan = planEngine({ engine: 'jython' });
  if (plan.name !== 'jython') throw new Error('no Jython here');
  // A smaller heap than a gateway's: the heap-exhaustion test fills it in a moment.
  return createJythonEngine(options, { ...plan.jython, heapMb: 256 });
}

function jythonUnavailable(): string | undefined {
  try {
    planEngine({ engine: 'jython' });
    return undefined;
  } catch (error) {
    if (error instanceof EngineUnavailable) return error.message;
    throw error;
  }
}

const wanted = (process.env.PERISCOPE_TEST_ENGINES ?? 'pyodide,jython').split(',');

export const testEngines: TestEngine[] = (['pyodide', 'jython'] as const)
  .filter((name) => wanted.includes(name))
  .map((name) => ({
    name,
    unavailable: name === 'jython' ? jythonUnavailable() : undefined,
    flags: ['--engine', name],
    start: (options = {}) => startEngine({ engine: name, ...options }),
    create: (options: EngineOptions) => createEngine(name, options),
  }));

/** Registers the suite once per engine, titled with the engine; an engine missing here is a skipped suite saying why. */
export function describeEachEngine(title: string, suite: (engine: TestEngine) => void): void {
  for (const engine of testEngines) {
    if (engine.unavailable) describe.skip(`${title} (on ${engine.name}: skipped, ${engine.unavailable})`, () => suite(engine));
    else describe(`${title} (on ${engine.name})`, () => suite(engine));
  }
}
