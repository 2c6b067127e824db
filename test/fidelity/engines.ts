// The engines the fidelity suite compares: every Python engine the runtime can use, and Debian's `jython` run
// directly as the reference for standalone programs.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import type { EngineHost } from '../../shared/runtime/engine-host';
import { testEngines } from '../support/engines';
import type { DirectResult } from './trace';

/** An engine scripts run on through the runtime. Adding one here runs the whole suite on it too. */
export interface RuntimeEngine {
  name: string;
  /** Whether this machine can run it; when not, why (the suite reports the engine as skipped). */
  unavailable(): Promise<string | undefined>;
  start(): Promise<EngineHost>;
}

export const runtimeEngines: RuntimeEngine[] = testEngines.map((engine) => ({
  name: engine.name,
  unavailable: async () => engine.unavailable,
  start: () => engine.start(),
}));

/** The runtime engine whose session traces the others are held to when no direct run can check them. */
export const referenceEngine = 'jython';

const run = promisify(execFile);

/**
 * Runs every program in one `jython` process (a JVM start costs seconds, a program milliseconds). Undefined when
 * `jython` is not installed.
 */
export async function runJythonDirect(files: string[]): Promise<Record<string, DirectResult> | undefined> {
  try {
    // The runtime's clock and date formats are UTC with English names; the JVM is told the same.
    const env = { ...process.env, TZ: 'UTC', LC_ALL: 'C.UTF-8', LANG: 'C.UTF-8' };
    const { stdout } = await run('jython', ['test/fidelity/jython-direct.py', ...files], { env, maxBuffer: 64 * 1024 * 1024, timeout: 300_000 });
    return JSON.parse(stdout.trim().split('\n').pop()!) as Record<string, DirectResult>;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}
