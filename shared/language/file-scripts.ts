// The scripts of one file of a project or one document, read from the editor's text (which may differ from the
// disk), with the roles the project's loaders give them.
import { basename, dirname, relative, sep } from 'node:path';
import type { Project } from '../loaders/project';
import { ProjectReader } from '../loaders/project-files';
import { LIBRARY_FOLDER } from '../loaders/project-library';
import { loadSessionScripts81, SESSION_SCRIPTS_FOLDER } from '../loaders/project-session-scripts-81';
import { loadView, VIEWS_FOLDER } from '../loaders/project-views';
import type { LoadProblem, Script, ScriptRole } from '../source/script';
import { pythonFileScript, scriptsOfText } from '../lint/text-scripts';

export interface FileScripts {
  scripts: Script[];
  problems: LoadProblem[];
  /** False when the file is part of a project but its place there is new: the project must be read again. */
  known: boolean;
}

/** A file Periscope reads scripts from, by its name. */
export function isScriptFile(file: string): boolean {
  return /\.(py|md|markdown)$/i.test(file) || basename(file) === 'view.json' || basename(file) === 'data.bin';
}

/** The scripts of a standalone document or Python file. */
export async function documentFileScripts(file: string, text: string): Promise<FileScripts> {
  const { scripts, problems } = await scriptsOfText(file, text);
  return { scripts, problems, known: true };
}

/** The scripts of a file inside `project`, from `text`. */
export function projectFileScripts(project: Project, file: string, text: string): FileScripts {
  const reader = new ProjectReader(project.root, (f) => (f === file ? text : undefined));
  const inside = relative(project.root, file).split(sep).join('/');
  const name = basename(file);
  if (name === 'view.json' && inside.startsWith(`${VIEWS_FOLDER}/`)) {
    const viewPath = dirname(inside).slice(VIEWS_FOLDER.length + 1);
    const view = loadView(reader, file, viewPath);
    return { scripts: view.scripts, problems: reader.problems, known: Object.hasOwn(project.views, viewPath) };
  }
  if (name === 'data.bin' && inside === `${SESSION_SCRIPTS_FOLDER}/data.bin`) {
    const scripts = loadSessionScripts81(reader);
    return { scripts, problems: reader.problems, known: true };
  }
  if (name.endsWith('.py')) {
    const role = roleOf(project, file, inside);
    return { scripts: role ? [pythonFileScript(file, text, role)] : [], problems: [], known: role !== undefined };
  }
  return { scripts: [], problems: [], known: true };
}

/** The role the project gave the file, or the library module a new `code.py` becomes. */
function roleOf(project: Project, file: string, inside: string): ScriptRole | undefined {
  const existing = project.scripts.find((s) => s.origin.file === file && s.id === file);
  if (existing) return existing.role;
  if (inside.startsWith(`${LIBRARY_FOLDER}/`) && inside.endsWith('/code.py')) {
    return { kind: 'library', module: dirname(inside).slice(LIBRARY_FOLDER.length + 1).split('/').join('.') };
  }
  return undefined;
}
