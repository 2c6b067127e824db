// Which `system.*` arguments name something of the project: a message type, a named query, a page, a tag path.
import type { OpenBracket } from './code-context';

export type ArgumentKind = 'session-message' | 'component-message' | 'named-query' | 'page' | 'tag-path';

interface ArgumentRule {
  kind: ArgumentKind;
  /** The keyword of the argument, and its position when passed positionally. */
  keyword: string;
  index: number;
}

/** The same argument for every function of a list, e.g. the tag paths of each tag read and write. */
const each = (names: readonly string[], rule: ArgumentRule): Record<string, readonly ArgumentRule[]> => Object.fromEntries(names.map((n) => [n, [rule]]));

const RULES: Readonly<Record<string, readonly ArgumentRule[]>> = {
  'system.util.sendMessage': [{ kind: 'session-message', keyword: 'messageHandler', index: 1 }],
  'system.perspective.sendMessage': [{ kind: 'component-message', keyword: 'messageType', index: 0 }],
  // runNamedQuery(path, ...) in project scope, runNamedQuery(project, path, ...) in gateway scope: both are offered.
  'system.db.runNamedQuery': [{ kind: 'named-query', keyword: 'path', index: 0 }, { kind: 'named-query', keyword: 'path', index: 1 }],
  ...each(['system.db.execQuery', 'system.db.execUpdate', 'system.db.execScalar'], { kind: 'named-query', keyword: 'path', index: 0 }),
  'system.perspective.navigate': [{ kind: 'page', keyword: 'page', index: 0 }],
  ...each(['system.tag.readBlocking', 'system.tag.readAsync', 'system.tag.writeBlocking', 'system.tag.writeAsync', 'system.tag.readAll', 'system.tag.writeAll'],
    { kind: 'tag-path', keyword: 'tagPaths', index: 0 }),
  ...each(['system.tag.read', 'system.tag.write'], { kind: 'tag-path', keyword: 'tagPath', index: 0 }),
};

/** What the argument the call bracket is at names, if anything. */
export function argumentKind(call: OpenBracket): ArgumentKind | undefined {
  const rules = call.callee ? RULES[call.callee] : undefined;
  if (!rules) return undefined;
  const found = rules.find((r) => (call.keyword ? call.keyword === r.keyword : call.argIndex === r.index));
  return found?.kind;
}
