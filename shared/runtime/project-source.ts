// Turns an Ignition project folder (8.1 or 8.3 export) into a runnable project source: its Session Events,
// message and key handlers, library, session custom props, pages and named queries.
import { cloneValue } from '../engine/values';
import { defaultFixtures, type Fixtures } from '../gateway-config/fixtures';
import { findFixtures, loadFixtures } from '../gateway-config/load';
import type { Project } from '../loaders/project';
import { LineIndex, OriginMap } from '../source/origin';
import type { LoadProblem, Script } from '../source/script';
import type { Handler } from './handler';
import { SESSION_EVENT_NAMES, type ProjectModel, type ProjectSource, type SessionEventName } from './project';
import type { JsonObject } from './tree';
import { ViewCatalog } from './views/catalog';

const RUN_EVENTS = new Set<string>(SESSION_EVENT_NAMES);

/** The function a script defines for its role: the wrapper of a stored body, else the gateway's name for it. */
function functionName(script: Script): string | undefined {
  if (script.wrapper) return script.wrapper.name;
  switch (script.role.kind) {
    case 'session-event': return script.role.event;
    case 'session-message-handler': return 'handleMessage';
    case 'key-event': return 'onKeyEvent';
    case 'form-submission': return 'handleSubmission';
    default: return undefined;
  }
}

/** Library modules ordered so that a module comes after the modules its text names (import plant.util). */
function libraryInLoadOrder(library: Record<string, Script>): Array<[string, Script]> {
  const names = Object.keys(library).sort();
  const ordered: Array<[string, Script]> = [];
  const state = new Map<string, 'visiting' | 'done'>();
  const visit = (name: string) => {
    if (state.has(name)) return;
    state.set(name, 'visiting');
    const text = library[name].text;
    for (const other of names) {
      if (other !== name && new RegExp(`\\b${other.replace(/\./g, '\\.')}\\b`).test(text)) visit(other);
    }
    state.set(name, 'done');
    ordered.push([name, library[name]]);
  };
  names.forEach(visit);
  return ordered;
}

/** `import plant` for each top-level library package, as one quiet script. */
function libraryImports(library: Record<string, Script>): Script | undefined {
  const packages = [...new Set(Object.keys(library).map((m) => m.split('.')[0]))].sort();
  if (packages.length === 0) return undefined;
  const text = packages.map((p) => `import ${p}\n`).join('');
  const file = '<project library>';
  return { id: file, role: { kind: 'module' }, text, origin: OriginMap.slice(file, new LineIndex(text), 0) };
}

export async function projectSource(project: Project, options: { fixturesFile?: string } = {}): Promise<ProjectSource> {
  const problems: LoadProblem[] = [];
  let fixtures: Fixtures = defaultFixtures();
  const fixturesFile = options.fixturesFile ?? findFixtures(project.root);
  if (fixturesFile) {
    const loaded = await loadFixtures(fixturesFile);
    fixtures = loaded.fixtures;
    problems.push(...loaded.problems);
  }
  // The project's own page configuration answers for pages the fixtures do not describe.
  const pages = { ...Object.fromEntries(project.pages.map((p) => [p.url, { title: p.title, viewPath: p.viewPath }])), ...fixtures.pages };
  // The folder name is the project's name on a gateway, unless the fixtures say which project this export is.
  const name = fixturesFile ? fixtures.project.name : project.name;
  fixtures = { ...fixtures, pages, project: { name, version: project.version } };
  return {
    file: project.root,
    fixtures,
    problems,
    tolerated: project.problems,
    namedQueries: project.namedQueries,
    async setUp(runner) {
      const model: ProjectModel = {
        name, source: project.root, version: project.version,
        ...(project.missingParent ? { missingParent: project.missingParent } : {}),
        sessionEvents: {}, keyEvents: new Map(), formSubmissions: new Map(), messageHandlers: new Map(), auth: {},
        customDefaults: cloneValue(project.sessionProps.custom as JsonObject),
        propsDefaults: cloneValue(project.sessionProps.props as JsonObject),
      };
      for (const [module, script] of libraryInLoadOrder(project.library)) {
        await runner.load({ script, namespace: `library:${module}`, label: module });
      }
      const imports = libraryImports(project.library);
      for (const script of project.scripts) {
        const role = script.role;
        if (role.kind !== 'session-event' && role.kind !== 'session-message-handler' && role.kind !== 'key-event' && role.kind !== 'form-submission') continue;
        if (role.kind === 'session-event' && !RUN_EVENTS.has(role.event)) continue;
        if (role.kind === 'session-message-handler' && !role.enabled) continue;
        const name = functionName(script)!;
        const [namespace, label] = role.kind === 'session-event' ? [`event:${role.event}`, role.event]
          : role.kind === 'key-event' ? [`key:${role.name}`, `key ${role.name}`]
          : role.kind === 'form-submission' ? [`form:${role.name}`, `form ${role.name}`]
          : [`message:${role.messageType}`, `message ${role.messageType}`];
        // On a gateway the project library's packages are in scope in every script without an import.
        if (imports) await runner.load({ script: imports, namespace, label: 'project library', quiet: true });
        if (!(await runner.load({ script, namespace, label }))) continue;
        const start = script.origin.position(0);
        if (!(await runner.hasFunction(namespace, name))) {
          runner.problem('missing-handler-function', `${label} does not define ${name}(); the gateway calls that function`, script.origin.file, start.line);
          continue;
        }
        const handler: Handler = { label, target: { namespace, name }, file: script.origin.file, line: start.line };
        if (role.kind === 'session-event') model.sessionEvents[role.event as SessionEventName] = handler;
        else if (role.kind === 'key-event') model.keyEvents.set(role.name, handler);
        else if (role.kind === 'form-submission') model.formSubmissions?.set(role.name, handler);
        else model.messageHandlers.set(role.messageType, handler);
      }
      model.views = new ViewCatalog(project, runner, imports);
      return model;
    },
  };
}
