// The first pass over every script linted together: which message types are handled where, and which are sent.
import type { Node as SyntaxNode } from 'web-tree-sitter';
import type { ProjectFacts } from './rule';
import type { Script } from '../source/script';
import { callArguments, calleeName, stringValue } from './syntax';

export interface ScriptCalls {
  script: Script;
  calls: readonly SyntaxNode[];
}

/** The literal message type of a send call: `system.util.sendMessage(project, messageHandler, ...)` or `system.perspective.sendMessage(messageType, ...)`. */
export function sentMessageType(call: SyntaxNode): { via: 'util' | 'perspective'; type: SyntaxNode } | undefined {
  // A node's text is a slice of the script, cheap next to walking its children: test it first.
  if (!/^system\s*\.\s*(util|perspective)\s*\.\s*sendMessage\b/.test(call.text)) return undefined;
  const name = calleeName(call);
  if (name !== 'system.util.sendMessage' && name !== 'system.perspective.sendMessage') return undefined;
  const args = callArguments(call);
  const type = name === 'system.util.sendMessage'
    ? args.keywords.get('messageHandler') ?? args.positional[1]
    : args.keywords.get('messageType') ?? args.positional[0];
  return type ? { via: name === 'system.util.sendMessage' ? 'util' : 'perspective', type } : undefined;
}

export function gatherFacts(scripts: readonly ScriptCalls[], complete: boolean): ProjectFacts {
  const sessionMessageTypes = new Set<string>();
  const componentMessageTypes = new Set<string>();
  const sentByUtil = new Set<string>();
  const sentByPerspective = new Set<string>();
  for (const { script, calls } of scripts) {
    if (script.role.kind === 'session-message-handler') sessionMessageTypes.add(script.role.messageType);
    if (script.role.kind === 'component-message-handler') componentMessageTypes.add(script.role.messageType);
    for (const call of calls) {
      const sent = sentMessageType(call);
      if (!sent) continue;
      const type = stringValue(sent.type);
      // A computed message type may reach any handler, so no handler can be called unused.
      if (type === undefined) {
        if (sent.via === 'util') complete = false;
        continue;
      }
      (sent.via === 'util' ? sentByUtil : sentByPerspective).add(type);
    }
  }
  return { sessionMessageTypes, componentMessageTypes, sentByUtil, sentByPerspective, complete };
}
