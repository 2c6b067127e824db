// Reading frames on receipt: size, JSON, depth and forbidden keys first, then the envelope and the params of
// each request. Whatever is wrong becomes an error reply; nothing here throws at a caller.
import { LIMITS, PROTOCOL_VERSION, type ErrorInfo, type RequestFrame, type RequestId, type ServerFrame } from './protocol';
import { checkParams, isRequestType } from './params';

/** Keys that would reach into JavaScript's object machinery rather than hold data. */
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

export type Decoded<T> = { ok: true; value: T } | { ok: false; id: RequestId | null; error: ErrorInfo };

const encoder = new TextEncoder();

/** Bytes of `text` as UTF-8, computed only when its length alone does not settle it against `limit`. */
export function exceeds(text: string, limit: number): boolean {
  if (text.length > limit) return true;
  if (text.length * 3 <= limit) return false;
  return encoder.encode(text).length > limit;
}

/** Why a parsed value is not plain data within limits (a forbidden key, too deep), with where; undefined if it is. */
export function checkData(value: unknown, depthLimit = LIMITS.depth): string | undefined {
  const stack: Array<{ value: unknown; depth: number; path: string }> = [{ value, depth: 0, path: '' }];
  while (stack.length > 0) {
    const { value: node, depth, path } = stack.pop()!;
    if (typeof node !== 'object' || node === null) continue;
    if (depth >= depthLimit) return `data nested deeper than ${depthLimit} levels at ${path || 'the top'}`;
    const entries = Array.isArray(node) ? node.map((v, i) => [String(i), v] as const) : Object.entries(node);
    for (const [key, child] of entries) {
      const at = path ? `${path}.${key}` : key;
      if (!Array.isArray(node) && FORBIDDEN_KEYS.has(key)) return `the key "${key}" (at ${at}) cannot be used: it names JavaScript's object machinery, not data`;
      stack.push({ value: child, depth: depth + 1, path: at });
    }
  }
  return undefined;
}

/** JSON text into a value, bounded in size; `problem` says why the value is not plain data within limits. */
function parseBounded(text: unknown, limit: number): { ok: true; value: unknown; problem?: string } | { ok: false; message: string } {
  if (typeof text !== 'string') return { ok: false, message: 'a frame is one JSON text' };
  if (exceeds(text, limit)) return { ok: false, message: `the frame is larger than ${limit} bytes; send less data at once` };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return { ok: false, message: `the frame is not JSON: ${(error as Error).message}` };
  }
  return { ok: true, value, problem: checkData(value) };
}

/** JSON text into a value: bounded in size and depth, free of forbidden keys. */
export function decodeJson(text: unknown, limit = LIMITS.frameBytes): Decoded<unknown> {
  const parsed = parseBounded(text, limit);
  if (!parsed.ok || parsed.problem) return { ok: false, id: null, error: { code: 'bad-frame', message: parsed.ok ? parsed.problem! : parsed.message } };
  return { ok: true, value: parsed.value };
}

function isId(value: unknown): value is RequestId {
  return (typeof value === 'number' && Number.isSafeInteger(value)) || (typeof value === 'string' && value.length > 0 && value.length <= 64);
}

/** A request frame, checked: envelope, version, type and params. */
export function parseRequest(text: unknown): Decoded<RequestFrame> {
  const parsed = parseBounded(text, LIMITS.frameBytes);
  if (!parsed.ok) return { ok: false, id: null, error: { code: 'bad-frame', message: parsed.message } };
  const frame = parsed.value;
  if (typeof frame !== 'object' || frame === null || Array.isArray(frame)) {
    return { ok: false, id: null, error: { code: 'bad-frame', message: 'a request is an object such as {"v": 1, "id": 1, "type": "snapshot", "params": {}}' } };
  }
  const { v, id, type, params, ...rest } = frame as Record<string, unknown>;
  // A frame that parsed still gets its reply addressed, whatever else is wrong with it.
  const replyTo = isId(id) ? id : null;
  const fail = (code: ErrorInfo['code'], message: string): Decoded<RequestFrame> => ({ ok: false, id: replyTo, error: { code, message } });
  if (parsed.problem) return fail('bad-frame', parsed.problem);
  if (replyTo === null) return fail('bad-frame', 'a request needs an "id": a whole number or a string of at most 64 characters');
  if (v !== PROTOCOL_VERSION) return fail('unsupported-version', `this server speaks inspector protocol version ${PROTOCOL_VERSION}, not ${JSON.stringify(v)}`);
  const extra = Object.keys(rest);
  if (extra.length > 0) return fail('bad-frame', `a request has v, id, type and params, not "${extra[0]}"`);
  if (!isRequestType(type)) return fail('unknown-request', `unknown request type ${JSON.stringify(type)}; send "hello" for the list`);
  const given = params ?? {};
  const problem = checkParams(type, given);
  if (problem) return fail('bad-params', `${type}: ${problem}`);
  return { ok: true, value: { v, id: replyTo, type, params: given } as RequestFrame };
}

function isBatch(frames: unknown): boolean {
  const isItem = (item: unknown): boolean => {
    const { event, data } = (item ?? {}) as { event?: unknown; data?: unknown };
    return (event === 'trace' || event === 'patch') && typeof data === 'object' && data !== null;
  };
  return Array.isArray(frames) && frames.every(isItem);
}

/** A frame from a server, checked enough that a client can route it; anything else is dropped by the caller. */
export function parseServerFrame(text: unknown, limit = LIMITS.replyBytes): Decoded<ServerFrame> {
  const decoded = decodeJson(text, limit);
  if (!decoded.ok) return decoded;
  const frame = decoded.value as Record<string, unknown>;
  const bad = (message: string): Decoded<ServerFrame> => ({ ok: false, id: null, error: { code: 'bad-frame', message } });
  if (typeof frame !== 'object' || frame === null || Array.isArray(frame)) return bad('a server frame is an object');
  if (frame.v !== PROTOCOL_VERSION) return bad(`inspector protocol version ${JSON.stringify(frame.v)} is not ${PROTOCOL_VERSION}`);
  if (typeof frame.event === 'string') {
    if (!['trace', 'patch', 'batch', 'dropped', 'closing'].includes(frame.event) || typeof frame.data !== 'object' || frame.data === null) return bad(`unknown event ${JSON.stringify(frame.event)}`);
    if (frame.event === 'batch' && !isBatch((frame.data as { frames?: unknown }).frames)) return bad('a batch frame holds data.frames, a list of trace and patch frames');
    return { ok: true, value: frame as unknown as ServerFrame };
  }
  if (!(frame.id === null || isId(frame.id)) || typeof frame.ok !== 'boolean') return bad('a response has an id and ok');
  if (frame.ok === false) {
    const error = frame.error as Record<string, unknown> | undefined;
    if (typeof error?.code !== 'string' || typeof error.message !== 'string') return bad('an error response has error.code and error.message');
  }
  return { ok: true, value: frame as unknown as ServerFrame };
}
