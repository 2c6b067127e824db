// Scripts for engine tests: each sits in a Markdown file after some prose, so every position goes through the origin map.
import assert from 'node:assert/strict';
import type { Outcome } from '../../shared/engine/types';
import { LineIndex, OriginMap } from '../../shared/source/origin';
import type { Script } from '../../shared/source/script';

/** A script that sits in a Markdown file after a few lines of prose. */
export function markdownScript(id: string, body: string, role: Script['role'] = { kind: 'module' }): Script {
  const before = '# Session scripts\n\nSome prose.\n\n```python\n';
  const file = `${before}${body}\`\`\`\n`;
  return { id, role, text: body, origin: OriginMap.slice(`docs/${id}.md`, new LineIndex(file), before.length) };
}

/** Line of the Markdown file that holds line `n` of a body (the body starts on line 6). */
export const markdownLine = (n: number): number => n + 5;

export function expectError(outcome: Outcome): Extract<Outcome, { ok: false }>['error'] {
  assert.equal(outcome.ok, false, `expected a failure, got ${JSON.stringify(outcome)}`);
  return (outcome as Extract<Outcome, { ok: false }>).error;
}
