// One simulation from start to end: scripts and fixtures in, a scenario run, the trace and final state out.
import { readdirSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { createGateway } from '../gateway/gateway';
import type { LoadProblem } from '../source/script';
import { discoverProjects } from '../loaders/project';
import { findProjectRoots } from '../loaders/project-detect';
import { loadScriptSource } from './document-project';
import type { ProjectSource } from './project';
import { projectSource } from './project-source';
import type { EngineHost } from './engine-host';
import { runScenario, type ScenarioResult } from './run-scenario';
import type { StrictFailure } from './divergences';
import type { InternalFailure } from './internal-failures';
import { Runtime } from './runtime';
import type { Scenario } from './scenario';
import type { SessionSnapshot } from './session-snapshot';
import type { ViewSnapshot } from './views/snapshot';
import { timeoutsOf, type TimeoutSummary } from './timeouts';
import type { TraceEvent } from './trace';

export interface SimulationResult {
  version: 1;
  /** Problems of the project's files the run went on with; not part of the JSON output (`periscope lint` lists them). */
  tolerated: LoadProblem[];
  events: TraceEvent[];
  sessions: Array<Omit<SessionSnapshot, 'pages'> & { pages: Array<{ id: string; path: string; primaryView: string; popups: unknown[]; views: ViewSnapshot[] }> }>;
  expectations: ScenarioResult;
  strictFailures: StrictFailure[];
  /** Present when scripts were stopped at the per-script limit. */
  timeouts?: TimeoutSummary;
  /** The runtime's own failures (bugs in Periscope) with their errors; the trace has an `internal` event for each. */
  internalFailures: InternalFailure[];
}

/** Input a person got wrong (a file that cannot be read, a malformed document): the CLI exits 2 with this. */
export class InputError extends Error {}

/**
 * What a source path designates: an Ignition project folder (or a file inside one), a script file, or a folder
 * holding exactly one session-script document or .py file.
 */
export function resolveSource(source: string): { project: string } | { file: string } {
  let stat;
  try {
    stat = statSync(source);
  } catch {
    throw new InputError(`${source}: no such file or folder; give a session-script document (.md), a .py file, a project folder or a folder holding one`);
  }
  if (!stat.isDirectory()) return { file: source };
  const roots = findProjectRoots(source);
  if (roots.length > 1) throw new InputError(`${source}: the folder holds several projects (${roots.map((r) => basename(r)).join(', ')}); name the one to run`);
  if (roots.length === 1) return { project: roots[0] };
  const candidates = readdirSync(source).filter((f) => /\.(md|py)$/i.test(f) && !/^readme\.md$/i.test(f)).sort();
  if (candidates.length === 0) throw new InputError(`${source}: the folder holds no project, session-script document (.md) or .py file`);
  if (candidates.length > 1) throw new InputError(`${source}: the folder holds several script files (${candidates.join(', ')}); name the one to run`);
  return { file: join(source, candidates[0]) };
}

async function loadSource(source: string, fixturesFile: string | undefined): Promise<ProjectSource> {
  const target = resolveSource(source);
  if ('project' in target) {
    const [project] = await discoverProjects(target.project);
    return projectSource(project, { fixturesFile });
  }
  try {
    return await loadScriptSource(target.file, { fixturesFile });
  } catch (error) {
    throw new InputError(`${target.file}: cannot read it (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
  }
}

/** The scenario a source folder holds (`scenario.json` / `.yaml`), if any; a single file has none of its own. */
export function defaultScenarioFile(source: string): string | undefined {
  if (!statSync(source).isDirectory()) return undefined;
  return ['scenario.json', 'scenario.yaml', 'scenario.yml'].map((f) => join(source, f)).find((f) => {
    try {
      return statSync(f).isFile();
    } catch {
      return false;
    }
  });
}

export interface SimulateOptions {
  /** A document, a .py file, a project folder, or a folder holding one of them. */
  source: string;
  /** Without one: open a session on the first configured page (or `/`), then close it. */
  scenario?: Scenario;
  fixturesFile?: string;
  strict?: boolean;
  /** May still be starting: the scripts and fixtures are read meanwhile. */
  engine: EngineHost | Promise<EngineHost>;
  /** `--script-timeout`: the limit on each script run, over periscope.json's. */
  scriptTimeoutMs?: number;
}

function problemText(p: LoadProblem): string {
  return `${p.file}:${p.position.line}:${p.position.column}: ${p.message}`;
}

/** A runtime over a source and its fixtures, ready for scenarios or a live inspector; bad input is an InputError. */
export async function openRuntime(options: Omit<SimulateOptions, 'scenario'>): Promise<Runtime> {
  const source = await loadSource(options.source, options.fixturesFile);
  const errors = source.problems.filter((p) => p.severity === 'error');
  if (errors.length > 0) throw new InputError(errors.map(problemText).join('\n'));
  const fixturesFile = options.fixturesFile;
  const baseDir = fixturesFile ? dirname(fixturesFile) : statSync(source.file).isDirectory() ? source.file : dirname(source.file);
  try {
    return await Runtime.create({
      source,
      engine: await options.engine,
      strict: options.strict,
      scriptTimeoutMs: options.scriptTimeoutMs,
      gateway: (now) => createGateway(source.fixtures, { baseDir, now, namedQueries: source.namedQueries }),
    });
  } catch (error) {
    if ((error as Error).name === 'GatewaySetupError') throw new InputError(`${fixturesFile ?? baseDir}: ${(error as Error).message}`);
    throw error;
  }
}

export async function simulate(options: SimulateOptions): Promise<SimulationResult> {
  const runtime = await openRuntime(options);
  try {
    const scenario = options.scenario ?? defaultScenario(runtime);
    const expectations = await runScenario(runtime, scenario);
    const snapshot = runtime.snapshot();
    const timeouts = timeoutsOf(runtime.trace.events);
    return {
      version: 1,
      tolerated: runtime.tolerated,
      events: runtime.trace.events,
      sessions: snapshot.sessions.map((s) => ({ ...s, pages: s.pages.map((p) => ({ id: p.id, path: p.path, primaryView: p.primaryView, popups: p.popups, views: p.views })) })),
      expectations,
      strictFailures: runtime.strictFailures,
      ...(timeouts ? { timeouts } : {}),
      internalFailures: runtime.internal.failures,
    };
  } finally {
    await runtime.dispose();
  }
}

function defaultScenario(runtime: Runtime): Scenario {
  const file = runtime.project.source;
  const first = Object.keys(runtime.fixtures.pages)[0] ?? '/';
  return {
    file,
    name: 'default: open a page, then close',
    steps: [
      { kind: 'open', path: first, device: 'desktop', session: 's1', index: 1 },
      { kind: 'close', session: 's1', index: 2 },
    ],
  };
}
