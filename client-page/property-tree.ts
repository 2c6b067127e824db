// A property tree of the client page, with the surface a Perspective client's trees offer
// (`window.__client.page.sessionCustom.read('a.b')`): read, write, subscribe, toPlainObject.
import type { Json } from '../shared/engine/types';
import { deleteAt, getAt, isObject, parsePath, setAt, type JsonObject } from '../shared/runtime/tree';

export type TreeListener = (change: { path: string; value: Json | undefined }) => void;

export class PropertyTree {
  private root: JsonObject = {};
  private readonly listeners = new Set<TreeListener>();

  /** `write` sends the change to the gateway: the tree is the runtime's, the page shows it. */
  constructor(private readonly onWrite: (path: string, value: Json) => void) {}

  /** The value at `path` (the whole tree without one), as plain data, or undefined. */
  read(path?: string): Json | undefined {
    const value = path === undefined || path === '' ? this.root : getAt(this.root, parsePath(path));
    return value === undefined ? undefined : structuredClone(value);
  }

  /** Writes as a person or a binding does: shown at once, sent to the gateway, put back if the gateway refuses. */
  write(path: string, value: Json): void {
    const plain = JSON.parse(JSON.stringify(value ?? null)) as Json;
    this.set(path, plain);
    this.onWrite(path, plain);
  }

  /** Calls `listener` with each change (from the page or the gateway); returns how to stop. */
  subscribe(listener: TreeListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  toPlainObject(): JsonObject {
    return structuredClone(this.root);
  }

  /** The gateway's whole tree, at session start. */
  reset(root: Json): void {
    this.root = isObject(root) ? structuredClone(root) : {};
    this.emit('', this.root);
  }

  /** A change (`value` undefined: removed); a path whose parents the tree lacks is ignored until the next reset. */
  set(path: string, value: Json | undefined): void {
    try {
      const parts = parsePath(path);
      if (value === undefined) deleteAt(this.root, parts);
      else setAt(this.root, parts, value);
    } catch {
      return;
    }
    this.emit(path, value);
  }

  private emit(path: string, value: Json | undefined): void {
    for (const listener of this.listeners) listener({ path, value });
  }
}
