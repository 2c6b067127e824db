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

/** Equality of plain data, ignoring key order; a date matches its epoch ms or its ISO text. */
export function sameValue(actual: Json | undefined, expected: Json): boolean {
  if (isDateValue(actual) && !isObject(expected)) {
    return expected === actual.$date || (typeof expected === 'string' && Date.parse(expected) === actual.$date);
  }
  if (Array.isArray(expected)) {
    return Array.isArray(actual) && actual.length === expected.length && expected.every((e, i) => sameValue(actual[i], e));
  }
  if (isObject(expected)) {
    if (!isObject(actual)) return false;
    const keys = Object.keys(expected);
    return keys.length === Object.keys(actual).length && keys.every((k) => Object.hasOwn(actual, k) && sameValue(actual[k], expected[k]));
  }
  return actual === expected;
}

/** True when every field given in `match` is in the event with that value (objects match on their given keys). */
export function eventMatches(event: TraceEvent, match: { [key: string]: Json }): boolean {
  const partial = (actual: unknown, expected: Json): boolean => {
    if (isObject(expected)) return isObject(actual) && Object.entries(expected).every(([k, v]) => partial((actual as Record<string, unknown>)[k], v));
    return sameValue(actual as Json, expected);
  };
  return Object.entries(match).every(([k, v]) => partial((event as unknown as Record<string, unknown>)[k], v));
}
