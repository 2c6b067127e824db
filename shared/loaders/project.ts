// Loads Ignition gateway projects (8.1 and 8.3 exports) as they sit on disk, following `parent` inheritance.
import { basename, dirname, join } from 'node:path';
import type { LoadProblem, Script } from '../source/script';
import type { Position } from '../source/origin';
import { FIXTURES_FILE, loadFixtures } from '../gateway-config/load';
import type { Fixtures } from '../gateway-config/fixtures';
import { problemAt, property } from './json-file';
import { findProjectRoots, isProjectFolder } from './project-detect';
import { ProjectReader } from './project-files';
import { loadAlarmPipelines } from './project-alarm-pipelines';
import { loadGatewayEvents } from './project-gateway-events';
import { layoutVersion, unreadScriptNotes } from './project-layout';
import { loadReports } from './project-reports';
import { loadWebDev } from './project-webdev';
import { loadLibrary } from './project-library';
import { loadNamedQueries, type ProjectNamedQuery } from './project-named-queries';
import { MissingViews } from './missing-views';
import { loadPageConfig, type DockConfig, type PageConfig } from './project-page-config';
import { loadSessionProps, type SessionPropsConfig } from './project-session-props';
import { loadSessionScripts81, SESSION_SCRIPTS_FOLDER } from './project-session-scripts-81';
import { loadSessionScripts83 } from './project-session-scripts-83';
import { loadViews, type View } from './project-views';

export type { View, ViewComponent, ViewEmbed } from './project-views';
export type { PageConfig, DockConfig } from './project-page-config';
export type { SessionPropsConfig } from './project-session-props';
export type { ProjectNamedQuery } from './project-named-queries';

export interface Project {
  /** The folder name, which is the project's name on a gateway. */
  name: string;
  root: string;
  version: '8.1' | '8.3';
  /** Name of the parent project (project.json `parent`). */
  parent?: string;
  /**
   * The parent project named by project.json (or one of its ancestors) that the export does not hold: its views,
   * library and named queries are unknown, and stay undefined until used.
   */
  missingParent?: string;
  title?: string;
  sessionProps: SessionPropsConfig;
  /**
   * Every script in this project's own files: Session Events (events, message handlers, key and form handlers),
   * every view's scripts, and the library. `role` says which is which.
   */
  scripts: Script[];
  pages: PageConfig[];
  docks: DockConfig[];
  /** View path → view, inherited views included. */
  views: Record<string, View>;
  /** Named query path → query, inherited ones included. */
  namedQueries: Record<string, ProjectNamedQuery>;
  /** Dotted module path → library script, inherited modules included (a project's own override its parent's). */
  library: Record<string, Script>;
  problems: LoadProblem[];
}

/**
 * The projects `path` designates: a project folder, a file or folder inside one, or a folder holding several
 * (a gateway's `data/projects`, or `data/` itself). Never throws for bad content: problems name the file.
 */
export async function discoverProjects(path: string): Promise<Project[]> {
  const loader = new ProjectLoader();
  const projects: Project[] = [];
  for (const root of findProjectRoots(path)) projects.push(await loader.load(root, []));
  return projects;
}

class ProjectLoader {
  private readonly loaded = new Map<string, Promise<Project>>();

  load(root: string, chain: string[], parents: ParentFolders = []): Promise<Project> {
    let project = this.loaded.get(root);
    if (!project) {
      project = this.read(root, chain, parents);
      this.loaded.set(root, project);
    }
    return project;
  }

  private async read(root: string, chain: string[], parents: ParentFolders = []): Promise<Project> {
    const reader = new ProjectReader(root);
    const name = basename(root);
    const settings = readProjectJson(reader);
    const config = await projectConfig(reader);
    // The parents periscope.json names serve the whole chain of inheritance.
    const knownParents = [...(config.parents ?? []), ...parents];
    const version = layoutVersion(reader) ?? config.version ?? '8.1';
    const own = {
      views: loadViews(reader),
      namedQueries: loadNamedQueries(reader),
      library: loadLibrary(reader),
    };
    const inherited = settings.parent ? await this.parentOf(reader, settings, [...chain, name], knownParents) : undefined;
    const missingParent = inherited === 'missing' ? settings.parent : inherited?.missingParent;
    const parentProject = inherited === 'missing' ? undefined : inherited;
    // What is wrong further up the inheritance (a loop, a grandparent not exported) is this project's problem too.
    if (parentProject) reader.problems.push(...parentProject.problems.filter((p) => p.rule === 'missing-parent-project' && p.file !== reader.path('project.json')));
    const views = { ...parentProject?.views, ...own.views };
    const hasPageConfig = reader.exists(reader.path('com.inductiveautomation.perspective/page-config/config.json'));
    const missingViews = new MissingViews((p) => Object.hasOwn(views, p), missingParent);
    const pageConfig = hasPageConfig ? loadPageConfig(reader, missingViews) : undefined;
    for (const view of Object.values(own.views)) {
      for (const embed of view.embeds) {
        const finding = missingViews.check(`the component ${embed.component} embeds`, embed.viewPath);
        if (finding) reader.problem(view.file, embed.position.line, embed.position.column, finding.message, finding.severity, 'missing-view');
      }
    }
    const sessionScripts = reader.exists(reader.path(SESSION_SCRIPTS_FOLDER, 'data.bin')) ? loadSessionScripts81(reader) : loadSessionScripts83(reader);
    const gatewayScripts = [...loadGatewayEvents(reader), ...loadWebDev(reader), ...loadAlarmPipelines(reader), ...loadReports(reader)];
    reader.problems.push(...unreadScriptNotes(reader));
    return {
      name,
      root,
      version,
      ...(settings.parent ? { parent: settings.parent } : {}),
      ...(missingParent ? { missingParent } : {}),
      ...(settings.title ? { title: settings.title } : {}),
      sessionProps: loadSessionProps(reader),
      scripts: [...sessionScripts, ...Object.values(own.views).flatMap((v) => v.scripts), ...Object.values(own.library), ...gatewayScripts],
      pages: pageConfig?.pages ?? parentProject?.pages ?? [],
      docks: pageConfig?.docks ?? parentProject?.docks ?? [],
      views,
      namedQueries: { ...parentProject?.namedQueries, ...own.namedQueries },
      library: { ...parentProject?.library, ...own.library },
      problems: reader.problems,
    };
  }

