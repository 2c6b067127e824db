// Which Python engine a run uses and how it is set up, decided in one place for every command: --engine,
// --jython, periscope.json, the environment, and what is installed.
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { createJythonEngine } from '../engine/jython/engine';
import { discoverJython, type DiscoverOptions, type JythonFound } from '../engine/jython/discover';
import { createPyodideEngine } from '../engine/pyodide';
import { findFixtures } from '../gateway-config/load';
import { readFixtures } from '../gateway-config/validate';
import { parseJsonFile } from '../loaders/json-file';
import { EngineHost } from './engine-host';

export const ENGINE_CHOICES = ['auto', 'pyodide', 'jython'] as const;
export type EngineChoice = (typeof ENGINE_CHOICES)[number];

export interface EngineSelection {
  /**
   * `auto` (the CLI's default) takes real Jython when Java and a Jython jar are found, else Pyodide. Without a
   * choice, Pyodide: Jython runs scripts with a gateway's powers over the machine, so it starts only when asked.
   */
  engine?: EngineChoice;
  /** `--jython <jar>`. */
  jython?: string;
  /** A source, scenario or folder whose periscope.json may name the jar (`"engine": {"jython": ...}`). */
  source?: string;
  scriptTimeoutMs?: number;
  env?: NodeJS.ProcessEnv;
  /** Where to look for Jython besides the user's choice (default: Debian's package, Ignition's default folder). */
  places?: Pick<DiscoverOptions, 'ignitionHomes' | 'debianJar' | 'platform'>;
}

/** An engine that was asked for and cannot run; the message says what to install. The CLI exits 2 with it. */
export class EngineUnavailable extends Error {}

export type EnginePlan = { name: 'pyodide'; reason: string } | { name: 'jython'; reason: string; jython: JythonFound };

/** Decides without starting anything (files are looked at, nothing is run). */
export function planEngine(selection: EngineSelection = {}): EnginePlan {
  const choice = selection.engine;
  if (choice === undefined) return { name: 'pyodide', reason: 'no engine was asked for; Pyodide needs nothing installed' };
  if (choice === 'pyodide') return { name: 'pyodide', reason: '--engine pyodide' };
  const discovery = discoverJython({
    jar: selection.jython,
    configured: configuredJar(selection.source),
    env: selection.env,
    ...selection.places,
  });
  if ('missing' in discovery) {
    if (choice === 'jython') throw new EngineUnavailable(`--engine jython: ${discovery.missing}`);
    return { name: 'pyodide', reason: `--engine auto: ${discovery.missing}` };
  }
  const { found } = discovery;
  const parts = `Jython jar ${found.jar} (${found.jarFrom}), java ${found.java} (${found.javaFrom})`;
  return { name: 'jython', jython: found, reason: choice === 'jython' ? `--engine jython: ${parts}` : `--engine auto found a ${parts}` };
}

/**
 * Starts the planned engine. When `auto` picked Jython and its JVM does not start, the run goes on on Pyodide and
 * the trace's first line says why; an explicit `--engine jython` fails with EngineUnavailable instead.
 */
export async function startEngine(selection: EngineSelection = {}): Promise<EngineHost> {
  const plan = planEngine(selection);
  const options = { scriptTimeoutMs: selection.scriptTimeoutMs };
  const pyodide = (reason: string) => EngineHost.start(createPyodideEngine, { ...options, name: 'pyodide', reason });
  if (plan.name === 'pyodide') return pyodide(plan.reason);
  try {
    return await EngineHost.start((engineOptions) => createJythonEngine(engineOptions, plan.jython), { ...options, name: 'jython', reason: plan.reason });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    if (selection.engine === 'jython') throw new EngineUnavailable(`--engine jython: ${message}`);
    return pyodide(`--engine auto: the Jython engine did not start (${message}); Pyodide runs the scripts`);
  }
}

/** One line on what `auto` would choose here, for `--help`. */
export function describeAuto(selection: Omit<EngineSelection, 'engine'> = {}): string {
  const plan = planEngine({ ...selection, engine: 'auto' });
  return plan.name === 'jython'
    ? `jython (${plan.jython.jar} from ${plan.jython.jarFrom}, java from ${plan.jython.javaFrom})`
    : `pyodide (${plan.reason.replace(/^--engine auto: /, '')})`;
}

/** The jar a periscope.json beside `source` names, resolved against that file's folder. */
function configuredJar(source: string | undefined): { jar: string; file: string } | undefined {
  const file = source ? findFixtures(source) : undefined;
  if (!file) return undefined;
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
  const jar = readFixtures(parseJsonFile(file, text)).engine?.jython;
  return jar ? { jar: resolve(dirname(file), jar), file } : undefined;
}
