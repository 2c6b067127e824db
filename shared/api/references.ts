// Finds the places a script names `system.<module>` or `system.<module>.<member>`, for rules and editor features.
import type { Node as SyntaxNode } from 'web-tree-sitter';
import { BracketIndex, readCallArguments, type CallArguments } from './call-arguments';

/** A range of the script's text, in UTF-16 code units. */
export interface TextRange {
  start: number;
  end: number;
}

export interface SystemReference {
  /** `system.db.runNamedQuery`, or `system.db` when the module itself is the value. */
  name: string;
  /** `system.db`. */
  module: string;
  /** `runNamedQuery`, absent when only the module is named. */
  member?: string;
  /** Where `system.db.runNamedQuery` is written. */
  range: TextRange;
  /** Where the module's name (`db`) is written. */
  moduleRange: TextRange;
  /** Where the member's name (`runNamedQuery`) is written. */
  memberRange?: TextRange;
  /** The argument list when `name` is called directly, `system.db.runNamedQuery(...)`, and it could be read. */
  call?: CallArguments;
}

/** `system . module . member`, then what follows it; Python 2 names are ASCII. */
const CHAIN = /system\s*\.\s*([A-Za-z_][A-Za-z0-9_]*)(?:\s*\.\s*([A-Za-z_][A-Za-z0-9_]*))?\s*(\(?)/y;

/** Several rules read the same script's references: the linter hands each the same node list, so read it once. */
const cache = new WeakMap<readonly SyntaxNode[], readonly SystemReference[]>();

/**
 * The references in a script, in document order, from its `attribute` nodes (in document order, as the linter
 * collects them) and its text. Longer chains (`system.a.b.c`) report their `system.a.b` prefix.
 */
export function systemReferences(attributes: readonly SyntaxNode[], text: string): readonly SystemReference[] {
  let found = cache.get(attributes);
  if (!found) {
    found = readReferences(attributes, text);
    cache.set(attributes, found);
  }
  return found;
}

/**
 * Reads chains and argument lists from the text rather than walking child nodes: every node fetched from the parser
 * costs far more than a regular expression, and this runs for every attribute on every keystroke. The nodes give
 * only positions.
 */
function readReferences(attributes: readonly SyntaxNode[], text: string): SystemReference[] {
  const found: SystemReference[] = [];
  // Built on the first call seen, reading from there: most attributes (session.props...) never need it.
  let brackets: BracketIndex | undefined;
  let start = 0;
  const bracketsOf = () => (brackets ??= new BracketIndex(text, start));
  let outerStart = -1;
  for (let i = 0; i < attributes.length; i++) {
    start = attributes[i].startIndex;
    // Two attributes starting at one offset are nested, and the outer one comes first: `system.a.b` is read once,
    // not again as `system.a`. (Comparing starts only also spares asking the parser for each node's end.)
    if (start === outerStart) continue;
    outerStart = start;
    if (text.charCodeAt(start) !== 115 /* s */) continue;
    CHAIN.lastIndex = start;
    const match = CHAIN.exec(text);
    if (!match || match.index !== start) continue;
    found.push(referenceOf(match, start, bracketsOf));
  }
  return found;
}

function referenceOf(match: RegExpExecArray, start: number, bracketsOf: () => BracketIndex): SystemReference {
  const [whole, moduleName, memberName, paren] = match;
  const moduleStart = start + whole.indexOf(moduleName, 'system'.length);
  const moduleRange = { start: moduleStart, end: moduleStart + moduleName.length };
  const reference: SystemReference = {
    name: `system.${moduleName}`,
    module: `system.${moduleName}`,
    range: { start, end: moduleRange.end },
    moduleRange,
  };
  if (memberName !== undefined) {
    const memberStart = start + whole.indexOf(memberName, moduleRange.end - start);
    reference.member = memberName;
    reference.name = `${reference.module}.${memberName}`;
    reference.memberRange = { start: memberStart, end: memberStart + memberName.length };
    reference.range = { start, end: reference.memberRange.end };
  }
  const call = paren ? readCallArguments(bracketsOf(), start + whole.length - 1) : undefined;
  if (call) reference.call = call;
  return reference;
}
