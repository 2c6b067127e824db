// `periscope lint`: lints documents, Python files and project folders, prints findings, optionally applies safe fixes.
import { isAbsolute, resolve } from 'node:path';
import { UsageError, type CliIo, type Command } from './command';
import { sharedLinter, type Linter, type LintOptions } from '../lint/linter';
import { lintInPool, POOL_MIN_CHARACTERS, poolSize } from '../lint/pool';
import { compareDiagnostics, type Diagnostic } from '../lint/diagnostic';
import { ConfigError, findLintConfig, type LintConfig } from '../lint/config';
import { collectSources, isUnder, scriptCounts, SourceError, type Sources } from '../lint/sources';
import { fixInPlace, type LintRun } from './lint-fix';
import { formatText } from '../lint/format/text';
import { formatJson } from '../lint/format/json';
import { formatSarif } from '../lint/format/sarif';
import { discoverJython } from '../engine/jython/discover';
import { chooseWasmTier, tuneForShortRun } from './short-run';
import type { EngineName, TargetVersion } from '../lint/rule';

const HELP = `Usage: periscope lint [paths...] [--format text|json|sarif] [--target 8.1|8.3] [--engine auto|pyodide|jython] [--fix] [--jobs N]

Lints Ignition Perspective scripts for Jython 2.7 and the session model: session-script documents (.md),
Python files (.py) and project folders (every script location of an 8.1 or 8.3 project). Folders are walked;
node_modules and .git are skipped. With no path, the current folder.

Options:
  --format text|json|sarif  text (default): file:line:col severity rule message, then a summary;
                            json: {"version": 2, "files": N, "scripts": {kind: N}, "diagnostics": [...]};
                            sarif: SARIF 2.1.0
  --target 8.1|8.3          the Ignition version the scripts run on (default: periscope.json, else 8.3)
  --engine auto|pyodide|jython
                            the engine simulations use; auto (the default) is Jython where Java and a Jython jar
                            are found, else Pyodide. With Pyodide, the pyodide-differs rule warns about what that
                            engine cannot run exactly as Jython does
  --fix                     apply safe fixes in place, changing only the bytes each fix replaces; a file is
                            written whole or not at all, and never over changes made since it was linted
  --jobs N                  lint files on N worker threads (default: one per core when there are enough files;
                            1 lints on the main thread)

Settings: the "lint" section of the nearest periscope.json, e.g.
  {"lint": {"target": "8.1", "rules": {"roles-may-be-none": "error", "not-a-session-event": "off"}}}
Suppress a finding on one line with  # periscope: ignore[rule-id]  (or  # periscope: ignore  for all).
Rules: 'periscope rules'. Exit status: 0 no errors, 1 findings of severity error, 2 usage or I/O error,
3 an internal error (a bug in Periscope; --debug prints its stack).
`;

type Format = 'text' | 'json' | 'sarif';

interface LintArgs {
  paths: string[];
  format: Format;
  target?: TargetVersion;
  engine: EngineName | 'auto';
  fix: boolean;
  /** Worker threads; absent to let the size of the work decide. */
  jobs?: number;
}

export const lintCommand: Command = {
  name: 'lint',
  summary: 'Lint session scripts for Jython 2.7 and Perspective mistakes',
  help: HELP,
  async run(args, io) {
    const options = parseArgs(args);
    tuneForShortRun();
    const paths = (options.paths.length > 0 ? options.paths : ['.']).map((p) => (isAbsolute(p) ? p : resolve(io.cwd, p)));
    // The parser's wasm compiles off the main thread while it reads the files; a failure is thrown where it is awaited.
    const linter = sharedLinter();
    linter.catch(() => undefined);
    try {
      let result = await lintPaths(linter, paths, options);
      let writeFailed = false;
      if (options.fix) {
        const report = await fixInPlace(result, () => lintPaths(linter, paths, options));
        result = report.run;
        writeFailed = report.failed;
        for (const [file, reason] of report.notFixed) io.stderr(`${display(io, file)}: ${reason}\n`);
        io.stderr(`periscope lint: applied ${report.applied} fix${report.applied === 1 ? '' : 'es'}\n`);
      }
      for (const s of result.sources.skipped) io.stderr(`${display(io, s.path)}: skipped: ${s.reason}\n`);
      const diagnostics = result.diagnostics.map((d) => ({ ...d, file: display(io, d.file) }));
      io.stdout(render(options.format, diagnostics, result.sources, io, await linter));
      return writeFailed ? 2 : diagnostics.some((d) => d.severity === 'error') ? 1 : 0;
    } catch (error) {
      if (error instanceof SourceError || error instanceof ConfigError) {
        io.stderr(`periscope lint: ${error.message}\n`);
        return 2;
      }
      throw error;
    }
  },
};

