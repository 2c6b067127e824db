// Turns the paths given to `periscope lint` into groups of scripts linted together, and the files skipped, with reasons.
import { lstatSync, readdirSync, statSync } from 'node:fs';
import { basename, join, resolve, sep } from 'node:path';
import { FIXTURES_FILE } from '../gateway-config/load';
import { discoverProjects } from '../loaders/project';
import type { LoadProblem, Script } from '../source/script';
import { countScriptKinds } from '../source/script-kind';
import type { Diagnostic } from './diagnostic';
import type { TargetVersion } from './rule';
import { readSource } from './read-source';
import { badUtf8Message } from '../source/utf8';
import { isLintableFile, scriptsOfText } from './text-scripts';
import { loadTagExport, looksLikeTagExport } from '../loaders/tag-export';
import { errorCode } from '../source/error-code';

/** Scripts that belong together (one document, one Python file, one project): facts are gathered across them. */
export interface LintUnit {
  /** The file or project folder, as given or found. */
  path: string;
  scripts: Script[];
  /** Findings made before parsing: load problems, undecodable files. */
  findings: Diagnostic[];
  /** Report only findings in files under this path (a file or folder inside a project that is linted whole). */
  only?: string;
  /** The Ignition version the files are laid out for, when known (a project's layout says it). */
  target?: TargetVersion;
  /** Names every script of the unit may use: the project's library packages, inherited ones included. */
  globals?: string[];
  /** The parent project the unit's project names but the export does not hold. */
  missingParent?: string;
  /** The text of a unit that is one file (a document, a Python file), from which a worker can lint it again. */
  text?: string;
}

export interface Skipped {
  path: string;
  reason: string;
}

export interface Sources {
  units: LintUnit[];
  skipped: Skipped[];
  /** Files read, for the summary. */
  files: number;
}

/** How many scripts of each kind the units hold (only those under a unit's `only` path). */
export function scriptCounts(sources: Sources): Record<string, number> {
  return countScriptKinds(sources.units.flatMap((unit) => unit.scripts.filter((s) => !unit.only || isUnder(s.origin.file.split('#')[0], unit.only)).map((s) => s.role)));
}

/** A path that does not exist or cannot be read: the command exits 2. */
export class SourceError extends Error {}

const SKIPPED_FOLDERS = new Set(['node_modules', '.git']);

export async function collectSources(paths: readonly string[]): Promise<Sources> {
  const sources: Sources = { units: [], skipped: [], files: 0 };
  for (const path of paths) {
    let stats;
    try {
      stats = statSync(path);
    } catch {
      throw new SourceError(`${path}: no such file or folder`);
    }
    const before = sources.units.length;
    const roots = await collectProjects(path, sources);
    if (stats.isDirectory()) {
      if (!roots.some((root) => isUnder(path, root))) await collectFolder(path, roots, sources);
    } else if (sources.units.slice(before).some((unit) => projectReads(unit, path))) continue;
    // A named file is always linted: a .py or .md that its project does not load as a script is linted on its own.
    else if (isLintableFile(path) || isJson(path)) await collectFile(path, sources, true);
    else sources.skipped.push({ path, reason: skipReason(path) });
  }
  return sources;
}

/** True when a project unit reads `file`: one of its scripts comes from it, or it is one of the project's JSON files. */
function projectReads(unit: LintUnit, file: string): boolean {
  const path = resolve(file);
  return !isLintableFile(file) || unit.scripts.some((s) => resolve(s.origin.file) === path) || unit.findings.some((d) => resolve(d.file) === path);
}

function skipReason(path: string): string {
  if (/\.json$|data\.bin$/i.test(path)) return 'a JSON file outside an Ignition project folder that is not a tag export; lint the project folder instead';
  return 'not a file Periscope lints (.py, .md, or an Ignition project folder)';
}

