// A view open on a page, as live data: its params, custom and props, and its component tree with each
// component's props, custom and meta. Built from the view.json model; scripts change it only through the runtime.
import { cloneValue } from '../../engine/values';
import type { Json } from '../../engine/types';
import type { View, ViewComponent } from '../../loaders/project';
import { isObject, type JsonObject } from '../tree';

/** Where a view is shown on its page. */
export type ViewPlacement = 'primary' | 'popup' | 'dock' | 'embedded';

export interface ComponentNode {
  /** `root/Header/Save`; the view itself is not a component. */
  path: string;
  name: string;
  type: string;
  props: JsonObject;
  custom: JsonObject;
  meta: JsonObject;
  parent: ComponentNode | undefined;
  children: ComponentNode[];
}

let serial = 0;

export class ViewInstance {
  readonly root: ComponentNode;
  /**
   * Unique for the run: what Python's view and component objects hold, so that one kept beyond its view's life
   * never reaches the view that replaced it under the same id.
   */
  readonly key: string;
  /** For an embedded view: the Embedded View component showing it, which output params are written back to. */
  embeddedIn: { instance: ViewInstance; component: string } | undefined;
  private readonly byPath = new Map<string, ComponentNode>();

  constructor(
    /** Unique on its page: `primary`, `popup:<id>`, `dock:<id>`, or the embedding instance and component. */
    readonly id: string,
    readonly view: View,
    readonly placement: ViewPlacement,
    readonly params: JsonObject,
    readonly custom: JsonObject,
    readonly props: JsonObject,
    /** The params it was opened with, before scripts changed any: a page opening the same ones keeps this instance. */
    readonly opening: JsonObject,
  ) {
    this.key = `${id}#${++serial}`;
    this.root = this.build(view.root, undefined);
  }

  /** A fresh instance: the view's defaults, with `params` given by the page URL, the popup or the embedding component. */
  static open(id: string, view: View, placement: ViewPlacement, params: Json): ViewInstance {
    // Params come from the project (a component's props.params in view.json, copied as they are: a 50 MB string or
    // a value nested thousands deep included) or from a script's write, already held to the limits when written.
    const given = isObject(params) ? cloneValue(params) : {};
    const values = { ...cloneValue(view.params as JsonObject), ...cloneValue(given) };
    return new ViewInstance(id, view, placement, values, cloneValue(view.custom as JsonObject), cloneValue(view.props as JsonObject), given);
  }

  get viewPath(): string {
    return this.view.path;
  }

  component(path: string): ComponentNode | undefined {
    return this.byPath.get(path);
  }

  /** Every component, parents before children, in file order. */
  components(): ComponentNode[] {
    return [...this.byPath.values()];
  }

  /**
   * Another component relative to `from` (`''` is the view): a view's child path starts at its root container
   * (`root/Header`); a component's child path starts below it (`Header/Save`).
   */
  child(from: string, path: string): ComponentNode | undefined {
    const relative = path.split('/').filter((s) => s !== '').join('/');
    if (relative === '') return undefined;
    return this.byPath.get(from === '' ? relative : `${from}/${relative}`);
  }

  sibling(from: string, name: string): ComponentNode | undefined {
    const parent = this.byPath.get(from)?.parent;
    return parent?.children.find((c) => c.name === name);
  }

  /** The component tree, parents before children in file order, on a work list: views nest thousands of containers deep. */
  private build(rootModel: ViewComponent, rootParent: ComponentNode | undefined): ComponentNode {
    let root: ComponentNode | undefined;
    const work: Array<[ViewComponent, ComponentNode | undefined]> = [[rootModel, rootParent]];
    for (let item = work.pop(); item; item = work.pop()) {
      const [model, parent] = item;
      const node: ComponentNode = {
        path: parent ? `${parent.path}/${model.name}` : model.name,
        name: model.name,
        type: model.type,
        props: cloneValue(model.props as JsonObject),
        custom: cloneValue(model.custom as JsonObject),
        meta: { name: model.name },
        parent,
        children: [],
      };
      // Two children with one name: the first keeps the path, as getChild finds the first on a gateway.
      if (!this.byPath.has(node.path)) this.byPath.set(node.path, node);
      if (parent) parent.children.push(node);
      else root = node;
      for (let i = model.children.length - 1; i >= 0; i--) work.push([model.children[i], node]);
    }
    return root!;
  }
}

/** True when a param of the view is written back to whoever passed it (`paramDirection` output or inout). */
export function isOutputParam(view: View, name: string): boolean {
  const config = view.propConfig[`params.${name}`];
  const direction = isObject(config as Json) ? (config as JsonObject).paramDirection : undefined;
  return direction === 'output' || direction === 'inout';
}

/** Embedding components of an instance: the view each one shows and the params it passes. */
export function embeddedViews(instance: ViewInstance): Array<{ component: ComponentNode; viewPath: string; params: Json }> {
  const out: Array<{ component: ComponentNode; viewPath: string; params: Json }> = [];
  for (const component of instance.components()) {
    if (component.type !== 'ia.display.view') continue;
    const path = component.props.path;
    if (typeof path === 'string' && path !== '') out.push({ component, viewPath: path, params: component.props.params ?? {} });
  }
  return out;
}
