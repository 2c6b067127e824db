// Where two JSON values differ, path by path: what an inspector shows between a session then and now.
import type { Json } from '../engine/types';
import { isStub } from './protocol';
import { isObject } from '../runtime/tree';

export interface Difference {
  path: string;
  change: 'added' | 'removed' | 'changed';
  before?: Json;
  after?: Json;
}

/** The differences from `before` to `after` under `path`, smallest first-differing values, in key order. */
export function jsonDiff(before: Json | undefined, after: Json | undefined, path: string, limit = 500): Difference[] {
  const out: Difference[] = [];
  const walk = (a: Json | undefined, b: Json | undefined, at: string): void => {
    if (out.length >= limit) return;
    if (a === undefined && b === undefined) return;
    if (a === undefined) return void out.push({ path: at, change: 'added', after: b });
    if (b === undefined) return void out.push({ path: at, change: 'removed', before: a });
    // Data not loaded on either side (a stub) is not compared: its absence is not a change.
    if (isStub(a) || isStub(b)) return;
    if (isObject(a) && isObject(b)) {
      for (const key of new Set([...Object.keys(a), ...Object.keys(b)])) walk(a[key], b[key], `${at}.${key}`);
      return;
    }
    if (Array.isArray(a) && Array.isArray(b) && a.length === b.length) {
      a.forEach((item, i) => walk(item, b[i], `${at}[${i}]`));
      return;
    }
    if (JSON.stringify(a) !== JSON.stringify(b)) out.push({ path: at, change: 'changed', before: a, after: b });
  };
  walk(before, after, path);
  return out;
}
