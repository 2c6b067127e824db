// Host calls behind the property-tree wrappers: session props, session custom props and page props.
import type { Value } from '../../engine/types';
import { HostError } from '../../engine/types';
import { cloneValue, isDateValue } from '../../engine/values';
import type { RuntimeParts } from '../parts';
import { deleteSession, writePage, writeSession } from '../prop-writes';
import type { Page, Session } from '../session';
import { pagePropWritable, scriptMayWrite } from '../session-props';
import { formatPath, getAt, isObject, type PathPart } from '../tree';
import { location, type HostCalls } from './types';

/** Where a wrapper points: a session's props or custom tree, a page's props, or the lenient `session.auth`. */
interface Resolved {
  session: Session;
  page?: Page;
  tree: 'props' | 'custom' | 'page' | 'auth';
}

function resolve(parts: Pick<RuntimeParts, 'sessions'>, scope: Value): Resolved {
  if (!Array.isArray(scope)) throw new HostError('TypeError', 'not a property tree address');
  const session = parts.sessions.get(String(scope[1]));
  if (!session) throw new HostError('ValueError', `session ${String(scope[1])} does not exist`);
  if (scope[0] === 'page') {
    const page = session.page(String(scope[2]));
    if (!page) throw new HostError('ValueError', `page ${String(scope[2])} does not exist in session ${session.id}`);
    return { session, page, tree: 'page' };
  }
  const tree = scope[2];
  if (tree !== 'props' && tree !== 'custom' && tree !== 'auth') throw new HostError('TypeError', 'not a property tree address');
  return { session, tree };
}

/** A property path as Python sends it: a list of names and indices. */
export function pathParts(path: Value): PathPart[] {
  if (!Array.isArray(path)) throw new HostError('TypeError', 'a property path must be a list');
  return path.map((p) => {
    if (typeof p === 'number' && Number.isInteger(p)) return p;
    if (typeof p === 'string') return p;
    throw new HostError('TypeError', `property names must be strings, not ${JSON.stringify(p)}`);
  });
}

/** The real root and path behind an address; `session.auth.roles` means `session.props.auth.user.roles`. */
function locate(parts: Pick<RuntimeParts, 'divergences'>, r: Resolved, path: PathPart[], where?: Value): { root: Value; path: PathPart[] } {
  if (r.tree === 'page') return { root: r.page!.props, path };
  if (r.tree === 'custom') return { root: r.session.custom, path };
  if (r.tree === 'props') return { root: r.session.props, path };
  if (path[0] === 'roles') {
    // Reported where the attribute is read (tree.get carries the line), not on later whole-value reads.
    if (where !== undefined) parts.divergences.report('no-such-session-attr', 'session.auth.roles does not exist on a gateway: the roles are session.props.auth.user.roles', location(where));
    return { root: r.session.props, path: ['auth', 'user', 'roles', ...path.slice(1)] };
  }
  return { root: r.session.props, path: ['auth', ...path] };
}


/** What the Python wrapper needs to know about a value: object, array, a plain value, or missing. */
export function describe(value: Value | undefined): Value {
  if (value === undefined) return ['m'];
  if (Array.isArray(value)) return ['a'];
  if (isObject(value) && !isDateValue(value)) return ['o'];
  return ['v', value];
}

function checkWritable(r: Resolved, path: PathPart[]): void {
  if (r.tree === 'auth' || (r.tree === 'props' && !scriptMayWrite(path))) {
    const name = r.tree === 'auth' ? `auth.${formatPath(path)}` : formatPath(path);
    throw new HostError('AttributeError', `session.props.${name} is read-only: the gateway owns it (write session.custom instead)`);
  }
  if (r.tree === 'page' && !pagePropWritable(path)) {
    throw new HostError('AttributeError', `page.props.${String(path[0])} is read-only: use system.perspective.navigate to change the page`);
  }
}

/** A Python object the engine could only keep by reference (a function, a class instance) has no property value. */
function refuseObjects(value: Value, path: PathPart[]): void {
  if (Array.isArray(value)) value.forEach((v) => refuseObjects(v, path));
  else if (isObject(value)) {
    if (Object.keys(value).length === 1 && typeof value.$ref === 'number') {
      throw new HostError('TypeError', `cannot store a Python object in ${formatPath(path)}; store plain data (dicts, lists, strings, numbers, dates)`);
    }
    Object.values(value).forEach((v) => refuseObjects(v, path));
  }
}

export const treeCalls: HostCalls = {
  'tree.get': (parts, [scope, path, where]) => {
    const at = locate(parts, resolve(parts, scope), pathParts(path), where);
    return describe(getAt(at.root, at.path));
  },
  'tree.plain': (parts, [scope, path]) => {
    const at = locate(parts, resolve(parts, scope), pathParts(path));
    const value = getAt(at.root, at.path);
    return value === undefined ? null : cloneValue(value);
  },
  'tree.keys': (parts, [scope, path]) => {
    const at = locate(parts, resolve(parts, scope), pathParts(path));
    const value = getAt(at.root, at.path);
    if (Array.isArray(value)) return value.map((_, i) => i);
    return isObject(value) ? Object.keys(value) : [];
  },
  'tree.size': (parts, [scope, path]) => {
    const at = locate(parts, resolve(parts, scope), pathParts(path));
    const value = getAt(at.root, at.path);
    if (Array.isArray(value)) return value.length;
    return isObject(value) ? Object.keys(value).length : 0;
  },
  'tree.set': (parts, [scope, path, value]) => {
    const r = resolve(parts, scope);
    const p = pathParts(path);
    checkWritable(r, p);
    refuseObjects(value, p);
    if (r.tree === 'page') writePage(parts.trace, r.page!, p, value);
    else writeSession(parts.trace, r.session, r.tree === 'custom' ? 'custom' : 'props', p, value);
    return null;
  },
  'tree.delete': (parts, [scope, path]) => {
    const r = resolve(parts, scope);
    const p = pathParts(path);
    checkWritable(r, p);
    if (r.tree === 'page') throw new HostError('AttributeError', 'page props cannot be removed');
    deleteSession(parts.trace, r.session, r.tree === 'custom' ? 'custom' : 'props', p);
    return null;
  },
  'session.missing': (parts, [sessionId, name, where]) => {
    const attr = String(name);
    const session = parts.sessions.get(String(sessionId));
    const missing = `'com.inductiveautomation.perspective.gateway.script.SessionScriptWrapper' object has no attribute '${attr}'`;
    if (!session) throw new HostError('AttributeError', missing);
    const meant: PathPart[] | undefined =
      attr === 'auth' ? ['auth'] : attr === 'user' ? ['auth', 'user'] : Object.hasOwn(session.props, attr) ? [attr] : undefined;
    if (!meant) throw new HostError('AttributeError', missing);
    parts.divergences.report('no-such-session-attr', `session.${attr} does not exist on a gateway: write session.props.${formatPath(meant)}`, location(where));
    if (parts.strict) throw new HostError('AttributeError', missing);
    if (attr === 'auth') return ['x', ['session', session.id, 'auth'], [], ['o']];
    return ['x', ['session', session.id, 'props'], meant, describe(getAt(session.props, meant))];
  },
};