function parseArgs(args: string[]): LintArgs {
  const result: LintArgs = { paths: [], format: 'text', engine: 'auto', fix: false };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    const [flag, inline] = arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    const value = () => {
      const v = inline ?? args[++i];
      if (v === undefined) throw new UsageError(`${flag} needs a value`);
      return v;
    };
    if (flag === '--format') {
      const format = value();
      if (format !== 'text' && format !== 'json' && format !== 'sarif') throw new UsageError(`--format must be text, json or sarif, not '${format}'`);
      result.format = format;
    } else if (flag === '--target') {
      const target = value();
      if (target !== '8.1' && target !== '8.3') throw new UsageError(`--target must be 8.1 or 8.3, not '${target}'`);
      result.target = target;
    } else if (flag === '--engine') {
      const engine = value();
      if (engine !== 'auto' && engine !== 'pyodide' && engine !== 'jython') throw new UsageError(`--engine must be auto, pyodide or jython, not '${engine}'`);
      result.engine = engine;
    } else if (flag === '--jobs') {
      const jobs = value();
      if (!/^[1-9][0-9]{0,2}$/.test(jobs)) throw new UsageError(`--jobs must be a number of threads from 1 to 999, not '${jobs}'`);
      result.jobs = Number(jobs);
    } else if (flag === '--fix') {
      result.fix = true;
    } else if (flag.startsWith('-')) {
      throw new UsageError(`unknown option '${flag}'`);
    } else {
      result.paths.push(arg);
    }
  }
  return result;
}

/** The engine a simulation here would use: `auto` is Jython where it is installed (nothing is started to know). */
function engineInUse(choice: LintArgs['engine']): EngineName {
  if (choice !== 'auto') return choice;
  return 'missing' in discoverJython({}) ? 'pyodide' : 'jython';
}

async function lintPaths(loading: Promise<Linter>, paths: string[], { target, engine: choice, jobs }: LintArgs): Promise<LintRun> {
  const engine = engineInUse(choice);
  const sources = await collectSources(paths);
  chooseWasmTier(sources.units.reduce((sum, unit) => unit.scripts.reduce((n, script) => n + script.text.length, sum), 0));
  const linter = await loading;
  const known = new Set(linter.rules.map((r) => r.id));
  const configs = new Map<string, LintConfig>();
  const settings = sources.units.map((unit) => {
    const config = findLintConfig(unit.path, known, configs);
    const options: LintOptions = { target: target ?? config.target ?? unit.target, engine, rules: config.rules };
    if (unit.globals) options.globals = unit.globals;
    if (unit.missingParent) options.missingParent = unit.missingParent;
    return options;
  });
  const pooled = await lintFilesInPool(linter, sources, settings, jobs);
  const diagnostics: Diagnostic[] = [];
  sources.units.forEach((unit, i) => {
    const options = settings[i];
    const found = [
      ...unit.findings.filter((d) => options.rules?.[d.rule] !== 'off'),
      ...(pooled.get(i) ?? linter.lintScripts(unit.scripts, options)),
    ];
    diagnostics.push(...(unit.only ? found.filter((d) => isUnder(d.file, unit.only!)) : found));
  });
  return { sources, diagnostics: diagnostics.sort(compareDiagnostics) };
}

/** The diagnostics of the one-file units, by unit index, linted on worker threads and this one when there is enough to share. */
async function lintFilesInPool(linter: Linter, sources: Sources, settings: readonly LintOptions[], jobs: number | undefined): Promise<Map<number, Diagnostic[]>> {
  const indexes = sources.units.flatMap((unit, i) => (unit.text !== undefined && unit.scripts.length > 0 ? [i] : []));
  const characters = indexes.reduce((sum, i) => sum + sources.units[i].text!.length, 0);
  const size = jobs ?? (characters >= POOL_MIN_CHARACTERS ? poolSize() : 1);
  if (size < 2 || indexes.length < 2) return new Map();
  const files = indexes.map((i) => ({ file: sources.units[i].path, text: sources.units[i].text!, options: settings[i] }));
  const results = await lintInPool(files, size, (k) => linter.lintScripts(sources.units[indexes[k]].scripts, settings[indexes[k]]));
  return new Map(indexes.map((unitIndex, k) => [unitIndex, results[k]]));
}

function render(format: Format, diagnostics: Diagnostic[], sources: Sources, io: CliIo, linter: Linter): string {
  if (format === 'json') return formatJson(diagnostics, sources.files, scriptCounts(sources));
  if (format === 'sarif') {
    // Fixes in SARIF give lines and columns, read from the text each file had when it was linted.
    const texts = new Map(sources.units.flatMap((u) => u.scripts.map((s) => [display(io, s.origin.file), s.origin.original.text] as const)));
    return formatSarif(diagnostics, linter.rules, io.cwd, texts);
  }
  return formatText(diagnostics, sources.files, io.isTTY, scriptCounts(sources));
}

/** Paths relative to the working folder when inside it, as people typed them. */
function display(io: CliIo, file: string): string {
  const cwd = io.cwd.endsWith('/') ? io.cwd : io.cwd + '/';
  return file.startsWith(cwd) ? file.slice(cwd.length) : file;
}
