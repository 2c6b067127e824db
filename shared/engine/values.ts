// Values as they cross between the runtime and a Python engine: tags, dates, and data that only looks like a tag.
//
// On the wire (JSON text), a one-key object whose key starts with `$` is a tag: `{"$date": ms}`, `{"$ref": n}`,
// or one of the runtime's own (`{"$session": id}`...). A dict a script made in that shape is data, and travels as
// `{"$dict": [[key, value]]}`; once decoded here it is a plain object remembered as data, so that it goes back to
// Python as the dict it was, is shown as the object it is, and is never taken for a date.
import { writeJson } from './json-text';
import type { Json } from './types';

/** The range of instants a JavaScript Date holds (±100 000 000 days around 1970); Java's is wider. */
export const DATE_LIMIT_MS = 8.64e15;

const dataObjects = new WeakSet<object>();

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A one-key object with a `$` key: what a tag looks like. */
function tagShaped(value: Record<string, unknown>): boolean {
  let count = 0;
  for (const key in value) {
    if (++count > 1 || !key.startsWith('$')) return false;
  }
  return count === 1;
}

/** Remembers an object of tag shape as data; returns it. */
export function markData<T extends object>(value: T): T {
  if (isPlainObject(value) && tagShaped(value)) dataObjects.add(value);
  return value;
}

/** True for an object remembered as data (so, never a tag). */
export function isData(value: unknown): boolean {
  return typeof value === 'object' && value !== null && dataObjects.has(value);
}

/** `{"$date": ms}`, not data that merely looks like it. */
export function isDateValue(value: unknown): value is { $date: number } {
  return isPlainObject(value) && typeof value.$date === 'number' && tagShaped(value) && !dataObjects.has(value);
}

/** The wire form of one value: tag-shaped data as `{"$dict": [[key, value]]}`. */
function wireForm(value: unknown): unknown {
  return isPlainObject(value) && dataObjects.has(value) ? { $dict: Object.entries(value) } : value;
}

/** A value's wire form as JSON text, at any depth: a project's value nested thousands deep crosses like a flat one. */
export function wireText(value: unknown): string {
  try {
    return JSON.stringify(value, (_key, item: unknown) => wireForm(item));
  } catch (error) {
    if (!(error instanceof RangeError)) throw error;
    return writeJson(value, { replace: wireForm });
  }
}

/** A JSON.parse reviver reading the wire form: `{"$dict": [[key, value]]}` becomes that object, marked as data. */
export function wireReviver(this: unknown, _key: string, value: unknown): unknown {
  if (isPlainObject(value) && tagShaped(value) && Array.isArray(value.$dict)) {
    return markData(Object.fromEntries(value.$dict as Array<[string, Json]>));
  }
  return value;
}

/**
 * A deep copy of plain data that keeps what `markData` remembers (structuredClone forgets it). It walks with its
 * own stack, so a value nested thousands deep (a view.json can be) copies like a flat one.
 */
export function cloneValue<T>(value: T): T {
  const copyOf = (v: Json): Json => (Array.isArray(v) ? new Array<Json>(v.length) : typeof v === 'object' && v !== null ? {} : v);
  const root = copyOf(value as Json);
  const pending: Array<[Json, Json]> = [[value as Json, root]];
  for (let next = pending.pop(); next; next = pending.pop()) {
    const [from, to] = next;
    if (Array.isArray(from)) {
      from.forEach((item, i) => {
        const copy = ((to as Json[])[i] = copyOf(item));
        if (copy !== item) pending.push([item, copy]);
      });
    } else if (typeof from === 'object' && from !== null) {
      for (const key of Object.keys(from)) {
        const copy = copyOf(from[key]);
        // A `__proto__` key of parsed JSON is an own property; assigned, it would set the copy's prototype.
        if (key === '__proto__') Object.defineProperty(to, key, { value: copy, writable: true, enumerable: true, configurable: true });
        else (to as Record<string, Json>)[key] = copy;
        if (copy !== from[key]) pending.push([from[key], copy]);
      }
      if (dataObjects.has(from)) dataObjects.add(to as object);
    }
  }
  return root as T;
}

/**
 * True when two plain data values would write the same JSON text (keys in the same order), compared on a work
 * list: a project's value nested thousands deep compares like a flat one, where JSON.stringify would overflow.
 */
export function sameJson(a: Json | undefined, b: Json | undefined): boolean {
  const pending: Array<[Json | undefined, Json | undefined]> = [[a, b]];
  for (let next = pending.pop(); next; next = pending.pop()) {
    const [x, y] = next;
    if (x === y) continue;
    if (Array.isArray(x)) {
      if (!Array.isArray(y) || x.length !== y.length) return false;
      x.forEach((item, i) => pending.push([item, y[i]]));
    } else if (isPlainObject(x) && isPlainObject(y)) {
      const keys = Object.keys(x);
      const others = Object.keys(y);
      if (keys.length !== others.length || keys.some((key, i) => key !== others[i])) return false;
      for (const key of keys) pending.push([x[key], y[key] as Json]);
    } else return false;
  }
  return true;
}
