// Loads a session-script document: Markdown with fenced `python` blocks and an optional `params` block.
//
// This is how Periscope's first users write session scripts (see examples/seed). Each `python` block is one
// module; string literals held under a "script" key inside a block (the handler scripts of
// configure_message_handlers() and configure_idle_detection()) are scripts of their own, mapped to the document.
import { LineIndex, OriginMap } from '../source/origin';
import { decodePythonString } from '../source/python-string';
import { readYaml } from '../source/yaml-value';
import type { LoadProblem, Script } from '../source/script';
import { createPythonParser, parsableText, type SyntaxNode } from '../python/parser';

export interface DocumentParams {
  project?: string;
  /** Session timeout in seconds. */
  timeout?: number;
  max_sessions?: number;
  /** Session prop groups the document declares it uses, e.g. custom, auth, locale, device. */
  session_props?: string[];
  /** Any other key, as written. */
  [key: string]: unknown;
}

export interface SessionDocument {
  file: string;
  text: string;
  lines: LineIndex;
  params: DocumentParams;
  /** One module per fenced `python` block, in document order. */
  blocks: Script[];
  /** Scripts held in string literals under a "script" key, in document order. */
  scriptStrings: Script[];
  problems: LoadProblem[];
}

interface Fence {
  info: string;
  /** Offset of the first content character and of the end of the content. */
  start: number;
  end: number;
  /** 1-based line of the opening fence. */
  line: number;
  heading?: string;
  closed: boolean;
}

/**
 * CommonMark fenced code blocks (``` or ~~~, up to three spaces of indent), with the heading above each. Lines end
 * as CommonMark's do: LF, CRLF, or a CR alone (old Mac editors), as LineIndex counts them.
 */
export function findFences(text: string): Fence[] {
  const fences: Fence[] = [];
  const lineRe = /[^\r\n]*(?:\r\n|\r|\n|$)/g;
  let heading: string | undefined;
  let open: { char: string; length: number; info: string; start: number; line: number; heading?: string } | undefined;
  let lineNo = 0;
  for (let m = lineRe.exec(text); m && m[0] !== ''; m = lineRe.exec(text)) {
    lineNo++;
    const line = m[0].replace(/\r?\n$|\r$/, '');
    const lineStart = m.index;
    const fence = /^ {0,3}(`{3,}|~{3,})\s*([^`]*)$/.exec(line);
    if (open) {
      if (fence && fence[1][0] === open.char && fence[1].length >= open.length && fence[2].trim() === '') {
        fences.push({ info: open.info, start: open.start, end: lineStart, line: open.line, heading: open.heading, closed: true });
        open = undefined;
      }
      continue;
    }
    if (fence) {
      open = { char: fence[1][0], length: fence[1].length, info: fence[2].trim(), start: lineStart + m[0].length, line: lineNo, heading };
      continue;
    }
    const h = /^ {0,3}#{1,6}\s+(.*?)\s*#*\s*$/.exec(line);
    if (h) heading = h[1];
  }
  if (open) fences.push({ info: open.info, start: open.start, end: text.length, line: open.line, heading: open.heading, closed: false });
  return fences;
}

export async function loadDocument(file: string, text: string): Promise<SessionDocument> {
  const lines = new LineIndex(text);
  const doc: SessionDocument = { file, text, lines, params: {}, blocks: [], scriptStrings: [], problems: [] };
  const parser = await createPythonParser();
  try {
    for (const fence of findFences(text)) {
      const language = fence.info.split(/\s+/)[0].toLowerCase();
      if (!fence.closed) {
        doc.problems.push({
          file, position: { line: fence.line, column: 1 }, severity: 'error',
          message: `the \`\`\`${language} block opened here is never closed; close it with a line of three backticks`,
        });
      }
      if (language === 'params') readParams(doc, fence);
      if (language !== 'python' && language !== 'py') continue;
      const code = text.slice(fence.start, fence.end);
      const block: Script = {
        id: `${file}:${fence.line + 1}`,
        role: { kind: 'module' },
        text: code,
        origin: OriginMap.slice(file, lines, fence.start),
        title: fence.heading,
      };
      doc.blocks.push(block);
      const tree = parser.parse(parsableText(code));
      if (tree) {
        collectScriptStrings(tree.rootNode, block, doc);
        tree.delete();
      }
    }
  } finally {
    parser.delete();
  }
  return doc;
}

