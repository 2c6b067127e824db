// Expectations of scenarios: reading a value a person can name (custom.x, page.path) and matching trace events.
import type { Json } from '../engine/types';
import { isDateValue } from '../engine/values';
import type { Session } from './session';
import type { TraceEvent } from './trace';
import { getAt, isObject, parsePath } from './tree';
import { viewValueOn } from './views/actions';

/** The current value behind an expectation path, or undefined when nothing is there. */
export function valueAt(session: Session | undefined, path: string): Json | undefined {
  if (!session) return undefined;
  if (path === 'closed') return session.closed;
  if (path === 'user') return session.user?.username ?? null;
  if (path.startsWith('view:')) return viewValueOn(session.lastPage, path);
  const [head, ...rest] = path.split('.');
  if (head === 'custom') return getAt(session.custom, parsePath(rest.join('.')));
  if (head === 'props') return getAt(session.props, parsePath(rest.join('.')));
  if (head === 'page') {
    const page = session.lastPage;
    if (!page) return undefined;
    const field = rest.join('.');
    if (field === 'id') return page.id;
    if (field === 'popups') return [...page.popups.keys()];
    if (field === 'docks') return [...page.docks.values()].filter((d) => d.open).map((d) => d.id);
    if (field === 'closed') return page.closed;
    const inProps = field.startsWith('props.') ? field.slice('props.'.length) : field;
    return getAt(page.props, parsePath(inProps));
  }
  return undefined;
}

/**
 * Equality of plain data, ignoring key order; a date matches its epoch ms or its ISO text. Compared on a work list:
 * an expectation nested thousands deep checks like a flat one.
 */
export function sameValue(actual: Json | undefined, expected: Json): boolean {
  return firstDifference(actual, expected) === undefined;
}

/** Where an actual value first differs from the expected one: a path below the values (`[2].qty`), and both there. */
export interface Difference {
  path: string;
  actual: Json | undefined;
  expected: Json;
}

/** The first place, in document order, where `actual` does not match `expected` as `sameValue` compares them. */
export function firstDifference(actual: Json | undefined, expected: Json): Difference | undefined {
  const pending: Array<[Json | undefined, Json, string]> = [[actual, expected, '']];
  for (let next = pending.pop(); next; next = pending.pop()) {
    const [a, e, path] = next;
    const here = { path, actual: a, expected: e };
    if (isDateValue(a) && !isObject(e)) {
      if (e !== a.$date && !(typeof e === 'string' && Date.parse(e) === a.$date)) return here;
    } else if (Array.isArray(e)) {
      if (!Array.isArray(a) || a.length !== e.length) return here;
      // Last in, first out: the first item is compared first.
      for (let i = e.length - 1; i >= 0; i--) pending.push([a[i], e[i], `${path}[${i}]`]);
    } else if (isObject(e)) {
      if (!isObject(a)) return here;
      const keys = Object.keys(e);
      if (keys.length !== Object.keys(a).length || !keys.every((k) => Object.hasOwn(a, k))) return here;
      for (let i = keys.length - 1; i >= 0; i--) pending.push([a[keys[i]], e[keys[i]], `${path}${keyPath(keys[i])}`]);
    } else if (a !== e) return here;
  }
  return undefined;
}

/** `.name` for a key written as a name, else `["key"]`. */
function keyPath(key: string): string {
  return /^[A-Za-z_$][\w$]*$/.test(key) ? `.${key}` : `[${JSON.stringify(key)}]`;
}

/** True when every field given in `match` is in the event with that value (objects match on their given keys). */
export function eventMatches(event: TraceEvent, match: { [key: string]: Json }): boolean {
  const pending: Array<[unknown, Json]> = [[event, match]];
  for (let next = pending.pop(); next; next = pending.pop()) {
    const [actual, expected] = next;
    if (isObject(expected)) {
      if (!isObject(actual as Json)) return false;
      for (const [k, v] of Object.entries(expected)) pending.push([(actual as Record<string, unknown>)[k], v]);
    } else if (!sameValue(actual as Json, expected)) return false;
  }
  return true;
}
