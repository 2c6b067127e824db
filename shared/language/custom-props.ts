// The session custom props a unit's scripts can read: a document's `initialize_custom_properties()` defaults and
// every `session.custom.<key> = ...` a script writes.
import type { Node as SyntaxNode } from 'web-tree-sitter';
import type { Linter } from '../lint/linter';
import type { Script } from '../source/script';

/** A custom prop tree as completion shows it: nested objects, and leaves with the source of their default. */
export type CustomTree = { [key: string]: CustomTree | string };

const ASSIGNED = /\bsession\s*\.\s*custom\s*\.\s*([A-Za-z_]\w*)\s*(?:=(?!=)|\+=|-=)/g;

/** Keys written as `session.custom.<key> = ...` (also `page.session.custom`, `self.session.custom`). */
export function assignedCustomKeys(text: string): string[] {
  return [...new Set([...text.matchAll(ASSIGNED)].map((m) => m[1]))];
}

/** The dict `initialize_custom_properties()` returns, read from its literal (directly or through one variable). */
export function documentCustomDefaults(linter: Linter, blocks: readonly Script[]): CustomTree {
  for (const block of blocks) {
    if (!block.text.includes('initialize_custom_properties')) continue;
    const { tree } = linter.parse(block);
    try {
      const fn = tree.rootNode.namedChildren.find((n) => n?.type === 'function_definition' && n.childForFieldName('name')?.text === 'initialize_custom_properties');
      const body = fn?.childForFieldName('body');
      if (!body) continue;
      const returned = body.descendantsOfType('return_statement')[0]?.namedChildren[0];
      if (!returned) continue;
      if (returned.type === 'dictionary') return dictionaryTree(returned);
      if (returned.type === 'identifier') {
        for (const assignment of body.descendantsOfType('assignment')) {
          if (assignment?.childForFieldName('left')?.text === returned.text && assignment.childForFieldName('right')?.type === 'dictionary') {
            return dictionaryTree(assignment.childForFieldName('right')!);
          }
        }
      }
    } finally {
      tree.delete();
    }
  }
  return {};
}

function dictionaryTree(node: SyntaxNode): CustomTree {
  const out: CustomTree = {};
  for (const pair of node.namedChildren) {
    if (pair?.type !== 'pair') continue;
    const key = pair.childForFieldName('key');
    const value = pair.childForFieldName('value');
    const name = key?.type === 'string' ? key.text.replace(/^[uUbBrR]*(['"]{1,3})([\s\S]*)\1$/, '$2') : undefined;
    if (!name || !value || name === '__proto__' || name === 'constructor' || name === 'prototype') continue;
    out[name] = value.type === 'dictionary' ? dictionaryTree(value) : value.text;
  }
  return out;
}

/** A plain JSON value (a project's props.json `custom`) as a custom tree. */
export function jsonCustomTree(value: unknown): CustomTree {
  const out: CustomTree = {};
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return out;
  for (const [key, child] of Object.entries(value)) {
    out[key] = typeof child === 'object' && child !== null && !Array.isArray(child) ? jsonCustomTree(child) : JSON.stringify(child);
  }
  return out;
}
