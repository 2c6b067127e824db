// Perspective views: `views/<path>/view.json`, with the component tree and every script it embeds.
//
// A view stores scripts as JSON strings (bodies without `def`) in several places; each becomes a Script
// wrapped in the function the gateway compiles for that place, mapped back to its string in view.json.
import type { Position } from '../source/origin';
import type { Script, Wrapper } from '../source/script';
import { booleanFlag, decodeJsonString, entries, jsonValue, problemAt, property, type JsonFile, type JsonNode } from './json-file';
import { WHOLE_VALUE_KEYS } from './json-opaque';
import type { ProjectReader } from './project-files';
import { readResource } from './project-resource';
import { scriptFromJsonString } from './project-script-string';

export const VIEWS_FOLDER = 'com.inductiveautomation.perspective/views';

export interface ViewComponent {
  /** `meta.name`. */
  name: string;
  /** Component type, e.g. `ia.input.button`. */
  type: string;
  /** Names from the root down, e.g. `root/Header/Save`. */
  path: string;
  props: Record<string, unknown>;
  custom: Record<string, unknown>;
  propConfig: Record<string, unknown>;
  children: ViewComponent[];
  /** The component's own scripts (events, message handlers, custom methods, transforms, change scripts). */
  scripts: Script[];
}

export interface View {
  /** `Folder/Name`, as pages and scripts refer to it. */
  path: string;
  file: string;
  root: ViewComponent;
  params: Record<string, unknown>;
  custom: Record<string, unknown>;
  props: Record<string, unknown>;
  propConfig: Record<string, unknown>;
  /** Every script of the view, its own and its components', in file order. */
  scripts: Script[];
  /** Views this view embeds (Embedded View, Flex Repeater `props.path`). */
  embeds: ViewEmbed[];
}

export interface ViewEmbed {
  viewPath: string;
  /** Path of the embedding component. */
  component: string;
  /** Where `props.path` is written in view.json. */
  position: Position;
}

const RUN_ACTION: Wrapper = { name: 'runAction', params: ['self', 'event'] };
const ON_MESSAGE_RECEIVED: Wrapper = { name: 'onMessageReceived', params: ['self', 'payload'] };
const TRANSFORM: Wrapper = { name: 'transform', params: ['self', 'value', 'quality', 'timestamp'] };
const VALUE_CHANGED: Wrapper = { name: 'valueChanged', params: ['self', 'previousValue', 'currentValue', 'origin', 'missedEvents'] };
/** Components whose `props.path` names another view. */
const EMBEDDING_TYPES = new Set(['ia.display.view', 'ia.display.flex-repeater']);

export function loadViews(reader: ProjectReader): Record<string, View> {
  const views: Record<string, View> = {};
  // One listing per folder: a large project has hundreds of views, and each stat counts.
  const walk = (folder: string, path: string): void => {
    const entries = reader.list(folder);
    if (path !== '' && entries.some((e) => e.isFile() && e.name === 'view.json')) {
      readResource(reader, folder);
      views[path] = loadView(reader, `${folder}/view.json`, path);
    }
    for (const entry of entries) {
      if (entry.isDirectory() && reader.safeName(folder, entry.name)) walk(`${folder}/${entry.name}`, path === '' ? entry.name : `${path}/${entry.name}`);
    }
  };
  walk(reader.path(VIEWS_FOLDER), '');
  return views;
}

/**
 * A view.json that cannot be read still gives a view, empty, so that pages showing it report the file's own
 * problem rather than a missing view.
 */
export function loadView(reader: ProjectReader, file: string, path: string): View {
  const empty: View = { path, file, root: emptyComponent(), params: {}, custom: {}, props: {}, propConfig: {}, scripts: [], embeds: [] };
  const doc = reader.readJson(file, undefined, { whole: WHOLE_VALUE_KEYS });
  if (!doc?.root) return empty;
  if (doc.root.type !== 'object') {
    problemAt(doc, doc.root.offset, 'view.json must hold an object with "root", "params", "custom" and "props"');
    return empty;
  }
  const loader = new ViewLoader(doc, path);
  const rootNode = property(doc.root, 'root');
  if (rootNode?.type !== 'object') problemAt(doc, rootNode?.offset ?? doc.root.offset, 'the view has no "root" component object; export it again from the Designer');
  const viewLevel = loader.component(doc.root, '', false);
  const root = rootNode?.type === 'object' ? loader.tree(rootNode) : emptyComponent();
  return {
    path,
    file,
    root,
    params: loader.object(property(doc.root, 'params'), 'params'),
    custom: viewLevel.custom,
    props: viewLevel.props,
    propConfig: viewLevel.propConfig,
    scripts: loader.scripts,
    embeds: loader.embeds,
  };
}

