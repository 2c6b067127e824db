// YAML to plain data that is safe to hand on: never a cycle, never a crash of the process, errors with an offset.
import { isAlias, isMap, isPair, isSeq, parseDocument, type Document, type Node as YamlNode } from 'yaml';

export type YamlRead = { ok: true; value: unknown } | { ok: false; message: string; offset: number };

/** Aliases a document may expand; more is an entity-expansion attack (the "billion laughs"), not a scenario. */
const MAX_ALIASES = 1000;

export function readYaml(text: string): YamlRead {
  let doc: Document;
  try {
    // Pretty errors quote the text around an error with a regular expression that exhausts memory on deeply
    // nested input and aborts the process; the caller turns the offset into a line itself.
    // YAML ends a line at a lone CR too, which the library does not: LF in its place keeps every offset.
    doc = parseDocument(text.replace(/\r(?!\n)/g, '\n'), { prettyErrors: false });
  } catch (error) {
    return { ok: false, message: describe(error), offset: 0 };
  }
  const first = doc.errors[0];
  if (first) return { ok: false, message: describe(first), offset: first.pos[0] };
  const problem = notPlainData(doc);
  if (problem) return { ok: false, ...problem };
  try {
    return { ok: true, value: doc.toJS({ maxAliasCount: MAX_ALIASES }) };
  } catch (error) {
    return { ok: false, message: describe(error), offset: 0 };
  }
}

function describe(error: unknown): string {
  const message = (error as Error).message.split('\n')[0];
  if (/call stack/i.test(message)) return 'the values are nested too deeply to read; flatten them';
  if (/alias count/i.test(message)) return `more than ${MAX_ALIASES} alias expansions; write the values out instead of repeating anchors`;
  return message;
}

/**
 * What keeps the document from being plain data, found on a work list (the document may be deep): an alias that
 * refers to one of its own ancestors, or a key that is a list or mapping (JavaScript keys are strings).
 */
function notPlainData(doc: Document): { message: string; offset: number } | undefined {
  if (!doc.contents) return undefined;
  const ancestors = new Set<unknown>();
  const work: Array<{ node: unknown; leave: boolean }> = [{ node: doc.contents, leave: false }];
  for (let item = work.pop(); item; item = work.pop()) {
    const { node, leave } = item;
    if (leave) {
      ancestors.delete(node);
      continue;
    }
    if (isAlias(node)) {
      const target = node.resolve(doc);
      if (target && ancestors.has(target)) {
        return {
          message: `the alias *${node.source} is inside the value its anchor &${node.source} names, which would make that value contain itself; write the value out instead`,
          offset: node.range?.[0] ?? 0,
        };
      }
      continue;
    }
    if (isPair(node) && (isMap(node.key) || isSeq(node.key))) {
      return { message: 'a key is a list or a mapping; keys are names or paths such as custom.theme', offset: node.key.range?.[0] ?? 0 };
    }
    const children: unknown[] = isMap(node) || isSeq(node)
      ? (node.items as unknown[]).flatMap((entry) => (isPair(entry) ? [entry, entry.key, entry.value] : [entry]))
      : [];
    if (children.length === 0) continue;
    ancestors.add(node);
    work.push({ node, leave: true });
    for (const child of children) if (child !== null && typeof child === 'object') work.push({ node: child as YamlNode, leave: false });
  }
  return undefined;
}