function readParams(doc: SessionDocument, fence: Fence): void {
  const source = doc.text.slice(fence.start, fence.end);
  const read = readYaml(source);
  if (!read.ok) {
    doc.problems.push({
      file: doc.file, position: doc.lines.position(fence.start + read.offset), severity: 'error',
      message: `the params block is not valid \`key: value\` lines (${read.message})`,
    });
    return;
  }
  const value = read.value;
  if (value === null || value === undefined) return;
  if (typeof value !== 'object' || Array.isArray(value)) {
    doc.problems.push({
      file: doc.file, position: { line: fence.line + 1, column: 1 }, severity: 'error',
      message: 'the params block must hold `key: value` lines such as `timeout: 900`',
    });
    return;
  }
  for (const [key, raw] of Object.entries(value as Record<string, unknown>)) {
    if (key === '__proto__' || key === 'constructor' || key === 'prototype') continue;
    const line = fence.line + 1 + source.split(/\r\n|\r|\n/).findIndex((l) => l.trimStart().startsWith(`${key}:`));
    if (key === 'timeout' || key === 'max_sessions') {
      if (typeof raw !== 'number' || !Number.isFinite(raw) || raw < 0) {
        doc.problems.push({
          file: doc.file, position: { line, column: 1 }, severity: 'error',
          message: `params \`${key}\` must be a number of ${key === 'timeout' ? 'seconds' : 'sessions'}, not ${JSON.stringify(raw)}`,
        });
        continue;
      }
      doc.params[key] = raw;
    } else if (key === 'session_props') {
      doc.params.session_props = (Array.isArray(raw) ? raw.map(String) : String(raw).split(','))
        .map((s) => s.trim())
        .filter((s) => s !== '');
    } else if (key === 'project') {
      doc.params.project = String(raw);
    } else {
      doc.params[key] = raw;
    }
  }
}

/** String literals under a "script" dict key or a `script=` keyword become scripts of their own. */
function collectScriptStrings(node: SyntaxNode, block: Script, doc: SessionDocument): void {
  const visit = (n: SyntaxNode): void => {
    let value: SyntaxNode | null = null;
    if (n.type === 'pair') {
      const key = n.childForFieldName('key');
      if (key && key.type === 'string' && /^[uUbBrR]*['"]script['"]$/.test(key.text)) value = n.childForFieldName('value');
    } else if (n.type === 'keyword_argument' && n.childForFieldName('name')?.text === 'script') {
      value = n.childForFieldName('value');
    }
    if (value && value.type === 'string') addScriptString(value, n, block, doc);
    for (const child of n.namedChildren) if (child) visit(child);
  };
  visit(node);
}

function addScriptString(literal: SyntaxNode, holder: SyntaxNode, block: Script, doc: SessionDocument): void {
  const offset = block.origin.originOffset(literal.startIndex);
  const decoded = decodePythonString(literal.text, offset, doc.file, doc.lines);
  if (!decoded) return;
  const position = doc.lines.position(offset);
  doc.scriptStrings.push({
    id: `${doc.file}:${position.line}`,
    role: { kind: 'script-string', key: enclosingName(holder) },
    text: decoded.text,
    origin: decoded.origin,
    title: block.title,
  });
}

/** The nearest name a reader would use for the script: its dict key, else the variable or function holding it. */
function enclosingName(node: SyntaxNode): string {
  for (let n: SyntaxNode | null = node.parent; n; n = n.parent) {
    if (n.type === 'pair') {
      const key = n.childForFieldName('key');
      if (key?.type === 'string') return key.text.replace(/^[a-zA-Z]*['"]+|['"]+$/g, '');
    }
    if (n.type === 'assignment') return n.childForFieldName('left')?.text ?? 'script';
    if (n.type === 'function_definition') return n.childForFieldName('name')?.text ?? 'script';
  }
  return 'script';
}