function emptyComponent(): ViewComponent {
  return { name: 'root', type: 'ia.container.flex', path: 'root', props: {}, custom: {}, propConfig: {}, children: [], scripts: [] };
}

class ViewLoader {
  readonly scripts: Script[] = [];
  readonly embeds: ViewEmbed[] = [];

  constructor(private readonly doc: JsonFile, private readonly viewPath: string) {}

  object(node: JsonNode | undefined, what: string): Record<string, unknown> {
    if (!node) return {};
    if (node.type !== 'object') {
      problemAt(this.doc, node.offset, `"${what}" must be an object`);
      return {};
    }
    return jsonValue(this.doc, node) as Record<string, unknown>;
  }

  /** A component (or, with `isComponent` false, the view itself: its `events`, `propConfig`, `custom`). */
  component(node: JsonNode, parentPath: string, isComponent: boolean): ViewComponent {
    const meta = property(node, 'meta');
    const nameNode = property(meta, 'name');
    const name = nameNode?.type === 'string' ? String(nameNode.value) : isComponent ? 'component' : '';
    const path = !isComponent ? '' : parentPath === '' ? name : `${parentPath}/${name}`;
    const typeNode = property(node, 'type');
    const component: ViewComponent = {
      name,
      type: typeNode?.type === 'string' ? String(typeNode.value) : '',
      path,
      props: this.object(property(node, 'props'), `${path || 'view'}.props`),
      custom: this.object(property(node, 'custom'), `${path || 'view'}.custom`),
      propConfig: this.object(property(node, 'propConfig'), `${path || 'view'}.propConfig`),
      children: [],
      scripts: [],
    };
    const before = this.scripts.length;
    this.events(property(node, 'events'), path);
    this.propConfigScripts(property(node, 'propConfig'), path);
    this.componentScripts(property(node, 'scripts'), path);
    component.scripts = this.scripts.slice(before);
    if (isComponent && EMBEDDING_TYPES.has(component.type)) {
      const embedded = property(property(node, 'props'), 'path');
      if (embedded?.type === 'string' && embedded.value !== '') {
        this.embeds.push({ viewPath: String(embedded.value), component: path, position: this.doc.lines.position(embedded.offset) });
      }
    }
    return component;
  }

  /**
   * A component and all its descendants, depth first in file order (the order of `scripts`), on a work list rather
   * than the JavaScript stack: a view nested thousands of containers deep is read whole.
   */
  tree(rootNode: JsonNode): ViewComponent {
    const root = this.component(rootNode, '', true);
    const work: Array<[JsonNode, ViewComponent]> = this.childNodes(rootNode, root).reverse().map((child) => [child, root]);
    for (let item = work.pop(); item; item = work.pop()) {
      const [node, parent] = item;
      const component = this.component(node, parent.path, true);
      parent.children.push(component);
      for (const child of this.childNodes(node, component).reverse()) work.push([child, component]);
    }
    return root;
  }

  /** The component objects of `children`; anything else there is reported, since the gateway has no component to make of it. */
  private childNodes(node: JsonNode, component: ViewComponent): JsonNode[] {
    const children = property(node, 'children');
    if (!children) return [];
    if (children.type !== 'array') {
      problemAt(this.doc, children.offset, `the "children" of ${component.path} must be a list of components, not ${kindOf(children)}; they are ignored`, 'warning');
      return [];
    }
    const objects: JsonNode[] = [];
    for (const child of children.children ?? []) {
      if (child.type === 'object') objects.push(child);
      else problemAt(this.doc, child.offset, `a child of ${component.path} is ${kindOf(child)}, not a component object; it is ignored, remove it from "children"`, 'warning');
    }
    return objects;
  }

  private location(component: string, rest: string): string {
    return component === '' ? rest : `${component}.${rest}`;
  }

  private add(script: Script | undefined): void {
    if (script) this.scripts.push(script);
  }

  /** `events.<group>.<event>`: one action `{type, config: {script}}` or a list of them; only script actions hold code. */
  private events(node: JsonNode | undefined, component: string): void {
    for (const [group, events] of entries(this.doc, node)) {
      for (const [event, actions] of entries(this.doc, events)) {
        const list = actions.type === 'array' ? actions.children ?? [] : [actions];
        list.forEach((action, i) => {
          const type = property(action, 'type')?.value;
          if (type !== undefined && type !== 'script') return;
          const script = property(property(action, 'config'), 'script');
          if (!script) return;
          const suffix = actions.type === 'array' ? `[${i}]` : '';
          this.add(scriptFromJsonString(this.doc, script, RUN_ACTION,
            { kind: 'component-event', view: this.viewPath, component, event: `${group}.${event}` },
            this.location(component, `events.${group}.${event}${suffix}`), `${this.viewPath} ${component || 'view'} ${event}`));
        });
      }
    }
  }

