// Property data as an inspector receives it: read by path, and cut to a depth where stubs say how to fetch the
// rest, so that a large tree crosses the wire only as far as someone has expanded it.
import type { Json } from '../engine/types';
import type { Page, Session } from '../runtime/session';
import { getAt, parsePath } from '../runtime/tree';
import { viewValueOn } from '../runtime/views/actions';
import type { Stub } from './protocol';

/** `value` with everything deeper than `depth` levels replaced by stubs naming their path; all of it without a depth. */
export function cutToDepth(value: Json, depth: number | undefined, path: string): Json {
  if (depth === undefined || value === null || typeof value !== 'object') return value;
  if (depth <= 0) return stubFor(value, path);
  if (Array.isArray(value)) return value.map((item, i) => cutToDepth(item, depth - 1, `${path}[${i}]`));
  const out: { [key: string]: Json } = {};
  for (const [key, item] of Object.entries(value)) out[key] = cutToDepth(item, depth - 1, `${path}.${key}`);
  return out;
}

function stubFor(value: Json[] | { [key: string]: Json }, path: string): Json {
  const stub: Stub = Array.isArray(value)
    ? { $more: { path, kind: 'array', size: value.length } }
    : { $more: { path, kind: 'object', size: Object.keys(value).length } };
  return stub as unknown as Json;
}

/**
 * The value at a property path of a session: `props.auth.user`, `custom.preferences`, `page.props.title` (of
 * `page`), `view:Overview/root/Table.props.data` (on `page`). Undefined when nothing is there.
 */
export function readPath(session: Session, page: Page | undefined, path: string): Json | undefined {
  if (path.startsWith('view:')) return viewValueOn(page, path);
  const tree = (root: Json, rest: string): Json | undefined => (rest === '' ? root : getAt(root, parsePath(rest)));
  if (path === 'props' || path.startsWith('props.')) return tree(session.props, path.slice('props.'.length));
  if (path === 'custom' || path.startsWith('custom.')) return tree(session.custom, path.slice('custom.'.length));
  if (path === 'page.props' || path.startsWith('page.props.')) return page ? tree(page.props, path.slice('page.props.'.length)) : undefined;
  return undefined;
}
