// Parses a JSON file keeping every value's offset, so that problems and scripts inside it point at the file.
import type { Node } from 'jsonc-parser';
import { takeWholeValue } from './json-opaque';
import { parseJsonTree, type JsonTreeOptions } from './json-tree';
import { MappedTextBuilder, type MappedText } from '../source/mapped-text';
import { LineIndex } from '../source/origin';
import type { LoadProblem } from '../source/script';

export type JsonNode = Node;

export interface JsonFile {
  file: string;
  text: string;
  lines: LineIndex;
  /** Undefined when the text is not JSON at all; for an object with a syntax error, what could be read. */
  root?: JsonNode;
  /** False when the text has a syntax error. */
  valid: boolean;
  problems: LoadProblem[];
}

/** Keys that would reach an object's prototype if written into it. */
export const UNSAFE_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

const JSON_ESCAPES: Record<string, string> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };

export function parseJsonFile(file: string, text: string, options: JsonTreeOptions = {}): JsonFile {
  const lines = new LineIndex(text);
  const doc: JsonFile = { file, text, lines, problems: [], valid: true };
  // A byte order mark is not JSON, but Windows editors write one; a space keeps every offset where it was.
  const source = text.charCodeAt(0) === 0xfeff ? ` ${text.slice(1)}` : text;
  const { root, error } = parseJsonTree(source, options);
  if (error) problemAt(doc, error.offset, `is not valid JSON here (${describe(error.code)}); fix the file or export it again from the Designer`);
  doc.valid = !error;
  if (root && (doc.valid || root.type === 'object')) doc.root = root;
  return doc;
}

function describe(code: string): string {
  return code.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
}

export function problemAt(doc: JsonFile, offset: number, message: string, severity: LoadProblem['severity'] = 'error', rule?: string): void {
  doc.problems.push({ file: doc.file, position: doc.lines.position(offset), severity, message, ...(rule ? { rule } : {}) });
}

/** The value of property `key` of an object node. */
export function property(node: JsonNode | undefined, key: string): JsonNode | undefined {
  if (!node || node.type !== 'object' || !node.children) return undefined;
  // Indexed, without destructuring: every view's every property is looked up here, mostly before V8 optimizes it.
  const props = node.children;
  for (let i = 0; i < props.length; i++) {
    const pair = props[i].children;
    if (pair?.[0]?.value === key) return pair[1];
  }
  return undefined;
}

/**
 * A switch such as `"enabled"`: a JSON boolean, or `fallback` when absent or null (the Designer writes
 * `"enabled": null` on change scripts). Anything else is a problem; the strings "true" and "false" are read as they
 * are evidently meant, the rest as `fallback`.
 */
export function booleanFlag(doc: JsonFile, node: JsonNode | undefined, name: string, fallback: boolean): boolean {
  if (!node || node.type === 'null') return fallback;
  if (node.type === 'boolean') return node.value as boolean;
  const meant = node.type === 'string' && /^(true|false)$/i.test(String(node.value)) ? String(node.value).toLowerCase() === 'true' : fallback;
  const written = node.type === 'string' ? JSON.stringify(node.value) : node.type;
  problemAt(doc, node.offset, `"${name}" is ${node.type === 'string' ? `the string ${written}` : written}, not true or false; write ${meant} without quotes (Periscope reads it as ${meant}, a gateway may not)`, 'warning');
  return meant;
}

/** The `[key, value]` pairs of an object node, without keys that could reach a prototype (those are problems). */
export function entries(doc: JsonFile, node: JsonNode | undefined): Array<[string, JsonNode]> {
  const out: Array<[string, JsonNode]> = [];
  if (!node || node.type !== 'object' || !node.children) return out;
  const props = node.children;
  for (let i = 0; i < props.length; i++) {
    const name = props[i].children?.[0];
    const value = props[i].children?.[1];
    if (!name || !value) continue;
    const key = String(name.value);
    if (UNSAFE_KEYS.has(key)) {
      problemAt(doc, name.offset, `the key "${key}" is not allowed (it would change how objects behave); rename or remove it`);
      continue;
    }
    out.push([key, value]);
  }
  return out;
}

/** The node as a plain value; unsafe keys are left out and reported. Built on a work list, so any depth is fine. */
export function jsonValue(doc: JsonFile, node: JsonNode | undefined): unknown {
  if (!node) return undefined;
  const whole = takeWholeValue(node);
  if (whole !== undefined) return whole;
  const containerOf = (n: JsonNode): unknown => (n.type === 'object' ? {} : n.type === 'array' ? [] : n.value);
  const top = containerOf(node);
  const work: Array<[JsonNode, unknown]> = [[node, top]];
  for (let item = work.pop(); item; item = work.pop()) {
    const [source, target] = item;
    if (source.type === 'object') {
      for (const [key, value] of entries(doc, source)) {
        const child = containerOf(value);
        (target as Record<string, unknown>)[key] = child;
        work.push([value, child]);
      }
    } else if (source.type === 'array') {
      for (const value of source.children ?? []) {
        const child = containerOf(value);
        (target as unknown[]).push(child);
        work.push([value, child]);
      }
    }
  }
  return top;
}

/** Decodes a string node's escapes, mapping each character of the value back to the file. */
export function decodeJsonString(doc: JsonFile, node: JsonNode): MappedText {
  const out = new MappedTextBuilder(doc.file, doc.lines);
  const start = node.offset + 1;
  const end = node.offset + node.length - 1;
  let i = start;
  while (i < end) {
    const next = doc.text.indexOf('\\', i);
    const runEnd = next === -1 || next > end ? end : next;
    if (runEnd > i) out.original(doc.text.slice(i, runEnd), i);
    i = runEnd;
    if (i >= end) break;
    const c = doc.text[i + 1];
    if (c === 'u') {
      out.synthetic(String.fromCharCode(parseInt(doc.text.slice(i + 2, i + 6), 16)), i);
      i += 6;
    } else {
      out.synthetic(JSON_ESCAPES[c] ?? c, i);
      i += 2;
    }
  }
  return { text: out.text(), origin: out.origin };
}

