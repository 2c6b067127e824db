// The names a unit's scripts refer to by string or by module path: named queries, pages, tags, library functions.
import { readFileSync } from 'node:fs';
import { FixtureTagProvider } from '../gateway/tags';
import type { Script } from '../source/script';
import type { FileLocation } from './file-view';
import type { Unit } from './workspace';

export interface NamedQueryName {
  path: string;
  type?: string;
  sql?: string;
  /** `query.sql` of the project, or the fixtures file that declares it. */
  location?: FileLocation;
}

export interface PageName {
  url: string;
  title?: string;
  viewPath?: string;
}

export interface LibraryFunction {
  module: string;
  name: string;
  params: string;
  doc?: string;
  script: Script;
  /** Offset of `def` in the script's text. */
  offset: number;
}

/** Named queries of the project and of its fixtures (the fixtures' own win, as in a simulation). */
export function namedQueries(unit: Unit): NamedQueryName[] {
  const out = new Map<string, NamedQueryName>();
  for (const [path, query] of Object.entries(unit.project?.namedQueries ?? {})) {
    out.set(path, { path, type: query.type, sql: query.sql, location: { file: query.file, start: 0, end: 0 } });
  }
  const fixturesText = unit.fixturesFile ? readText(unit.fixturesFile) : undefined;
  for (const [path, query] of Object.entries(unit.fixtures?.namedQueries ?? {})) {
    const at = fixturesText?.indexOf(JSON.stringify(path)) ?? -1;
    const location = unit.fixturesFile && at >= 0 ? { file: unit.fixturesFile, start: at, end: at + JSON.stringify(path).length } : undefined;
    out.set(path, { path, type: query.type, sql: query.sql, ...(location ? { location } : {}) });
  }
  return [...out.values()].sort((a, b) => a.path.localeCompare(b.path));
}

export function pages(unit: Unit): PageName[] {
  const out = new Map<string, PageName>();
  for (const page of unit.project?.pages ?? []) out.set(page.url, { url: page.url, title: page.title, viewPath: page.viewPath });
  for (const [url, page] of Object.entries(unit.fixtures?.pages ?? {})) out.set(url, { url, ...page });
  return [...out.values()].sort((a, b) => a.url.localeCompare(b.url));
}

/** Tag paths of the fixtures with their first values. */
export function tags(unit: Unit): Array<{ path: string; value: unknown }> {
  if (!unit.fixtures) return [];
  const provider = new FixtureTagProvider(unit.fixtures.tags, () => 0);
  const paths = provider.paths();
  const values = provider.read(paths);
  return paths.map((path, i) => ({ path, value: values[i].value }));
}

/** Library modules by dotted path. */
export function libraryModules(unit: Unit): Record<string, Script> {
  return unit.project?.library ?? {};
}

/** The functions a library module defines at its top level, with their parameters and docstrings. */
export function libraryFunctions(unit: Unit, module: string): LibraryFunction[] {
  const script = libraryModules(unit)[module];
  if (!script) return [];
  const out: LibraryFunction[] = [];
  for (const m of script.text.matchAll(/^def[ \t]+([A-Za-z_]\w*)[ \t]*\(([^)]*)\)[ \t]*:[^\n]*\n(?:[ \t]*\n)*([ \t]+)(?:"""([\s\S]*?)"""|'''([\s\S]*?)''')?/gm)) {
    const doc = (m[4] ?? m[5])?.trim();
    out.push({ module, name: m[1], params: m[2].replace(/\s+/g, ' ').trim(), ...(doc ? { doc } : {}), script, offset: m.index });
  }
  return out;
}

/** `pkg.module.fn` (or `pkg.module`) resolved against the library. */
export function resolveLibrary(unit: Unit, dotted: string): { module: string; script: Script; fn?: LibraryFunction } | undefined {
  const library = libraryModules(unit);
  if (Object.hasOwn(library, dotted)) return { module: dotted, script: library[dotted] };
  const dot = dotted.lastIndexOf('.');
  if (dot === -1) return undefined;
  const module = dotted.slice(0, dot);
  if (!Object.hasOwn(library, module)) return undefined;
  const fn = libraryFunctions(unit, module).find((f) => f.name === dotted.slice(dot + 1));
  return fn ? { module, script: library[module], fn } : undefined;
}

function readText(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}