  /**
   * The parent is a sibling folder of the same name, as in a gateway's data/projects, or a folder periscope.json
   * names in `parents` (by folder name, or the only one given). A parent that cannot be found is one finding.
   */
  private async parentOf(reader: ProjectReader, settings: ProjectSettings, chain: string[], parents: ParentFolders): Promise<Project | 'missing' | undefined> {
    const parent = settings.parent!;
    const file = reader.path('project.json');
    const { line, column } = settings.parentPosition ?? { line: 1, column: 1 };
    if (chain.includes(parent)) {
      reader.problem(file, line, column, `project inheritance loops (${[...chain.slice(chain.indexOf(parent)), parent].join(' → ')}); a project cannot inherit from itself: change or clear "parent"`, 'error', 'missing-parent-project');
      return undefined;
    }
    const sibling = join(dirname(reader.root), parent);
    const named = parents.find((p) => basename(p.folder) === parent) ?? (parents.length === 1 ? parents[0] : undefined);
    for (const candidate of [sibling, ...(named ? [named.folder] : [])]) {
      if (reader.isDirectory(candidate) && isProjectFolder(candidate)) return this.load(candidate, chain, parents);
    }
    if (named) {
      reader.problem(named.file, named.position.line, named.position.column, `"${named.folder}" is not an Ignition project folder (no project.json, ignition/ or com.inductiveautomation.perspective/ in it); point "parents" at the export of ${parent}`, 'error', 'missing-parent-project');
    }
    reader.problem(file, line, column, `the parent project "${parent}" is not in the export: its views, library packages and named queries are unknown here and fail where they are used; export it beside this project (${sibling}) or name its folder in periscope.json, "parents": ["../${parent}"]`, 'warning', 'missing-parent-project');
    return 'missing';
  }
}

type ParentFolders = NonNullable<Fixtures['parents']>;

interface ProjectSettings {
  parent?: string;
  parentPosition?: Position;
  title?: string;
}

function readProjectJson(reader: ProjectReader): ProjectSettings {
  const file = reader.path('project.json');
  if (!reader.exists(file)) return {};
  const doc = reader.readJson(file);
  if (!doc?.root) return {};
  if (doc.root.type !== 'object') {
    problemAt(doc, doc.root.offset, 'project.json must hold an object such as {"title": "Plant", "parent": "", "enabled": true}');
    return {};
  }
  const text = (key: string): string | undefined => {
    const node = property(doc.root, key);
    return node?.type === 'string' && node.value !== '' ? String(node.value) : undefined;
  };
  const parent = text('parent');
  const parentNode = property(doc.root, 'parent');
  // A parent is a project beside this one, named as the gateway names it: a path could lead out of the projects folder.
  if (parent !== undefined && (/[/\\]/.test(parent) || parent === '.' || parent === '..')) {
    problemAt(doc, parentNode!.offset, `"parent" is ${JSON.stringify(parent)}, a path; a parent is the name of another project in the same projects folder, such as "Global"`);
    return { title: text('title') };
  }
  return { parent, ...(parentNode ? { parentPosition: doc.lines.position(parentNode.offset) } : {}), title: text('title') };
}

/**
 * What periscope.json at the top of the project says about it: its version (for a project whose layout does not
 * say, such as a library-only parent) and where its parents are.
 */
async function projectConfig(reader: ProjectReader): Promise<{ version?: '8.1' | '8.3'; parents?: ParentFolders }> {
  const file = reader.path(FIXTURES_FILE);
  if (!reader.exists(file)) return {};
  const { fixtures } = await loadFixtures(file);
  return { version: fixtures.project.version, ...(fixtures.parents ? { parents: fixtures.parents } : {}) };
}
