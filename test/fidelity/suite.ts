// Runs the whole fidelity suite: every program on Debian's `jython` (one batch) and on every available engine
// through the runtime, every source through its scenario, and compares what each engine must agree with.
import { readScenario } from '../../shared/runtime/scenario';
import { simulate } from '../../shared/runtime/simulation';
import { programCases, sourceCases, type ProgramCase, type SourceCase } from './cases';
import { compare, markStale, type Comparison } from './compare';
import { referenceEngine, runJythonDirect, runtimeEngines, type RuntimeEngine } from './engines';
import type { KnownDifference } from './known-differences';
import { directProgramTrace, runtimeProgramTrace, sessionTrace, sessionTraceByScript } from './trace';

export const direct = 'jython (direct)';

interface EngineRuns {
  programs: Map<string, { program: string[]; session: string[] }>;
  /** Per source family, per script label, the script's part of the session trace. */
  sources: Map<string, Map<string, string[]>>;
}

export interface SuiteResult {
  programs: ProgramCase[];
  /** Every case id with its family: programs, then each source's scripts. */
  cases: Array<{ id: string; family: string }>;
  engines: Array<{ name: string; skipped?: string }>;
  /** Why the direct run did not happen, when it did not. */
  directSkipped?: string;
  comparisons: Comparison[];
}

async function runOn(engine: RuntimeEngine, programs: ProgramCase[], sources: SourceCase[]): Promise<EngineRuns> {
  const host = await engine.start();
  try {
    const runs: EngineRuns = { programs: new Map(), sources: new Map() };
    for (const p of programs) {
      const result = await simulate({ source: p.file, engine: host, strict: p.strict });
      runs.programs.set(p.id, { program: runtimeProgramTrace(result.events, p.file), session: sessionTrace(result.events) });
    }
    for (const s of sources) {
      const scenario = s.scenario ? await readScenario(s.scenario) : undefined;
      runs.sources.set(s.family, sessionTraceByScript(await simulate({ source: s.source, engine: host, scenario })));
    }
    return runs;
  } finally {
    await host.dispose();
  }
}

export async function runSuite(known: KnownDifference[], options: { only?: (id: string) => boolean } = {}): Promise<SuiteResult> {
  const programs = programCases().filter((p) => options.only?.(p.id) ?? true);
  const sources = sourceCases().filter((s) => options.only?.(s.family) ?? true);
  const engines: SuiteResult['engines'] = [];
  const available: RuntimeEngine[] = [];
  for (const engine of runtimeEngines) {
    const skipped = await engine.unavailable();
    engines.push({ name: engine.name, ...(skipped ? { skipped } : {}) });
    if (!skipped) available.push(engine);
  }
  // The JVM batch runs in its own process while the engines run here.
  const directRun = runJythonDirect(programs.map((p) => p.file));
  const runs = new Map<string, EngineRuns>();
  for (const engine of available) runs.set(engine.name, await runOn(engine, programs, sources));
  const directResults = await directRun;

  const comparisons: Comparison[] = [];
  const reference = runs.get(referenceEngine);
  for (const [engine, engineRuns] of runs) {
    for (const p of programs) {
      const mine = engineRuns.programs.get(p.id)!;
      if (directResults) {
        const what = { caseId: p.id, family: p.family, engine, against: direct };
        comparisons.push(compare(what, directProgramTrace(directResults[p.file]), mine.program, known));
      }
      if (reference && engine !== referenceEngine) {
        const what = { caseId: p.id, family: p.family, engine, against: referenceEngine };
        comparisons.push(compare(what, reference.programs.get(p.id)!.session, mine.session, known));
      }
    }
    if (!reference || engine === referenceEngine) continue;
    for (const [family, scripts] of engineRuns.sources) {
      const expected = reference.sources.get(family)!;
      for (const label of new Set([...expected.keys(), ...scripts.keys()])) {
        const what = { caseId: `${family}/${label}`, family, engine, against: referenceEngine };
        comparisons.push(compare(what, expected.get(label) ?? [], scripts.get(label) ?? [], known));
      }
    }
  }

  const cases = programs.map((p) => ({ id: p.id, family: p.family }));
  const firstRuns = [...runs.values()][0];
  for (const s of sources) {
    const labels = new Set([...runs.values()].flatMap((r) => [...r.sources.get(s.family)!.keys()]));
    for (const label of labels) cases.push({ id: `${s.family}/${label}`, family: s.family });
  }
  return {
    programs,
    cases: firstRuns ? cases : cases.slice(0, programs.length),
    engines,
    ...(directResults ? {} : { directSkipped: 'no jython on PATH (apt-get install jython)' }),
    comparisons: markStale(comparisons),
  };
}
