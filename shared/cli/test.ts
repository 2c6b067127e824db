// `periscope test`: runs scenario files and reports one line per scenario, then the totals.
import { lstatSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
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
import { errorCode } from '../source/error-code';

const help = () => `Usage: periscope test <files or folders...> [--strict] [--engine auto|pyodide|jython] [--jython JAR]
                     [--script-timeout DURATION]

Runs scenario files (scenario.json, *.scenario.json, and the .yaml forms) against their session scripts and
checks their expectations. A scenario names its scripts with "source" (relative to the scenario); without it,
the one document or .py file in the scenario's folder is used. Folders are walked without node_modules, hidden
folders and links to folders.

  --strict            fail where a real gateway would fail (Python 3 syntax, session.id, page calls in Startup...)
${engineFlagsHelp()}
Prints one line per scenario and ends with "N passed, N failed". Exit codes: 0 all passed, 1 an expectation
failed, 2 bad usage or a scenario that cannot be read, 3 an internal error (a bug in Periscope; --debug prints
its stack).
`;

const SCENARIO_FILE = /(^|\.)scenario\.(json|ya?ml)$/i;

/** A path under a folder that the walk could not look at (gone, unreadable): it is skipped with a word. */
export interface SkippedPath {
  path: string;
  reason: string;
}

/**
 * Scenario files named on the command line, or found under folders, in a stable order. Named paths must exist.
 * Under a folder, links to folders are not followed (a link back up would make the walk endless, and `lint` does
 * the same), only folders and scenario files are looked at (never a FIFO, which would block), and an entry that
 * vanishes or cannot be read is skipped.
 */
export function findScenarioFiles(paths: string[]): { files: string[]; skipped: SkippedPath[] } {
  const files: string[] = [];
  const skipped: SkippedPath[] = [];
  for (const named of paths) {
    let stats;
    try {
      stats = statSync(named);
    } catch {
      throw new UsageError(`${named}: no such file or folder`);
    }
    if (!stats.isDirectory()) {
      files.push(named);
      continue;
    }
    // Popped in name order, a folder's entries before its next sibling, as a recursive walk would find them.
    const pending = [{ path: named, folder: true }];
    for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
      if (!next.folder) {
        files.push(next.path);
        continue;
      }
      let entries: string[];
      try {
        entries = readdirSync(next.path).sort();
      } catch (error) {
        skipped.push({ path: next.path, reason: `cannot be read (${errorCode(error)})` });
        continue;
      }
      const found: Array<{ path: string; folder: boolean }> = [];
      for (const entry of entries) {
        if (entry === 'node_modules' || entry.startsWith('.')) continue;
        const path = join(next.path, entry);
        const scenario = SCENARIO_FILE.test(entry);
        try {
          const entryStats = lstatSync(path);
          if (entryStats.isDirectory()) found.push({ path, folder: true });
          else if (!scenario) continue;
          else if (entryStats.isFile() || (entryStats.isSymbolicLink() && statSync(path).isFile())) found.push({ path, folder: false });
          else skipped.push({ path, reason: 'is not a file' });
        } catch (error) {
          if (scenario) skipped.push({ path, reason: `cannot be read (${errorCode(error)})` });
        }
      }
      pending.push(...found.reverse());
    }
  }
  return { files, skipped };
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
    const { files, skipped } = findScenarioFiles(paths);
    for (const s of skipped) io.stderr(`${s.path}: skipped: ${s.reason}\n`);
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
