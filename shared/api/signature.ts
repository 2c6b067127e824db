// Reads and writes signatures in Python stub notation, so the API table stays as readable as the documentation.
import type { ApiParam, ApiSignature } from './types';

/** A signature the table could not read; raised while the table is built, so a typo fails the tests at once. */
export class SignatureError extends Error {}

const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
/** Consumers key objects by parameter name (the runtime binds calls into one), so these can never be parameters. */
const RESERVED = new Set(['__proto__', 'constructor', 'prototype']);

/**
 * Parses `(path: str, parameters: dict = None, *args: Any, **kwargs: Any) -> Dataset`.
 * A parameter without a type is `Any`; a signature without `->` returns `None`.
 */
export function parseSignature(text: string): ApiSignature {
  const trimmed = text.trim();
  const close = matchingParen(trimmed);
  if (!trimmed.startsWith('(') || close < 0) {
    throw new SignatureError(`signature must look like "(a: str, b: int = 0) -> str": ${text}`);
  }
  const rest = trimmed.slice(close + 1).trim();
  let returns = 'None';
  if (rest !== '') {
    if (!rest.startsWith('->') || rest.slice(2).trim() === '') {
      throw new SignatureError(`expected "-> type" after the parameters: ${text}`);
    }
    returns = rest.slice(2).trim();
  }
  const inner = trimmed.slice(1, close);
  const params = splitTopLevel(inner, ',').map((part) => part.trim()).filter((part) => part !== '').map(parseParam);
  checkOrder(params, text);
  return { params, returns };
}

/** Writes a signature back in the notation `parseSignature` reads. */
export function formatSignature(signature: ApiSignature): string {
  const params = signature.params.map((param) => {
    const prefix = param.kind === 'var-positional' ? '*' : param.kind === 'var-keyword' ? '**' : '';
    const fallback = param.default === undefined ? '' : ` = ${param.default}`;
    return `${prefix}${param.name}: ${param.type}${fallback}`;
  });
  return `(${params.join(', ')}) -> ${signature.returns}`;
}

function parseParam(part: string): ApiParam {
  const [head, fallback] = splitOnce(part, '=');
  const [rawName, rawType] = splitOnce(head, ':');
  let name = rawName.trim();
  let kind: ApiParam['kind'] = 'positional-or-keyword';
  if (name.startsWith('**')) {
    kind = 'var-keyword';
    name = name.slice(2);
  } else if (name.startsWith('*')) {
    kind = 'var-positional';
    name = name.slice(1);
  }
  if (!NAME.test(name) || RESERVED.has(name)) throw new SignatureError(`not a parameter name: "${part}"`);
  const type = rawType === undefined || rawType.trim() === '' ? 'Any' : rawType.trim();
  if (fallback === undefined) return { name, kind, type, required: kind === 'positional-or-keyword' };
  if (kind !== 'positional-or-keyword') throw new SignatureError(`*${name} cannot have a default: "${part}"`);
  const value = fallback.trim();
  if (value === '') throw new SignatureError(`empty default for "${name}"`);
  return { name, kind, type, required: false, default: value };
}

/** Python's own rules: required before optional, `*args` before `**kwargs`, nothing after `**kwargs`, no repeats. */
function checkOrder(params: ApiParam[], text: string): void {
  const seen = new Set<string>();
  let optionalSeen = false;
  let varPositionalSeen = false;
  let varKeywordSeen = false;
  for (const param of params) {
    if (seen.has(param.name)) throw new SignatureError(`parameter "${param.name}" repeated: ${text}`);
    seen.add(param.name);
    if (varKeywordSeen) throw new SignatureError(`nothing may follow **kwargs: ${text}`);
    if (param.kind === 'var-keyword') varKeywordSeen = true;
    else if (param.kind === 'var-positional') {
      if (varPositionalSeen) throw new SignatureError(`two *args: ${text}`);
      varPositionalSeen = true;
    } else {
      // Python 2 has no keyword-only parameters, so nothing named may follow *args.
      if (varPositionalSeen) throw new SignatureError(`"${param.name}" follows *args (keyword-only, not Python 2): ${text}`);
      if (param.required && optionalSeen) {
        throw new SignatureError(`required "${param.name}" follows an optional parameter: ${text}`);
      }
      if (!param.required) optionalSeen = true;
    }
  }
}

/** Index of the `)` closing the `(` at index 0, or -1. */
function matchingParen(text: string): number {
  let depth = 0;
  let quote = '';
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quote) {
      if (ch === quote) quote = '';
    } else if (ch === "'" || ch === '"') quote = ch;
    else if (ch === '(' || ch === '[' || ch === '{') depth++;
    else if (ch === ')' || ch === ']' || ch === '}') {
      depth--;
      if (depth === 0) return ch === ')' ? i : -1;
    }
  }
  return -1;
}

/** Splits on `separator` outside brackets and quotes, so `list[str, int]` and `','` stay whole. */
function splitTopLevel(text: string, separator: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let quote = '';
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quote) {
      if (ch === quote) quote = '';
    } else if (ch === "'" || ch === '"') quote = ch;
    else if (ch === '(' || ch === '[' || ch === '{') depth++;
    else if (ch === ')' || ch === ']' || ch === '}') depth--;
    else if (ch === separator && depth === 0) {
      parts.push(text.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(text.slice(start));
  return parts;
}

function splitOnce(text: string, separator: string): [string, string | undefined] {
  const parts = splitTopLevel(text, separator);
  if (parts.length === 1) return [parts[0], undefined];
  return [parts[0], parts.slice(1).join(separator)];
}