  /** Binding transforms and property change scripts, keyed by property path (`props.text`, `custom.total`). */
  private propConfigScripts(node: JsonNode | undefined, component: string): void {
    for (const [property_, config] of entries(this.doc, node)) {
      const transforms = property(property(config, 'binding'), 'transforms');
      (transforms?.type === 'array' ? transforms.children ?? [] : []).forEach((transform, i) => {
        if (property(transform, 'type')?.value !== 'script') return;
        this.add(scriptFromJsonString(this.doc, property(transform, 'code'), TRANSFORM,
          { kind: 'transform', view: this.viewPath, component, property: property_ },
          this.location(component, `propConfig.${property_}.binding.transforms[${i}]`), `${this.viewPath} ${property_} transform`));
      });
      const onChange = property(config, 'onChange');
      if (onChange && booleanFlag(this.doc, property(onChange, 'enabled'), 'enabled', true)) {
        this.add(scriptFromJsonString(this.doc, property(onChange, 'script'), VALUE_CHANGED,
          { kind: 'property-change', view: this.viewPath, component, property: property_ },
          this.location(component, `propConfig.${property_}.onChange`), `${this.viewPath} ${property_} change`));
      }
    }
  }

  /** `scripts.messageHandlers`, `scripts.customMethods`, `scripts.extensionFunctions`. */
  private componentScripts(node: JsonNode | undefined, component: string): void {
    const list = (key: string): JsonNode[] => {
      const value = property(node, key);
      return value?.type === 'array' ? value.children ?? [] : [];
    };
    for (const handler of list('messageHandlers')) {
      const messageType = property(handler, 'messageType');
      if (messageType?.type !== 'string') {
        problemAt(this.doc, handler.offset, 'a message handler needs a "messageType"');
        continue;
      }
      const flag = (key: string): boolean => property(handler, key)?.value === true;
      const type = String(messageType.value);
      this.add(scriptFromJsonString(this.doc, property(handler, 'script'), ON_MESSAGE_RECEIVED,
        { kind: 'component-message-handler', view: this.viewPath, component, messageType: type, sessionScope: flag('sessionScope'), pageScope: flag('pageScope'), viewScope: flag('viewScope') },
        this.location(component, `scripts.messageHandlers.${type}`), `${this.viewPath} ${component || 'view'} message ${type}`));
    }
    for (const method of list('customMethods')) {
      const name = property(method, 'name');
      if (name?.type !== 'string') continue;
      const params = property(method, 'params');
      const names = (params?.type === 'array' ? params.children ?? [] : []).filter((p) => p.type === 'string').map((p) => String(p.value));
      this.add(scriptFromJsonString(this.doc, property(method, 'script'), { name: String(name.value), params: ['self', ...names] },
        { kind: 'custom-method', view: this.viewPath, component, name: String(name.value) },
        this.location(component, `scripts.customMethods.${String(name.value)}`), `${this.viewPath} ${component || 'view'} ${String(name.value)}()`));
    }
    for (const fn of list('extensionFunctions')) {
      const name = property(fn, 'name');
      const script = property(fn, 'script');
      if (name?.type !== 'string' || !booleanFlag(this.doc, property(fn, 'enabled'), 'enabled', true) || script?.type !== 'string') continue;
      this.add(this.extensionFunction(script, String(name.value), component));
    }
  }

  /** Extension functions are stored with their own `def` line, so the string is a module. */
  private extensionFunction(node: JsonNode, name: string, component: string): Script {
    const decoded = decodeJsonString(this.doc, node);
    const location = this.location(component, `scripts.extensionFunctions.${name}`);
    return {
      id: `${this.doc.file}#${location}`,
      role: { kind: 'extension-function', view: this.viewPath, component, name },
      text: decoded.text,
      origin: decoded.origin,
      title: `${this.viewPath} ${component} ${name}`,
    };
  }
}

/** A JSON value's kind as a sentence names it. */
function kindOf(node: JsonNode): string {
  return node.type === 'null' ? 'null' : node.type === 'array' ? 'a list' : node.type === 'object' ? 'an object' : `a ${node.type}`;
}
