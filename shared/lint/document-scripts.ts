// The scripts of a session-script document as the linter sees them, with the document's conventions applied.
import type { SessionDocument } from '../loaders/document';
import type { Script } from '../source/script';

/**
 * A document's blocks are modules. A script string inside `configure_message_handlers()` is a session message
 * handler for its dict key (design.md, "Script sources"), so it gets that role; other script strings (the idle
 * scripts) stay script strings.
 */
export function documentScripts(doc: SessionDocument): Script[] {
  const scripts: Script[] = [...doc.blocks];
  for (const s of doc.scriptStrings) {
    const holder = enclosingTopLevelFunction(doc, s);
    if (holder === 'configure_message_handlers' && s.role.kind === 'script-string') {
      scripts.push({ ...s, role: { kind: 'session-message-handler', messageType: s.role.key, enabled: true } });
    } else {
      scripts.push(s);
    }
  }
  return scripts;
}

/** The name of the top-level `def` of the block that holds a script string, read from the block's text. */
function enclosingTopLevelFunction(doc: SessionDocument, script: Script): string | undefined {
  const at = script.origin.originOffset(0);
  const block = doc.blocks.find((b) => at >= b.origin.originOffset(0) && at <= b.origin.originOffset(b.text.length));
  if (!block) return undefined;
  const blockStart = block.origin.originOffset(0);
  const before = block.text.slice(0, at - blockStart);
  // A `def` at column 0 inside another script string belongs to that script, not to the block.
  const inString = (offset: number) =>
    doc.scriptStrings.some((other) => offset >= other.origin.originOffset(0) && offset < other.origin.originOffset(other.text.length));
  let name: string | undefined;
  for (const m of before.matchAll(/^def\s+(\w+)/gm)) if (!inString(blockStart + m.index)) name = m[1];
  return name;
}