/** The Ignition projects `path` is, is inside, or holds, each linted whole; returns their roots. */
async function collectProjects(path: string, sources: Sources): Promise<string[]> {
  const projects = await discoverProjects(path);
  // A project reports what is wrong with its inheritance further up (a loop, a grandparent not exported), and so does
  // the parent when it is linted too: one finding each.
  const reported = new Set(sources.units.flatMap((unit) => unit.findings.map(findingKey)));
  const firstTime = (d: Diagnostic): boolean => !reported.has(findingKey(d)) && Boolean(reported.add(findingKey(d)));
  for (const project of projects) {
    const inside = resolve(path).startsWith(resolve(project.root) + sep) && resolve(path) !== resolve(project.root);
    sources.units.push({
      path: project.root,
      scripts: project.scripts,
      findings: project.problems.map(problemDiagnostic).filter(firstTime),
      target: project.version,
      globals: [...new Set(Object.keys(project.library).map((module) => module.split('.')[0]))],
      ...(project.missingParent ? { missingParent: project.missingParent } : {}),
      ...(inside ? { only: path } : {}),
    });
    const files = new Set(project.scripts.map((s) => s.origin.file).filter((f) => !inside || isUnder(f, path)));
    sources.files += files.size;
  }
  return projects.map((p) => resolve(p.root));
}

function findingKey(d: Diagnostic): string {
  return `${d.file}:${d.line}:${d.column}:${d.rule}:${d.message}`;
}

export function isUnder(file: string, path: string): boolean {
  const f = resolve(file);
  const p = resolve(path);
  return f === p || f.startsWith(p + sep);
}

async function collectFolder(folder: string, projectRoots: readonly string[], sources: Sources): Promise<void> {
  const files: string[] = [];
  const stack = [folder];
  while (stack.length > 0) {
    const dir = stack.pop()!;
    let entries: string[];
    try {
      entries = readdirSync(dir).sort();
    } catch (error) {
      sources.skipped.push({ path: dir, reason: `cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'})` });
      continue;
    }
    for (const name of entries) {
      const path = join(dir, name);
      let stats;
      try {
        stats = lstatSync(path);
      } catch (error) {
        // Gone between the listing and now (a temporary file, /proc/self/fd): only a script is worth a word.
        if (isLintableFile(path)) sources.skipped.push({ path, reason: `vanished while the folder was read (${errorCode(error)})` });
        continue;
      }
      // Symbolic links are not followed, so a link cycle cannot make the walk endless.
      if (stats.isDirectory()) {
        // Project folders were loaded whole, with the roles their layout gives each script.
        if (!SKIPPED_FOLDERS.has(name) && !projectRoots.includes(resolve(path))) stack.push(path);
      } else if (stats.isFile() && (isLintableFile(path) || isJson(path))) {
        files.push(path);
      }
    }
  }
  for (const file of files.sort()) await collectFile(file, sources, false);
}

function isJson(path: string): boolean {
  return /\.json$/i.test(path);
}

/** A file named on the command line that cannot be read stops the run (exit 2); one found in a folder is skipped. */
async function collectFile(path: string, sources: Sources, named: boolean): Promise<void> {
  let read;
  try {
    read = readSource(path);
  } catch (error) {
    if (named) throw new SourceError(`${path}: cannot be read (${(error as Error).message})`);
    sources.skipped.push({ path, reason: `cannot be read (${errorCode(error)})` });
    return;
  }
  if (read.kind === 'skip') {
    sources.skipped.push({ path, reason: read.reason });
    return;
  }
  if (isJson(path)) {
    // JSON outside a project holds scripts only as a tag export (tags.json with eventScripts).
    if (read.kind === 'text' && basename(path) !== FIXTURES_FILE && looksLikeTagExport(read.text)) {
      sources.files++;
      const { scripts, problems } = loadTagExport(path, read.text);
      sources.units.push({ path, scripts, findings: problems.map(problemDiagnostic) });
    } else if (named) {
      sources.skipped.push({ path, reason: skipReason(path) });
    }
    return;
  }
  sources.files++;
  if (read.kind === 'bad-encoding') {
    const { line, column } = read.bad;
    sources.units.push({
      path, scripts: [],
      findings: [{ file: path, line, column, endLine: line, endColumn: column + 1, severity: 'error', rule: 'invalid-resource', message: badUtf8Message(read.bad) }],
    });
    return;
  }
  const { scripts, problems } = await scriptsOfText(path, read.text);
  sources.units.push({ path, scripts, findings: problems.map(problemDiagnostic), text: read.text });
}

/** A loader's problem as a finding, so it is reported, counted and exits like any other. */
export function problemDiagnostic(problem: LoadProblem): Diagnostic {
  const { line, column } = problem.position;
  return {
    file: problem.file, line, column, endLine: line, endColumn: column,
    severity: problem.severity, rule: problem.rule ?? 'invalid-resource', message: problem.message,
  };
}
