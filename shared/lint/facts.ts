// The first pass over every script linted together: which message types are handled where, and which are sent.
import type { Node as SyntaxNode } from 'web-tree-sitter';
import type { ProjectFacts } from './rule';
import type { Script } from '../source/script';
import { callArguments, calleeName, stringValue } from './syntax';
import { BracketIndex, readCallArguments } from '../api/call-arguments';

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
  const sentBy = sentTypeReader(text);
  for (const call of calls()) {
    const read = sentBy(call);
    if (!read) continue;
    if (read.type === undefined) {
      if (read.via === 'util') sent.computedUtil = true;
      continue;
    }
    (read.via === 'util' ? sent.byUtil : sent.byPerspective).push(read.type);
  }
  return sent;
}

/**
 * What the send calls of a script send, read from the text where it is certain and from the tree elsewhere: for each
 * call, undefined when it is no send.
 */
export function sentTypeReader(text: string): (call: SyntaxNode) => SentType | undefined {
  let brackets: BracketIndex | undefined;
  return (call) => {
    const read = sentTypeInText(text, call.startIndex, () => (brackets ??= new BracketIndex(text, call.startIndex)));
    if (read !== 'uncertain') return read;
    const found = sentMessageType(call, text);
    return found && { via: found.via, type: stringValue(found.type) };
  };
}

/** What a send call sends: the literal message type, or `type` undefined when it is computed. */
export interface SentType {
  via: 'util' | 'perspective';
  type: string | undefined;
}

/** A string literal's prefix (no f: an f-string's value is computed) and opening quote. */
const STRING_OPENING = /^([uUbBrR]{0,2})('''|"""|'|")/;

/**
 * The message type of the send call starting at `start`, read from the text as `sentMessageType` and `stringValue`
 * read it from the tree: undefined when it is no send, `uncertain` when the text cannot say for sure (an argument
 * spread, a string with escapes or quotes inside, anything unusual), and the tree is asked.
 */
function sentTypeInText(text: string, start: number, brackets: () => BracketIndex): SentType | undefined | 'uncertain' {
  SEND.lastIndex = start;
  const send = SEND.exec(text);
  if (!send) return undefined;
  const via = send[1] === 'util' ? 'util' : 'perspective';
  OPEN_PAREN.lastIndex = start + send[0].length;
  if (!OPEN_PAREN.test(text)) return 'uncertain';
  const call = readCallArguments(brackets(), OPEN_PAREN.lastIndex - 1);
  // A lambda's parameters hold commas that do not separate arguments.
  if (!call || call.spread || /\blambda\b/.test(text.slice(call.start, call.end))) return 'uncertain';
  const keyword = via === 'util' ? 'messageHandler' : 'messageType';
  const named = call.arguments.filter((a) => a.keyword === keyword).pop();
  const argument = named ?? call.arguments.filter((a) => a.keyword === undefined)[via === 'util' ? 1 : 0];
  if (!argument) return undefined;
  const written = text.slice(argument.start, argument.end);
  const value = named ? written.slice(written.indexOf('=') + 1).trim() : written;
  // A comment or a line continuation between `name=` and the value: the tree knows better.
  if (value === '' || value[0] === '#' || value[0] === '\\') return 'uncertain';
  const opening = STRING_OPENING.exec(value);
  // Not a string literal (a name, a call, a parenthesized expression): the type is computed.
  if (!opening) return /^[A-Za-z]{0,2}['"]/.test(value) ? 'uncertain' : { via, type: undefined };
  const [, prefix, quote] = opening;
  const body = value.slice(prefix.length + quote.length, value.length - quote.length);
  const plain = value.length >= prefix.length + 2 * quote.length && value.endsWith(quote) && !/[\\'"\r\n]/.test(body);
  return plain ? { via, type: body } : 'uncertain';
}

const OPEN_PAREN = /\s*\(/y;

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
