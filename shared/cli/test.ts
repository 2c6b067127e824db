// `periscope test`: runs scenario files and reports one line per scenario, then the totals.
import { readdirSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { EngineSelection } from '../runtime/engine-choice';
import { readScenario, ScenarioError } from '../runtime/scenario';
import { InputError, simulate } from '../runtime/simulation';
import { addTimeouts, timeoutLine, type TimeoutSummary } from '../runtime/timeouts';
import { optionValue, UsageError, type Command } from './command';
import { engineFlagsHelp, readEngineFlag } from './engine-flags';
import { errorSummary, type InternalFailure } from '../runtime/internal-failures';
import { RunInternalFailures } from './internal-error';
import { toleratedSummary } from './tolerated';
import { withEngine } from './with-engine';

const help = () => `Usage: periscope test <files or folders...> [--strict] [--engine auto|pyodide|jython] [--jython JAR]
                     [--script-timeout DURATION]

Runs scenario files (scenario.json, *.scenario.json, and the .yaml forms) against their session scripts and
checks their expectations. A scenario names its scripts with "source" (relative to the scenario); without it,
the one document or .py file in the scenario's folder is used.

  --strict            fail where a real gateway would fail (Python 3 syntax, session.id, page calls in Startup...)
${engineFlagsHelp()}
Prints one line per scenario and ends with "N passed, N failed". Exit codes: 0 all passed, 1 an expectation
failed, 2 bad usage or a scenario that cannot be read, 3 an internal error (a bug in Periscope; --debug prints
its stack).
`;

const SCENARIO_FILE = /(^|\.)scenario\.(json|ya?ml)$/i;

/** Scenario files named on the command line, or found under folders, in a stable order. */
export function findScenarioFiles(paths: string[]): string[] {
  const found: string[] = [];
  const walk = (path: string, named: boolean) => {
    let stat;
    try {
      stat = statSync(path);
    } catch {
      throw new UsageError(`${path}: no such file or folder`);
    }
    if (stat.isFile()) {
      if (named || SCENARIO_FILE.test(basename(path))) found.push(path);
      return;
    }
    for (const entry of readdirSync(path).sort()) {
      if (entry === 'node_modules' || entry.startsWith('.')) continue;
      walk(join(path, entry), false);
    }
  };
  for (const path of paths) walk(path, true);
  return found;
}

export const testCommand: Command = {
  name: 'test',
  summary: 'Run scenario files against session scripts and check their expectations',
  get help() {
    return help();
  },
  async run(args, io) {
    let strict = false;
    const selection: EngineSelection = { engine: 'auto' };
    const paths: string[] = [];
    for (let i = 0; i < args.length; i++) {
      const arg = args[i];
      if (arg === '--strict') strict = true;
      else if (readEngineFlag(arg, () => optionValue(args, ++i, arg), selection)) continue;
      else if (arg.startsWith('--')) throw new UsageError(`unknown option ${arg}`);
      else paths.push(arg);
    }
    if (paths.length === 0) throw new UsageError('name scenario files or folders, e.g. periscope test examples/seed');
    const files = findScenarioFiles(paths);
    if (files.length === 0) {
      io.stderr(`periscope test: no scenario files (scenario.json, *.scenario.json) under ${paths.join(', ')}\n`);
      return 2;
    }
    let passed = 0;
    let failed = 0;
    let unreadable = false;
    let timeouts: TimeoutSummary | undefined;
    const internalFailures: InternalFailure[] = [];
    const ran = await withEngine('test', io, { ...selection, source: paths[0] }, async (starting) => {
      const engine = await starting;
      io.stdout(`engine ${engine.identity.name}: ${engine.identity.about} (${engine.identity.reason})\n`);
      for (const file of files) {
        try {
          const scenario = await readScenario(file);
          const result = await simulate({ source: scenario.source ?? dirname(file), scenario, strict, engine, fixturesFile: scenario.fixtures, scriptTimeoutMs: selection.scriptTimeoutMs });
          timeouts = addTimeouts(timeouts, result.timeouts);
          internalFailures.push(...result.internalFailures);
          const { expectations } = result;
          if (expectations.failed === 0 && result.strictFailures.length === 0) {
            passed++;
            io.stdout(`✓ ${scenario.name} (${expectations.passed} expectations)\n`);
          } else {
            failed++;
            io.stdout(`✗ ${scenario.name}: ${expectations.failed} of ${expectations.passed + expectations.failed} expectations failed\n`);
            for (const failure of expectations.failures) io.stdout(`    ${failure.message}\n`);
            for (const failure of result.strictFailures) io.stdout(`    strict: ${failure.message}\n`);
          }
          if (result.tolerated.length > 0) io.stderr(`periscope test: ${scenario.name}: ${toleratedSummary(result.tolerated)}\n`);
          for (const failure of result.internalFailures) io.stdout(`    internal error (a bug in Periscope) at trace event ${failure.seq}: ${errorSummary(failure.error)}\n`);
        } catch (error) {
          if (!(error instanceof ScenarioError || error instanceof InputError)) throw error;
          failed++;
          unreadable = true;
          io.stdout(`✗ ${file}: ${error.message}\n`);
        }
      }
      return 0;
    });
    if (ran !== 0) return ran;
    io.stdout(`\n${passed} passed, ${failed} failed\n`);
    if (timeouts) io.stdout(`${timeoutLine(timeouts)}\n`);
    if (internalFailures.length > 0) throw new RunInternalFailures(internalFailures);
    return unreadable ? 2 : failed > 0 ? 1 : 0;
  },
};
