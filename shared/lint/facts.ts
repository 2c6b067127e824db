// The first pass over every script linted together: which message types are handled where, and which are sent.
import type { Node as SyntaxNode } from 'web-tree-sitter';
import type { ProjectFacts } from './rule';
import type { Script } from '../source/script';
import { callArguments, calleeName, stringValue } from './syntax';

/** The message types one region of a script sends, when literal. */
export interface SentMessages {
  byUtil: string[];
  byPerspective: string[];
  /** True when a system.util.sendMessage names its handler with a computed value. */
  computedUtil: boolean;
}

const SEND = /system\s*\.\s*(util|perspective)\s*\.\s*sendMessage\b/y;
const SEND_ANYWHERE = new RegExp(SEND.source, 'g');

/**
 * The calls that start where the text names a send: found from the text and asked of the tree at those places only,
 * since walking a tree for all its calls costs far more than a regular expression over the text.
 */
export function sendCalls(root: SyntaxNode, text: string): SyntaxNode[] {
  const calls: SyntaxNode[] = [];
  for (const { index } of text.matchAll(SEND_ANYWHERE)) {
    for (let n = root.descendantForIndex(index); n && n.startIndex === index; n = n.parent) {
      if (n.type === 'call') calls.push(n);
    }
  }
  return calls;
}

/** The literal message type of a send call: `system.util.sendMessage(project, messageHandler, ...)` or `system.perspective.sendMessage(messageType, ...)`. */
export function sentMessageType(call: SyntaxNode, text: string): { via: 'util' | 'perspective'; type: SyntaxNode } | undefined {
  // The script's text at the call's start is far cheaper than walking its children: test it first.
  SEND.lastIndex = call.startIndex;
  if (!SEND.test(text)) return undefined;
  const name = calleeName(call);
  if (name !== 'system.util.sendMessage' && name !== 'system.perspective.sendMessage') return undefined;
  const args = callArguments(call);
  const type = name === 'system.util.sendMessage'
    ? args.keywords.get('messageHandler') ?? args.positional[1]
    : args.keywords.get('messageType') ?? args.positional[0];
  return type ? { via: name === 'system.util.sendMessage' ? 'util' : 'perspective', type } : undefined;
}

/** The message types a script's calls send; `calls` is asked for only when the text names sendMessage at all. */
export function sentMessages(calls: () => readonly SyntaxNode[], text: string): SentMessages {
  const sent: SentMessages = { byUtil: [], byPerspective: [], computedUtil: false };
  if (!text.includes('sendMessage')) return sent;
  for (const call of calls()) {
    const found = sentMessageType(call, text);
    if (!found) continue;
    const type = stringValue(found.type);
    if (type === undefined) {
      if (found.via === 'util') sent.computedUtil = true;
      continue;
    }
    (found.via === 'util' ? sent.byUtil : sent.byPerspective).push(type);
  }
  return sent;
}

export function gatherFacts(scripts: ReadonlyArray<{ script: Script; sent: readonly SentMessages[] }>, complete: boolean, missingParent?: string): ProjectFacts {
  const sessionMessageTypes = new Set<string>();
  const componentMessageTypes = new Set<string>();
  const sentByUtil = new Set<string>();
  const sentByPerspective = new Set<string>();
  for (const { script, sent } of scripts) {
    if (script.role.kind === 'session-message-handler') sessionMessageTypes.add(script.role.messageType);
    if (script.role.kind === 'component-message-handler') componentMessageTypes.add(script.role.messageType);
    for (const region of sent) {
      // A computed message type may reach any handler, so no handler can be called unused.
      if (region.computedUtil) complete = false;
      for (const type of region.byUtil) sentByUtil.add(type);
      for (const type of region.byPerspective) sentByPerspective.add(type);
    }
  }
  return { sessionMessageTypes, componentMessageTypes, sentByUtil, sentByPerspective, complete, ...(missingParent ? { missingParent } : {}) };
}

/** Facts of two parts of a project taken together. */
export function mergeFacts(a: ProjectFacts, b: ProjectFacts): ProjectFacts {
  const union = (x: ReadonlySet<string>, y: ReadonlySet<string>) => new Set([...x, ...y]);
  return {
    sessionMessageTypes: union(a.sessionMessageTypes, b.sessionMessageTypes),
    componentMessageTypes: union(a.componentMessageTypes, b.componentMessageTypes),
    sentByUtil: union(a.sentByUtil, b.sentByUtil),
    sentByPerspective: union(a.sentByPerspective, b.sentByPerspective),
    complete: a.complete !== false && b.complete !== false,
    ...(a.missingParent ?? b.missingParent ? { missingParent: a.missingParent ?? b.missingParent } : {}),
  };
}

/** The facts a lint uses: given whole, or the rest of the project's with the linted scripts' own (`own`) added. */
export function factsFor(options: { project?: ProjectFacts; projectRest?: ProjectFacts }, own: () => ProjectFacts): ProjectFacts {
  if (options.project) return options.project;
  return options.projectRest ? mergeFacts(options.projectRest, own()) : own();
}
