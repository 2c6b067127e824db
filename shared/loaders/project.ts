// Loads Ignition gateway projects (8.1 and 8.3 exports) as they sit on disk, following `parent` inheritance.
import { basename, dirname, join } from 'node:path';
import type { LoadProblem, Script } from '../source/script';
import { FIXTURES_FILE, loadFixtures } from '../gateway-config/load';
import { problemAt, property } from './json-file';
import { findProjectRoots } from './project-detect';
import { ProjectReader } from './project-files';
import { loadLibrary } from './project-library';
import { loadNamedQueries, type ProjectNamedQuery } from './project-named-queries';
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

  load(root: string, chain: string[]): Promise<Project> {
    let project = this.loaded.get(root);
    if (!project) {
      project = this.read(root, chain);
      this.loaded.set(root, project);
    }
    return project;
  }

  private async read(root: string, chain: string[]): Promise<Project> {
    const reader = new ProjectReader(root);
    const name = basename(root);
    const settings = readProjectJson(reader);
    const version = await detectVersion(reader);
    const own = {
      views: loadViews(reader),
      namedQueries: loadNamedQueries(reader),
      library: loadLibrary(reader),
    };
    const inherited = settings.parent ? await this.parentOf(reader, settings.parent, [...chain, name]) : undefined;
    const views = { ...inherited?.views, ...own.views };
    const hasPageConfig = reader.exists(reader.path('com.inductiveautomation.perspective/page-config/config.json'));
    const pageConfig = hasPageConfig ? loadPageConfig(reader, (p) => Object.hasOwn(views, p)) : undefined;
    for (const view of Object.values(own.views)) {
      for (const embed of view.embeds) {
        if (!Object.hasOwn(views, embed.viewPath)) {
          reader.problem(view.file, embed.position.line, embed.position.column, `the component ${embed.component} embeds the view "${embed.viewPath}", which does not exist in the project; create it or correct the path`, 'warning');
        }
      }
    }
    const sessionScripts = version === '8.1' ? loadSessionScripts81OrNone(reader) : loadSessionScripts83(reader);
    return {
      name,
      root,
      version,
      ...(settings.parent ? { parent: settings.parent } : {}),
      ...(settings.title ? { title: settings.title } : {}),
      sessionProps: loadSessionProps(reader),
      scripts: [...sessionScripts, ...Object.values(own.views).flatMap((v) => v.scripts), ...Object.values(own.library)],
      pages: pageConfig?.pages ?? inherited?.pages ?? [],
      docks: pageConfig?.docks ?? inherited?.docks ?? [],
      views,
      namedQueries: { ...inherited?.namedQueries, ...own.namedQueries },
      library: { ...inherited?.library, ...own.library },
      problems: reader.problems,
    };
  }

  /** The parent is a sibling folder of the same name, as in a gateway's data/projects. */
  private async parentOf(reader: ProjectReader, parent: string, chain: string[]): Promise<Project | undefined> {
    const file = reader.path('project.json');
    if (chain.includes(parent)) {
      reader.problem(file, 1, 1, `project inheritance loops (${[...chain, parent].join(' → ')}); a project cannot inherit from itself`);
      return undefined;
    }
    const root = join(dirname(reader.root), parent);
    if (!reader.isDirectory(root)) {
      reader.problem(file, 1, 1, `the parent project "${parent}" is not beside this project; export it to ${root} so that its library and named queries are found`, 'warning');
      return undefined;
    }
    return this.load(root, chain);
  }
}

function readProjectJson(reader: ProjectReader): { parent?: string; title?: string } {
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
  // A parent is a project beside this one, named as the gateway names it: a path could lead out of the projects folder.
  if (parent !== undefined && (/[/\\]/.test(parent) || parent === '.' || parent === '..')) {
    problemAt(doc, property(doc.root, 'parent')!.offset, `"parent" is ${JSON.stringify(parent)}, a path; a parent is the name of another project in the same projects folder, such as "Global"`);
    return { title: text('title') };
  }
  return { parent, title: text('title') };
}

/**
 * 8.1 keeps Session Events in data.bin, 8.3 in one folder per event. A project with neither (a library-only parent)
 * takes the version from periscope.json beside it, else 8.1.
 */
async function detectVersion(reader: ProjectReader): Promise<'8.1' | '8.3'> {
  const folder = reader.path(SESSION_SCRIPTS_FOLDER);
  if (reader.exists(`${folder}/data.bin`)) return '8.1';
  if (reader.list(folder).some((e) => e.isDirectory())) return '8.3';
  const fixtures = reader.path(FIXTURES_FILE);
  if (reader.exists(fixtures)) return (await loadFixtures(fixtures)).fixtures.project.version;
  return '8.1';
}

function loadSessionScripts81OrNone(reader: ProjectReader): Script[] {
  return reader.exists(reader.path(SESSION_SCRIPTS_FOLDER, 'data.bin')) ? loadSessionScripts81(reader) : [];
}
