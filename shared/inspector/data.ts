// Property data as an inspector receives it: read by path, and cut to a depth where stubs say how to fetch the
// rest, so that a large tree crosses the wire only as far as someone has expanded it.
import type { Json } from '../engine/types';
import type { Page, Session } from '../runtime/session';
import type { TraceEvent } from '../runtime/trace';
import { getAt, parsePath } from '../runtime/tree';
import { viewValueOn } from '../runtime/views/actions';
import { LIMITS, type Stub } from './protocol';

/**
 * Levels a frame's envelope may take above the data trees it carries (a component's props in a snapshot sit
 * under frame, result, sessions, session, pages, page, views, view, components, component), with room for stubs.
 */
const ENVELOPE_LEVELS = 14;

/** How deep data is sent when a request asks for all of it: as deep as a frame may nest, stubs beyond. */
export const WHOLE_DEPTH = LIMITS.depth - ENVELOPE_LEVELS;

/**
 * `value` with everything deeper than `depth` levels replaced by stubs naming their path, which `read` fetches;
 * without a depth, as much as a frame carries (WHOLE_DEPTH levels).
 */
export function cutToDepth(value: Json, depth: number | undefined, path: string): Json {
  if (depth === undefined && !nestsDeeper(value, WHOLE_DEPTH)) return value;
  return cut(value, depth ?? WHOLE_DEPTH, path, moreStub);
}

/**
 * A value of a trace event as a frame carries it: whole when it nests at most WHOLE_DEPTH levels, else cut there
 * with `{"$omitted": {kind, size}}` stubs (a past value has no path to read it by).
 */
export function eventValue(value: Json): Json {
  return nestsDeeper(value, WHOLE_DEPTH) ? cut(value, WHOLE_DEPTH, '', omittedStub) : value;
}

/** A trace event as frames carry it (pushed or returned by `trace`): each of its values within WHOLE_DEPTH. */
export function framedEvent(event: TraceEvent): TraceEvent {
  const fields = Object.entries(event) as Array<[string, Json]>;
  const framed = fields.map(([key, value]) => [key, eventValue(value)] as const);
  return framed.every(([, value], i) => value === fields[i][1]) ? event : (Object.fromEntries(framed) as unknown as TraceEvent);
}

function cut(value: Json, depth: number, path: string, stub: (value: Json[] | { [key: string]: Json }, path: string) => Json): Json {
  if (value === null || typeof value !== 'object') return value;
  if (depth <= 0) return stub(value, path);
  if (Array.isArray(value)) return value.map((item, i) => cut(item, depth - 1, `${path}[${i}]`, stub));
  const out: { [key: string]: Json } = {};
  for (const [key, item] of Object.entries(value)) out[key] = cut(item, depth - 1, `${path}.${key}`, stub);
  return out;
}

/** True when objects and arrays in `value` nest more than `levels` deep; walks a work list, stops at the first. */
function nestsDeeper(value: Json, levels: number): boolean {
  const pending: Array<[Json, number]> = [[value, 0]];
  for (let next = pending.pop(); next; next = pending.pop()) {
    const [item, depth] = next;
    if (item === null || typeof item !== 'object') continue;
    if (depth >= levels) return true;
    for (const child of Array.isArray(item) ? item : Object.values(item)) pending.push([child, depth + 1]);
  }
  return false;
}

function shape(value: Json[] | { [key: string]: Json }): { kind: 'array' | 'object'; size: number } {
  return Array.isArray(value) ? { kind: 'array', size: value.length } : { kind: 'object', size: Object.keys(value).length };
}

function moreStub(value: Json[] | { [key: string]: Json }, path: string): Json {
  return { $more: { path, ...shape(value) } } satisfies Stub as unknown as Json;
}

function omittedStub(value: Json[] | { [key: string]: Json }): Json {
  return { $omitted: shape(value) };
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
