// The property trees of open views and their components, addressed from Python, read and written through the
// runtime: each write is a `prop` trace event naming view and component, and fires the matching change scripts.
import type { Json, Value } from '../../engine/types';
import { cloneValue, sameJson } from '../../engine/values';
import { HostError } from '../../engine/types';
import type { ViewParts } from '../parts';
import type { Page } from '../session';
import { deleteAt, formatPath, getAt, isObject, plainCopy, setAt, type JsonObject, type PathPart } from '../tree';
import { scriptsOf } from './catalog';
import { isOutputParam, type ComponentNode, type ViewInstance } from './instance';
import { reachableView } from './open-views';
import { currentCaller, runComponentScript } from './run';

/** Change scripts that keep changing what they watch stop here, as a gateway's would eventually overflow. */
export const MAX_CHANGE_CHAIN = 32;

const VIEW_TREES = new Set(['params', 'custom', 'props']);
const COMPONENT_TREES = new Set(['props', 'custom', 'meta']);

/** One tree of a view or component, found from the address a Python wrapper holds. */
export interface TreeTarget {
  page: Page;
  instance: ViewInstance;
  /** `''` for the view itself. */
  component: string;
  tree: string;
  root: JsonObject;
}

/** True for addresses this module answers: `['view', ...]` and `['component', ...]`. */
export function isViewAddress(scope: Value): boolean {
  return Array.isArray(scope) && (scope[0] === 'view' || scope[0] === 'component');
}

export function findInstance(parts: Pick<ViewParts, 'sessions'>, sessionId: Value, pageId: Value, instanceId: Value): { page: Page; instance: ViewInstance } {
  const session = parts.sessions.get(String(sessionId));
  const page = session?.page(String(pageId));
  const instance = page ? reachableView(page, String(instanceId)) : undefined;
  if (!page || !instance) throw new HostError('ValueError', `the view ${String(instanceId).split('#')[0]} is no longer open on page ${String(pageId)}; keep no component object beyond the script that received it`);
  return { page, instance };
}

export function findComponent(instance: ViewInstance, path: Value): ComponentNode {
  const node = instance.component(String(path));
  if (!node) throw new HostError('ValueError', `view ${instance.viewPath} has no component ${String(path)}`);
  return node;
}

/** `['view', session, page, instance, tree]` or `['component', session, page, instance, componentPath, tree]`. */
export function resolveTree(parts: Pick<ViewParts, 'sessions'>, scope: Value): TreeTarget {
  if (!Array.isArray(scope)) throw new HostError('TypeError', 'not a property tree address');
  const { page, instance } = findInstance(parts, scope[1], scope[2], scope[3]);
  if (scope[0] === 'view') {
    const tree = String(scope[4]);
    if (!VIEW_TREES.has(tree)) throw new HostError('AttributeError', `a view has params, custom and props, not ${tree}`);
    return { page, instance, component: '', tree, root: instance[tree as 'params' | 'custom' | 'props'] };
  }
  const node = findComponent(instance, scope[4]);
  const tree = String(scope[5]);
  if (!COMPONENT_TREES.has(tree)) throw new HostError('AttributeError', `a component has props, custom and meta, not ${tree}`);
  return { page, instance, component: node.path, tree, root: node[tree as 'props' | 'custom' | 'meta'] };
}

/** `view:Overview/root/Table.props.data`, `view:Area/Detail.params.area`: what the trace calls a property. */
export function propertyName(target: Pick<TreeTarget, 'instance' | 'component' | 'tree'>, path: readonly PathPart[]): string {
  const owner = target.component === '' ? target.instance.viewPath : `${target.instance.viewPath}/${target.component}`;
  return `view:${owner}.${target.tree}${path.length ? `.${formatPath(path)}` : ''}`;
}

/**
 * An output or inout param of an embedded view, written by its scripts, lands in the embedding component's
 * `props.params`, as the Embedded View's binding does; the instance stays open with its new params.
 */
function writeBack(parts: ViewParts, target: TreeTarget, path: readonly PathPart[]): void {
  const host = target.instance.embeddedIn;
  const name = path[0];
  if (!host || target.component !== '' || target.tree !== 'params' || typeof name !== 'string' || !isOutputParam(target.instance.view, name)) return;
  const component = host.instance.component(host.component);
  if (!component || !isObject(component.props.params ?? null)) return;
  const value = target.root[name];
  target.instance.opening[name] = cloneValue(value ?? null);
  writeTree(parts, { page: target.page, instance: host.instance, component: host.component, tree: 'props', root: component.props }, ['params', name], value ?? null, 'BindingWriteback');
}

/**
 * Writes (or, with `value` undefined, removes) a property of a view or component and traces it; change scripts
 * watching what changed are queued after the running script. `origin` is what they receive as `origin`.
 */
export function writeTree(parts: ViewParts, target: TreeTarget, path: readonly PathPart[], value: unknown, origin = 'Script'): void {
  if (target.tree === 'meta' && path[0] === 'name') throw new HostError('AttributeError', 'meta.name is read-only while the view runs: rename the component in the Designer');
  const watched = scriptsOf(parts.project.views, target.instance.viewPath, target.component).changes.filter((c) => c.path[0] === target.tree);
  const holder = { [target.tree]: target.root };
  const previous = watched.map((c) => cloneValue(getAt(holder, c.path) ?? null));
  let old: Json | undefined;
  let copy: Json | undefined;
  if (value === undefined) old = deleteAt(target.root, path);
  else {
    copy = plainCopy(value);
    old = getAt(target.root, path);
    setAt(target.root, path, copy);
  }
  const name = propertyName(target, path);
  const session = target.page.sessionId;
  // As for session props: a key that did not exist has no `old`; a removed key has no `new`.
  parts.trace.add({
    kind: 'prop', session, page: target.page.id, path: name, view: target.instance.id,
    ...(old === undefined ? {} : { old: cloneValue(old) }),
    ...(copy === undefined ? {} : { new: cloneValue(copy) }),
  });
  parts.trace.patch({ session, page: target.page.id, path: name, value: copy, view: target.instance.id });

  writeBack(parts, target, path);
  const generation = (currentCaller(parts)?.generation ?? 0) + 1;
  watched.forEach((change, i) => {
    const current = cloneValue(getAt(holder, change.path) ?? null);
    if (sameJson(current, previous[i])) return;
    if (generation > MAX_CHANGE_CHAIN) {
      parts.divergences.report('change-script-loop', `${change.handler.label} keeps changing what it watches (${MAX_CHANGE_CHAIN} changes in a chain); stopped here, a gateway would keep going`);
      return;
    }
    const now = { $date: parts.clock.epochNow() };
    const qualified = (v: Json): Value => ({ $qualified: { value: v, quality: 'Good', timestamp: now } });
    const args: Value[] = [qualified(previous[i]), qualified(current), origin, false];
    // A change script run by a message handler's write carries on that handler's chain of messages.
    const chain = parts.scripts.current?.chain;
    void parts.queue.enqueue(session, () => runComponentScript(parts, target.page, target.instance, target.component, change.handler, args, `change ${change.property}`, generation, chain));
  });
}
