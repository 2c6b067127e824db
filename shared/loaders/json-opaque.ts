// Values a loader only ever reads whole (a view's props and custom), parsed by JSON.parse instead of node by node.
//
// A 70 MB view.json is mostly component props: as tree nodes with offsets they are millions of objects, seconds of
// parsing and garbage collection. Read whole they are one native JSON.parse of their text; their nodes are built
// only if someone asks for them (an Embedded View's `props.path`, for its position).
import type { Node } from 'jsonc-parser';

/** Keys a view's loader only reads whole, at any level of view.json. */
export const WHOLE_VALUE_KEYS: ReadonlySet<string> = new Set(['props', 'custom', 'params', 'position']);

/** A property name that a plain value must not hold (jsonValue reports those, so such a value is read node by node). */
const UNSAFE = /"(?:__proto__|constructor|prototype)"/;

const plainValues = new WeakMap<Node, unknown>();

/**
 * The value starting at `offset` (an object or array), read whole: its node, whose children are parsed when first
 * read, or undefined when the text there is not valid JSON (or holds an unsafe key) and must be read node by node.
 * `parse` builds the nodes of a text, for the children.
 */
export function wholeValue(text: string, offset: number, parse: (text: string) => Node | undefined): { node: Node; end: number } | undefined {
  const end = endOfValue(text, offset);
  if (end < 0) return undefined;
  const slice = text.slice(offset, end);
  if (UNSAFE.test(slice)) return undefined;
  let value: unknown;
  try {
    value = JSON.parse(slice);
  } catch {
    return undefined;
  }
  let children: Node[] | undefined;
  const node = {
    type: text[offset] === '{' ? 'object' : 'array',
    offset,
    length: end - offset,
    get children(): Node[] {
      children ??= rebase(parse(slice), offset, node as Node);
      return children;
    },
  } as Node;
  plainValues.set(node, value);
  return { node, end };
}

/** The plain value of a node read whole, handed out once (the caller owns it); undefined for any other node. */
export function takeWholeValue(node: Node): unknown {
  const value = plainValues.get(node);
  plainValues.delete(node);
  return value;
}

/** The offset just past the object or array starting at `start`, by its brackets outside strings; -1 if it never closes. */
function endOfValue(text: string, start: number): number {
  let depth = 0;
  for (let i = start; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x22) {
      // To the closing quote: one not preceded by an odd number of backslashes.
      for (;;) {
        i = text.indexOf('"', i + 1);
        if (i < 0) return -1;
        let slashes = 0;
        while (text.charCodeAt(i - 1 - slashes) === 0x5c) slashes++;
        if (slashes % 2 === 0) break;
      }
    } else if (c === 0x7b || c === 0x5b) depth++;
    else if ((c === 0x7d || c === 0x5d) && --depth === 0) return i + 1;
  }
  return -1;
}

/** The children of a slice's root, moved to where the slice sits in the file and hung under `parent`. */
function rebase(root: Node | undefined, offset: number, parent: Node): Node[] {
  const children = root?.children ?? [];
  const work: Node[] = [...children];
  for (const child of children) (child as { parent?: Node }).parent = parent;
  for (let node = work.pop(); node; node = work.pop()) {
    const writable = node as { offset: number; colonOffset?: number };
    writable.offset += offset;
    if (writable.colonOffset !== undefined) writable.colonOffset += offset;
    work.push(...(node.children ?? []));
  }
  return children;
}
