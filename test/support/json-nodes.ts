// What tests compare of JSON offset trees: the fields loaders read, and that every child knows its parent.
import { strict as assert } from 'node:assert';
import type { Node } from 'jsonc-parser';

/** The fields loaders read, without parent links (which make the trees circular). */
export function shape(node: Node | undefined): unknown {
  if (!node) return undefined;
  return {
    type: node.type, offset: node.offset, length: node.length,
    ...(node.value !== undefined || node.type === 'null' ? { value: node.value } : {}),
    ...(node.colonOffset !== undefined ? { colonOffset: node.colonOffset } : {}),
    ...(node.children ? { children: node.children.map(shape) } : {}),
  };
}

/** Every node's parent holds it among its children. */
export function assertParents(node: Node): void {
  for (const child of node.children ?? []) {
    assert.equal(child.parent, node);
    assertParents(child);
  }
}
