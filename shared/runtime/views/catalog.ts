// The scripts of a project's views, loaded once into the engine: which function answers which component event,
// message, custom method call or property change, per view and component.
import type { DockConfig, Project, View } from '../../loaders/project';
import { LineIndex, OriginMap } from '../../source/origin';
import type { Script } from '../../source/script';
import type { Handler, ScriptRunner } from '../project';
import { parsePath, type PathPart } from '../tree';

export interface MessageListener {
  messageType: string;
  sessionScope: boolean;
  pageScope: boolean;
  viewScope: boolean;
  handler: Handler;
}

export interface ChangeScript {
  /** `custom.selectedLine` as configured, and as parts: `['custom', 'selectedLine']`. */
  property: string;
  path: PathPart[];
  handler: Handler;
}

/** The scripts of one component; the view itself is the component with path `''`. */
export interface ComponentScripts {
  /** By `<group>.<event>`, e.g. `component.onActionPerformed`, `system.onStartup`. */
  events: Map<string, Handler>;
  messages: MessageListener[];
  /** Custom method name → the number its function is registered under in `periscope_components`. */
  methods: Map<string, number>;
  changes: ChangeScript[];
}

export interface ViewCatalog {
  views: Record<string, View>;
  docks: DockConfig[];
  /** View path → component path → its scripts. */
  scripts: Map<string, Map<string, ComponentScripts>>;
}

const RUNNABLE = new Set(['component-event', 'component-message-handler', 'custom-method', 'property-change']);

export function emptyScripts(): ComponentScripts {
  return { events: new Map(), messages: [], methods: new Map(), changes: [] };
}

/** The scripts of a component, or none. */
export function scriptsOf(catalog: ViewCatalog | undefined, viewPath: string, component: string): ComponentScripts {
  return catalog?.scripts.get(viewPath)?.get(component) ?? emptyScripts();
}

/** A quiet script that hands a custom method's function to the component model under a number. */
function registration(number: number, name: string): Script {
  const text = `import periscope_components\nperiscope_components.register_method(${number}, ${name})\n`;
  const file = '<periscope views>';
  return { id: file, role: { kind: 'module' }, text, origin: OriginMap.slice(file, new LineIndex(text), 0) };
}

/**
 * Loads every event, message handler, custom method and change script of every view, each in a namespace of its
 * own (they all define functions of the same name). `imports` puts the project library in scope, as a gateway does.
 * A script that does not compile is reported and left out; the others still load.
 */
export async function loadViewCatalog(runner: ScriptRunner, project: Project, imports: Script | undefined): Promise<ViewCatalog> {
  const catalog: ViewCatalog = { views: project.views, docks: project.docks, scripts: new Map() };
  let methods = 0;
  for (const viewPath of Object.keys(project.views).sort()) {
    for (const script of project.views[viewPath].scripts) {
      const role = script.role;
      if (!RUNNABLE.has(role.kind) || !('component' in role) || !script.wrapper) continue;
      const namespace = `view:${script.id}`;
      const label = script.title ?? script.id;
      if (imports) await runner.load({ script: imports, namespace, label: 'project library', quiet: true });
      if (!(await runner.load({ script, namespace, label }))) continue;
      const name = script.wrapper.name;
      const line = script.origin.position(0).line;
      if (!(await runner.hasFunction(namespace, name))) {
        runner.problem('missing-handler-function', `${label} does not define ${name}()`, script.origin.file, line);
        continue;
      }
      const handler: Handler = { label, target: { namespace, name }, file: script.origin.file, line };
      let byComponent = catalog.scripts.get(viewPath);
      if (!byComponent) catalog.scripts.set(viewPath, (byComponent = new Map()));
      let scripts = byComponent.get(role.component);
      if (!scripts) byComponent.set(role.component, (scripts = emptyScripts()));
      switch (role.kind) {
        case 'component-event':
          scripts.events.set(role.event, handler);
          break;
        case 'component-message-handler':
          scripts.messages.push({ messageType: role.messageType, sessionScope: role.sessionScope, pageScope: role.pageScope, viewScope: role.viewScope, handler });
          break;
        case 'custom-method': {
          const number = ++methods;
          if (await runner.load({ script: registration(number, name), namespace, label, quiet: true })) scripts.methods.set(role.name, number);
          break;
        }
        case 'property-change': {
          let path: PathPart[];
          try {
            path = parsePath(role.property);
          } catch (error) {
            runner.problem('bad-property-path', `${label}: ${(error as Error).message}`, script.origin.file, line);
            continue;
          }
          scripts.changes.push({ property: role.property, path, handler });
          break;
        }
      }
    }
  }
  return catalog;
}
