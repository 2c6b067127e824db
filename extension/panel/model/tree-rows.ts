// A session's property trees as the rows a virtualised tree view draws: only expanded nodes become rows, so a
// tree of any size costs what is on screen and open. Paths are the inspector protocol's property paths.
import type { Json } from '../../../shared/engine/types';
import { isStub } from '../../../shared/inspector/protocol';
import type { AccessLevel } from '../../../shared/runtime/session-props';
import { isObject } from '../../../shared/runtime/tree';

export interface TreeSection {
  /** Unique among the sections shown together, e.g. `props`, `custom`, `page:s1-p1`. */
  id: string;
  title: string;
  /** The protocol path of the tree's root: `props`, `custom`, `page.props`. */
  path: string;
  /** The page a `page.props` tree belongs to. */
  page?: string;
  root: Json;
  /** Access level by top-level key (session props). */
  access?: Record<string, AccessLevel>;
  /** Top-level keys nobody may write (page props the page owns). */
  readOnly?: string[];
  /** Whether values in this tree may be edited at all. */
  editable: boolean;
}

export type RowKind = 'section' | 'object' | 'array' | 'value' | 'stub';

export interface TreeRow {
  /** Stable across redraws: the section and the path. */
  id: string;
  section: TreeSection;
  path: string;
  depth: number;
  key: string;
  value: Json;
  kind: RowKind;
  /** Children count for objects, arrays and stubs. */
  size: number;
  expanded: boolean;
  editable: boolean;
  badge?: AccessLevel;
  /** Whether the row itself matched the search (ancestors of matches are shown too). */
  match: boolean;
}

/** A key a property path can spell: `a.b` or `x[0]` in a key would be read as a path. */
const SPELLABLE = /^[^.[\]]+$/;

function childPath(parent: string, key: string | number): string | undefined {
  if (typeof key === 'number') return `${parent}[${key}]`;
  return SPELLABLE.test(key) ? `${parent}.${key}` : undefined;
}

function kindOf(value: Json): RowKind {
  if (isStub(value)) return 'stub';
  if (Array.isArray(value)) return 'array';
  return isObject(value) ? 'object' : 'value';
}

function sizeOf(value: Json): number {
  if (isStub(value)) return value.$more.size;
  if (Array.isArray(value)) return value.length;
  return isObject(value) ? Object.keys(value).length : 0;
}

function entriesOf(value: Json): Array<[string | number, Json]> {
  if (Array.isArray(value)) return value.map((v, i) => [i, v]);
  return isObject(value) && !isStub(value) ? Object.entries(value) : [];
}

function matches(key: string, value: Json, needle: string): boolean {
  if (key.toLowerCase().includes(needle)) return true;
  return value !== null && typeof value !== 'object' && String(value).toLowerCase().includes(needle);
}

/** Whether anything at or under `value` matches; memoised per object so a search walks each node once. */
function containsMatch(key: string, value: Json, needle: string, memo: WeakMap<object, boolean>): boolean {
  if (matches(key, value, needle)) return true;
  if (typeof value !== 'object' || value === null) return false;
  const known = memo.get(value);
  if (known !== undefined) return known;
  const found = entriesOf(value).some(([k, v]) => containsMatch(String(k), v, needle, memo));
  memo.set(value, found);
  return found;
}

/**
 * The rows to draw: each section's header, then the nodes whose parents are expanded. With a search, nodes that
 * match and their ancestors are shown whatever is expanded (only data already loaded can be searched).
 */
export function treeRows(sections: TreeSection[], expanded: ReadonlySet<string>, search = ''): TreeRow[] {
  const needle = search.trim().toLowerCase();
  const memo = new WeakMap<object, boolean>();
  const rows: TreeRow[] = [];
  const walk = (section: TreeSection, key: string | number, value: Json, path: string | undefined, depth: number, parentEditable: boolean): void => {
    const label = String(key);
    if (needle && !containsMatch(label, value, needle, memo)) return;
    const id = `${section.id}:${path ?? `${depth}/${label}`}`;
    const kind = kindOf(value);
    const top = depth === 1 ? label : undefined;
    const badge = top !== undefined ? section.access?.[top] : undefined;
    const lockedTop = top !== undefined && (section.readOnly?.includes(top) || badge === 'system' || badge === 'private');
    const editable = parentEditable && !lockedTop && path !== undefined && kind !== 'stub';
    const open = kind !== 'value' && (needle !== '' || expanded.has(id));
    rows.push({ id, section, path: path ?? '', depth, key: label, value, kind, size: sizeOf(value), expanded: open, editable, badge, match: needle !== '' && matches(label, value, needle) });
    if (!open) return;
    for (const [childKey, child] of entriesOf(value)) walk(section, childKey, child, path === undefined ? undefined : childPath(path, childKey), depth + 1, editable);
  };
  for (const section of sections) {
    const id = `${section.id}:`;
    const open = needle !== '' || expanded.has(id);
    rows.push({ id, section, path: section.path, depth: 0, key: section.title, value: section.root, kind: 'section', size: sizeOf(section.root), expanded: open, editable: false, match: false });
    if (!open) continue;
    for (const [key, child] of entriesOf(section.root)) walk(section, key, child, childPath(section.path, key), 1, section.editable);
  }
  return rows;
}

/** The row id of a path's parent, for keyboard navigation to the parent. */
export function parentRow(rows: TreeRow[], index: number): number {
  const depth = rows[index]?.depth ?? 0;
  for (let i = index - 1; i >= 0; i--) if (rows[i].depth < depth) return i;
  return index;
}

/** The row ids of `row` and of every loaded object or array under it (stubs stay closed until loaded). */
export function descendantIds(row: TreeRow): string[] {
  const ids: string[] = [];
  const walk = (value: Json, path: string): void => {
    if (kindOf(value) !== 'object' && kindOf(value) !== 'array') return;
    ids.push(`${row.section.id}:${path}`);
    for (const [key, child] of entriesOf(value)) {
      const inner = childPath(path, key);
      if (inner !== undefined) walk(child, inner);
    }
  };
  if (row.kind === 'section') {
    ids.push(row.id);
    for (const [key, child] of entriesOf(row.value)) {
      const inner = childPath(row.path, key);
      if (inner !== undefined) walk(child, inner);
    }
  } else walk(row.value, row.path);
  return ids;
}
