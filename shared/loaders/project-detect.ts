// Recognises Ignition project folders: one project, a path inside one, or a folder (data/projects) holding several.
import { readdirSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

/** A folder is a project when it has the layout a gateway writes. */
export function isProjectFolder(folder: string): boolean {
  return ['project.json', 'com.inductiveautomation.perspective', 'ignition'].some((name) => exists(join(folder, name)));
}

/**
 * Project roots that `path` designates, in name order; none when it is not inside or above a project. A file
 * designates only the project it is in, never projects beside it.
 */
export function findProjectRoots(path: string): string[] {
  const folder = isDirectory(path);
  const start = folder ? path : dirname(path);
  if (isProjectFolder(start)) return [start];
  const enclosing = enclosingProject(start);
  if (enclosing) return [enclosing];
  if (!folder) return [];
  // A gateway's data folder holds projects/; a projects folder (or a repository of exports) holds the projects.
  const holder = isDirectory(join(start, 'projects')) && !isProjectFolder(join(start, 'projects')) ? join(start, 'projects') : start;
  return subfolders(holder).filter(isProjectFolder);
}

/**
 * The nearest ancestor that is a project folder, spelled from `folder` (relative stays relative, so problems name
 * files as the user gave them). Ancestors need project.json or a Perspective folder: a stray `ignition/` folder
 * higher up is not enough.
 */
function enclosingProject(folder: string): string | undefined {
  let current = resolve(folder);
  for (let up = 1; ; up++) {
    const parent = dirname(current);
    if (parent === current) return undefined;
    if (exists(join(parent, 'project.json')) || exists(join(parent, 'com.inductiveautomation.perspective'))) {
      return join(folder, ...Array<string>(up).fill('..'));
    }
    current = parent;
  }
}

function subfolders(folder: string): string[] {
  try {
    return readdirSync(folder, { withFileTypes: true })
      .filter((e) => e.isDirectory() && !e.name.startsWith('.'))
      .map((e) => join(folder, e.name))
      .sort();
  } catch {
    return [];
  }
}

function exists(path: string): boolean {
  try {
    statSync(path);
    return true;
  } catch {
    return false;
  }
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}
