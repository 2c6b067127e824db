// Which `system.*` arguments name something of the project: a message type, a named query, a page, a tag path.
import type { OpenBracket } from './code-context';

export type ArgumentKind = 'session-message' | 'component-message' | 'named-query' | 'page' | 'tag-path';

interface ArgumentRule {
  kind: ArgumentKind;
  /** The keyword of the argument, and its position when passed positionally. */
  keyword: string;
  index: number;
}

const RULES: Readonly<Record<string, readonly ArgumentRule[]>> = {
  'system.util.sendMessage': [{ kind: 'session-message', keyword: 'messageHandler', index: 1 }],
  'system.perspective.sendMessage': [{ kind: 'component-message', keyword: 'messageType', index: 0 }],
  // runNamedQuery(path, ...) in project scope, runNamedQuery(project, path, ...) in gateway scope: both are offered.
  'system.db.runNamedQuery': [{ kind: 'named-query', keyword: 'path', index: 0 }, { kind: 'named-query', keyword: 'path', index: 1 }],
  'system.db.execQuery': [{ kind: 'named-query', keyword: 'path', index: 0 }],
  'system.db.execUpdate': [{ kind: 'named-query', keyword: 'path', index: 0 }],
  'system.db.execScalar': [{ kind: 'named-query', keyword: 'path', index: 0 }],
  'system.perspective.navigate': [{ kind: 'page', keyword: 'page', index: 0 }],
  'system.tag.readBlocking': [{ kind: 'tag-path', keyword: 'tagPaths', index: 0 }],
  'system.tag.readAsync': [{ kind: 'tag-path', keyword: 'tagPaths', index: 0 }],
  'system.tag.writeBlocking': [{ kind: 'tag-path', keyword: 'tagPaths', index: 0 }],
  'system.tag.writeAsync': [{ kind: 'tag-path', keyword: 'tagPaths', index: 0 }],
  'system.tag.read': [{ kind: 'tag-path', keyword: 'tagPath', index: 0 }],
  'system.tag.readAll': [{ kind: 'tag-path', keyword: 'tagPaths', index: 0 }],
  'system.tag.write': [{ kind: 'tag-path', keyword: 'tagPath', index: 0 }],
  'system.tag.writeAll': [{ kind: 'tag-path', keyword: 'tagPaths', index: 0 }],
};

/** What the argument the call bracket is at names, if anything. */
export function argumentKind(call: OpenBracket): ArgumentKind | undefined {
  const rules = call.callee ? RULES[call.callee] : undefined;
  if (!rules) return undefined;
  const found = rules.find((r) => (call.keyword ? call.keyword === r.keyword : call.argIndex === r.index));
  return found?.kind;
}
