// The scripts of a project's views: which function answers which component event, message, custom method call
// or property change, per view and component. A script loads into the engine the first time it runs (a view's
// custom methods, which any of its scripts may call, when the view first runs one), so a project of hundreds of
// views, or one view of 150 000 scripted components, starts as fast as one of a few.
import type { DockConfig, Project, View } from '../../loaders/project';
import { LineIndex, OriginMap } from '../../source/origin';
import type { Script } from '../../source/script';
import type { Handler, ScriptRunner } from '../handler';
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

const RUNNABLE = new Set(['component-event', 'component-message-handler', 'custom-method', 'property-change']);
const NONE: ComponentScripts = Object.freeze({ events: new Map(), messages: [], methods: new Map(), changes: [] });

/** A quiet script that hands a custom method's function to the component model under a number. */
function registration(number: number, name: string): Script {
  const text = `import periscope_components\nperiscope_components.register_method(${number}, ${name})\n`;
  const file = '<periscope views>';
  return { id: file, role: { kind: 'module' }, text, origin: OriginMap.slice(file, new LineIndex(text), 0) };
}

interface Entry {
  script: Script;
  handler: Handler;
  method?: number;
}

export class ViewCatalog {
  readonly views: Record<string, View>;
  readonly docks: DockConfig[];
  private readonly scripts = new Map<string, Map<string, ComponentScripts>>();
  /** The custom methods of each view. */
  private readonly methods = new Map<string, Entry[]>();
  /** Every other runnable script, by its handler. */
  private readonly byHandler = new Map<Handler, Entry>();
  private readonly loading = new Map<string | Handler, Promise<void>>();
  /** Handlers whose script compiled and defines its function. */
  private readonly usable = new WeakSet<Handler>();

  /** `imports` puts the project library in scope of every view script, as a gateway does. */
  constructor(project: Project, private readonly runner: ScriptRunner, private readonly imports: Script | undefined) {
    this.views = project.views;
    this.docks = project.docks;
    let methodNumber = 0;
    for (const viewPath of Object.keys(project.views).sort()) {
      const methods: Entry[] = [];
      for (const script of project.views[viewPath].scripts) {
        const role = script.role;
        if (!RUNNABLE.has(role.kind) || !('component' in role) || !script.wrapper) continue;
        const handler: Handler = { label: script.title ?? script.id, target: { namespace: `view:${script.id}`, name: script.wrapper.name }, file: script.origin.file, line: script.origin.position(0).line };
        const scripts = this.own(viewPath, role.component);
        const entry: Entry = { script, handler };
        if (role.kind === 'component-event') scripts.events.set(role.event, handler);
        else if (role.kind === 'component-message-handler') {
          scripts.messages.push({ messageType: role.messageType, sessionScope: role.sessionScope, pageScope: role.pageScope, viewScope: role.viewScope, handler });
        } else if (role.kind === 'custom-method') {
          entry.method = ++methodNumber;
          scripts.methods.set(role.name, entry.method);
        } else if (role.kind === 'property-change') {
          try {
            scripts.changes.push({ property: role.property, path: parsePath(role.property), handler });
          } catch (error) {
            runner.problem('bad-property-path', `${handler.label}: ${(error as Error).message}`, handler.file, handler.line);
            continue;
          }
        }
        if (entry.method !== undefined) methods.push(entry);
        else this.byHandler.set(handler, entry);
      }
      this.methods.set(viewPath, methods);
    }
  }

  /** The scripts of a component, or none. */
  scriptsOf(viewPath: string, component: string): ComponentScripts {
    return this.scripts.get(viewPath)?.get(component) ?? NONE;
  }

  /** Every message type some component handler listens for, sorted. */
  messageTypes(): string[] {
    const types = new Set<string>();
    for (const byComponent of this.scripts.values()) for (const scripts of byComponent.values()) for (const m of scripts.messages) types.add(m.messageType);
    return [...types].sort();
  }

  /** True once the handler's script has loaded and defines its function; a failed load is traced, never run. */
  canRun(handler: Handler): boolean {
    return this.usable.has(handler);
  }

  /**
   * Makes `handler` runnable, once: the custom methods of its view, then its own script, each in a namespace of its
   * own (they all define functions of the same name). Must not be awaited from inside a host call: it needs the
   * engine the calling script holds.
   */
  async prepare(viewPath: string, handler: Handler): Promise<void> {
    await this.once(viewPath, async () => {
      for (const entry of this.methods.get(viewPath) ?? []) await this.loadEntry(entry);
    });
    const entry = this.byHandler.get(handler);
    if (entry) await this.once(handler, () => this.loadEntry(entry));
  }

  private once(key: string | Handler, work: () => Promise<void>): Promise<void> {
    let done = this.loading.get(key);
    if (!done) this.loading.set(key, (done = work()));
    return done;
  }

  private async loadEntry({ script, handler, method }: Entry): Promise<void> {
    const runner = this.runner;
    if ('ref' in handler.target) return;
    const { namespace, name } = handler.target;
    if (this.imports) await runner.load({ script: this.imports, namespace, label: 'project library', quiet: true });
    if (!(await runner.load({ script, namespace, label: handler.label }))) return;
    if (!(await runner.hasFunction(namespace, name))) {
      runner.problem('missing-handler-function', `${handler.label} does not define ${name}()`, handler.file, handler.line);
      return;
    }
    if (method !== undefined && !(await runner.load({ script: registration(method, name), namespace, label: handler.label, quiet: true }))) return;
    this.usable.add(handler);
  }

  private own(viewPath: string, component: string): ComponentScripts {
    let byComponent = this.scripts.get(viewPath);
    if (!byComponent) this.scripts.set(viewPath, (byComponent = new Map()));
    let scripts = byComponent.get(component);
    if (!scripts) byComponent.set(component, (scripts = { events: new Map(), messages: [], methods: new Map(), changes: [] }));
    return scripts;
  }
}

/** The scripts of a component, or none (also for a source without views, such as a session-script document). */
export function scriptsOf(catalog: ViewCatalog | undefined, viewPath: string, component: string): ComponentScripts {
  return catalog?.scriptsOf(viewPath, component) ?? NONE;
}
