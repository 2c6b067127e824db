// Host calls of the component model: the property-tree calls for view and component addresses, and the
// component navigation (getChild, getSibling, parent) and custom method lookup of `periscope_components`.
import type { Value } from '../../engine/types';
import { cloneValue } from '../../engine/values';
import { HostError } from '../../engine/types';
import { describe, pathParts } from '../host/tree';
import type { HostCall, HostCalls } from '../host/types';
import { getAt, isObject } from '../tree';
import { scriptsOf } from './catalog';
import { findComponent, findInstance, isViewAddress, resolveTree, writeTree } from './trees';

const viewTreeCalls: HostCalls = {
  'tree.get': (parts, [scope, path]) => {
    const target = resolveTree(parts, scope);
    return describe(getAt(target.root, pathParts(path)));
  },
  'tree.plain': (parts, [scope, path]) => {
    const value = getAt(resolveTree(parts, scope).root, pathParts(path));
    return value === undefined ? null : cloneValue(value);
  },
  'tree.keys': (parts, [scope, path]) => {
    const value = getAt(resolveTree(parts, scope).root, pathParts(path));
    if (Array.isArray(value)) return value.map((_, i) => i);
    return isObject(value) ? Object.keys(value) : [];
  },
  'tree.size': (parts, [scope, path]) => {
    const value = getAt(resolveTree(parts, scope).root, pathParts(path));
    if (Array.isArray(value)) return value.length;
    return isObject(value) ? Object.keys(value).length : 0;
  },
  'tree.set': (parts, [scope, path, value]) => {
    writeTree(parts, resolveTree(parts, scope), pathParts(path), value ?? null);
    return null;
  },
  'tree.delete': (parts, [scope, path]) => {
    writeTree(parts, resolveTree(parts, scope), pathParts(path), undefined);
    return null;
  },
};

/**
 * The runtime's property-tree calls, answering view and component addresses here and every other address
 * (session, page) as before: Python uses one wrapper class for all of them.
 */
export function withViewTrees(calls: HostCalls): HostCalls {
  const routed: HostCalls = { ...calls };
  for (const [name, own] of Object.entries(viewTreeCalls)) {
    const base: HostCall | undefined = calls[name];
    routed[name] = (parts, args) => (isViewAddress(args[0]) ? own(parts, args) : base ? base(parts, args) : own(parts, args));
  }
  return routed;
}

/** `[session, page, instance, viewPath]` as Python's view and component objects hold it. */
function instanceOf(parts: Parameters<HostCall>[0], address: Value) {
  if (!Array.isArray(address)) throw new HostError('TypeError', 'not a view address');
  return findInstance(parts, address[0], address[1], address[2]).instance;
}

export const componentCalls: HostCalls = {
  /** The path of a related component, or None: relation `child` (a path below `from`), `sibling`, `parent`. */
  'component.find': (parts, [address, from, relation, arg]) => {
    const instance = instanceOf(parts, address);
    const origin = String(from);
    if (origin !== '') findComponent(instance, origin);
    if (relation === 'child') return instance.child(origin, String(arg ?? ''))?.path ?? null;
    if (relation === 'sibling') return instance.sibling(origin, String(arg ?? ''))?.path ?? null;
    if (relation === 'parent') return origin === '' ? null : instance.component(origin)?.parent?.path ?? null;
    throw new HostError('ValueError', `unknown component relation ${String(relation)}`);
  },
  'component.children': (parts, [address, from]) => {
    const instance = instanceOf(parts, address);
    if (String(from) === '') return [instance.root.path];
    return findComponent(instance, from).children.map((c) => c.path);
  },
  /** The number a custom method's function is registered under, or None when the component has no such method. */
  'component.method': (parts, [address, from, name]) => {
    const instance = instanceOf(parts, address);
    return scriptsOf(parts.project.views, instance.viewPath, String(from)).methods.get(String(name)) ?? null;
  },
};
