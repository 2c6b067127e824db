// Property trees as plain data: reading, writing and removing at a path, with the bounds that keep a run alive.
import type { Json } from '../engine/types';
import { isData, markData } from '../engine/values';

export type PathPart = string | number;
export type JsonObject = { [key: string]: Json };

/** Keys that would reach into JavaScript's object machinery rather than hold data. */
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/** Limits on one written value: deep or huge writes (often a cycle flattened by accident) are refused. */
export const LIMITS = { depth: 64, nodes: 100_000, stringLength: 1_000_000 };

export class TreeError extends Error {
  /** `type` is the Python exception the script sees. */
  constructor(readonly type: 'AttributeError' | 'KeyError' | 'IndexError' | 'TypeError' | 'ValueError', message: string) {
    super(message);
  }
}

export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function checkKey(key: PathPart): void {
  if (typeof key === 'string' && FORBIDDEN_KEYS.has(key)) {
    throw new TreeError('ValueError', `'${key}' cannot be used as a property name; choose another name`);
  }
}

/** The value at `path`, or undefined when any part is missing. */
export function getAt(root: Json, path: readonly PathPart[]): Json | undefined {
  let node: Json | undefined = root;
  for (const part of path) {
    if (Array.isArray(node) && typeof part === 'number') node = node[part < 0 ? node.length + part : part];
    else if (isObject(node) && Object.hasOwn(node, String(part))) node = node[String(part)];
    else return undefined;
  }
  return node;
}

/**
 * Writes `value` at `path` and returns the old value. Missing objects along the way are an error, as in
 * Perspective: you can add a key to an existing object, not conjure its parents.
 */
export function setAt(root: JsonObject, path: readonly PathPart[], value: Json): Json | undefined {
  if (path.length === 0) throw new TreeError('TypeError', 'cannot replace a whole property tree; write one of its keys');
  path.forEach(checkKey);
  const parent = getAt(root, path.slice(0, -1));
  const last = path[path.length - 1];
  if (Array.isArray(parent)) {
    if (typeof last !== 'number') throw new TreeError('TypeError', `array indices must be integers, not '${String(last)}'`);
    const index = last < 0 ? parent.length + last : last;
    if (index < 0 || index > parent.length) throw new TreeError('IndexError', `index ${last} out of range for an array of ${parent.length}`);
    const old = parent[index];
    parent[index] = value;
    return old;
  }
  if (!isObject(parent)) throw new TreeError('AttributeError', `cannot set '${String(last)}': ${formatPath(path.slice(0, -1))} is not an object`);
  const key = String(last);
  const old = Object.hasOwn(parent, key) ? parent[key] : undefined;
  parent[key] = value;
  return old;
}

/** Removes the key at `path`; returns the old value (undefined when absent). */
export function deleteAt(root: JsonObject, path: readonly PathPart[]): Json | undefined {
  const parent = getAt(root, path.slice(0, -1));
  const last = path[path.length - 1];
  if (Array.isArray(parent) && typeof last === 'number') return parent.splice(last, 1)[0];
  if (isObject(parent) && Object.hasOwn(parent, String(last))) {
    const old = parent[String(last)];
    delete parent[String(last)];
    return old;
  }
  return undefined;
}

/**
 * A deep copy of data coming from a script, checked against LIMITS and for forbidden keys, so that what lands
 * in the tree is plain data the script cannot alias. `allData` marks every object as data (JSON a script wrote).
 */
export function plainCopy(value: unknown, allData = false): Json {
  let nodes = 0;
  const seen = new Set<object>();
  const copy = (v: unknown, depth: number): Json => {
    if (++nodes > LIMITS.nodes) throw new TreeError('ValueError', `value too large: more than ${LIMITS.nodes} elements; store less data in a property`);
    if (depth > LIMITS.depth) throw new TreeError('ValueError', `value nested deeper than ${LIMITS.depth} levels (is it cyclic?); store flatter data`);
    if (v === null || typeof v === 'boolean') return v;
    // JSON has neither -0 nor infinities; store what a JSON round trip would.
    if (typeof v === 'number') return Number.isFinite(v) ? (Object.is(v, -0) ? 0 : v) : null;
    if (typeof v === 'string') {
      if (v.length > LIMITS.stringLength) throw new TreeError('ValueError', `string of ${v.length} characters is too large for a property (limit ${LIMITS.stringLength})`);
      return v;
    }
    if (v === undefined) return null;
    if (typeof v !== 'object') throw new TreeError('TypeError', `cannot store a ${typeof v} in a property`);
    if (seen.has(v)) throw new TreeError('ValueError', 'cyclic value: an object contains itself; store a copy without the cycle');
    seen.add(v);
    try {
      if (Array.isArray(v)) return v.map((item) => copy(item, depth + 1));
      const out: JsonObject = {};
      for (const [key, item] of Object.entries(v)) {
        checkKey(key);
        out[key] = copy(item, depth + 1);
      }
      // A dict a script made in the shape of a tag ({"$date": 5}) stays data in the copy.
      return allData || isData(v) ? markData(out) : out;
    } finally {
      seen.delete(v);
    }
  };
  return copy(value, 0);
}

export function formatPath(path: readonly PathPart[]): string {
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : !PLAIN_KEY.test(p) ? `[${quoteKey(p)}]` : i === 0 ? p : `.${p}`)).join('');
}

/** A key written as is in a path; others are written in brackets and quotes, as the Designer writes them. */
const PLAIN_KEY = /^[A-Za-z_$][\w$-]*$/;
/** One step of a path: `.name` (or a name at the start), `[2]`, or a quoted key `['Schedule Meeting']`. */
const STEP = /(?:^|\.)([^.[\]]+)|\[(\d+)\]|\[(['"])(.*?)\3\]/y;

function quoteKey(key: string): string {
  return key.includes("'") ? `"${key}"` : `'${key}'`;
}

/**
 * `custom.a.b[2].c` or `custom.a.b.2.c` → parts; numeric parts become indices. A key that is not a plain name is
 * quoted in brackets, as the Designer writes it in propConfig: `params['Schedule Meeting']`.
 */
export function parsePath(text: string): PathPart[] {
  const parts: PathPart[] = [];
  const invalid = () => new TreeError('ValueError', `'${text}' is not a property path like custom.preferences.theme`);
  if (text === '' || text.startsWith('.')) throw invalid();
  STEP.lastIndex = 0;
  while (STEP.lastIndex < text.length) {
    const m = STEP.exec(text);
    if (!m) throw invalid();
    if (m[1] !== undefined) parts.push(/^\d+$/.test(m[1]) ? Number(m[1]) : m[1]);
    else if (m[2] !== undefined) parts.push(Number(m[2]));
    else parts.push(m[4]);
  }
  parts.forEach(checkKey);
  return parts;
}
