// Host calls of system.util: loggers, audit, JSON, messages to session handlers, asynchronous invocation.
import { HostError, type Json, type Value } from '../../engine/types';
import { findFunction, untabulatedModules } from '../../api/index';
import type { RuntimeParts } from '../parts';
import { message } from '../session-events';
import { follow, reportStorm, stormOf } from '../message-chain';
import { isObject, plainCopy } from '../tree';
import { isDateValue } from '../../engine/values';
import { location, text, type HostCalls } from './types';

const LEVELS = new Set(['trace', 'debug', 'info', 'warn', 'error']);

/** Ignition's jsonEncode writes dates as epoch milliseconds. */
function jsonReady(value: Json): Json {
  if (Array.isArray(value)) return value.map(jsonReady);
  if (isObject(value)) {
    if (isDateValue(value)) return value.$date;
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, jsonReady(v)]));
  }
  return value;
}

function sendMessage(parts: RuntimeParts, args: Value[]): Value {
  const [project, handler, payload, scope, clientSessionId, user, hasRole] = args;
  const name = text(handler, 'messageHandler');
  if (payload !== null && !isObject(payload)) {
    throw new HostError('TypeError', `sendMessage payload must be a dictionary, not ${Array.isArray(payload) ? 'a list' : typeof payload}`);
  }
  const filtered = user !== null || hasRole !== null;
  const scopes = typeof scope === 'string' ? scope.toUpperCase() : filtered ? 'CS' : 'CGS';
  const from = parts.scripts.current?.session?.id ?? null;
  if (project !== null && project !== parts.project.name) {
    parts.trace.add({ kind: 'message', session: from, name, payload: payload ?? {}, handled: false, scope: `${scopes} (project ${String(project)}, not ${parts.project.name})`, from: 'script' });
    return [];
  }
  if (!scopes.includes('S')) {
    // Gateway (G) and Vision client (C) message handlers are outside a session simulation.
    parts.trace.add({ kind: 'message', session: from, name, payload: payload ?? {}, handled: false, scope: scopes, from: 'script' });
    return [];
  }
  const targets = [...parts.sessions.values()].filter((s) =>
    !s.closed &&
    (clientSessionId === null || s.id === clientSessionId) &&
    (user === null || s.user?.username === user) &&
    (hasRole === null || (s.user?.roles.includes(String(hasRole)) ?? false)));
  const body = plainCopy(payload ?? {});
  const chain = follow(parts.scripts.current?.chain, name);
  const storm = stormOf(chain, targets.length);
  if (storm) {
    reportStorm(parts, chain, storm, location(args[8]));
    parts.trace.add({ kind: 'message', session: from, name, payload: body, handled: false, scope: scopes, reason: `message storm: ${storm}`, from: 'script' });
    return [];
  }
  for (const session of targets) void parts.queue.enqueue(session.id, () => message(parts, session, name, body, scopes, chain, 'script'));
  return targets.map((s) => `sessionId=${s.id}`);
}

/**
 * A system function the simulation does not provide: one Ignition has is logged as not simulated; one Ignition
 * does not have is a divergence (in strict runs, the AttributeError a gateway raises). Either way it returns None.
 */
export function unknownFunction(parts: RuntimeParts, qualified: string, where: Value | undefined): Value {
  const module = qualified.split('.').slice(0, 2).join('.');
  if (findFunction(qualified) || untabulatedModules.has(module)) {
    parts.trace.add({ kind: 'log', session: parts.scripts.current?.session?.id ?? null, logger: 'periscope', level: 'warn', message: `${qualified} exists on a gateway but is not simulated; it returned None here` });
    return null;
  }
  parts.divergences.report('unknown-system-function', `${qualified} does not exist in Ignition`, location(where));
  if (parts.strict) throw new HostError('AttributeError', `'com.inductiveautomation.ignition.common.script.ScriptModule' object has no attribute '${qualified.split('.').pop()}'`);
  return null;
}

export const utilCalls: HostCalls = {
  'util.log': (parts, [logger, level, message]) => {
    const lvl = String(level);
    if (!LEVELS.has(lvl)) throw new HostError('ValueError', `unknown log level ${lvl}`);
    parts.trace.add({ kind: 'log', session: parts.scripts.current?.session?.id ?? null, page: parts.scripts.current?.page?.id, logger: String(logger), level: lvl, message: String(message) });
    return null;
  },
  'util.audit': (parts, [fields]) => {
    const f = isObject(fields) ? fields : {};
    const str = (v: Json | undefined) => (v === null || v === undefined ? '' : String(v));
    parts.trace.add({
      kind: 'audit', session: parts.scripts.current?.session?.id ?? null, page: parts.scripts.current?.page?.id, action: str(f.action), target: str(f.actionTarget),
      value: str(f.actionValue), actor: str(f.actor) || (parts.scripts.current?.session?.user?.username ?? ''),
    });
    return null;
  },
  'util.jsonEncode': (_parts, [value, indent]) => JSON.stringify(jsonReady(value ?? null), null, typeof indent === 'number' ? indent : undefined),
  'util.jsonDecode': (_parts, [value]) => {
    try {
      // JSON.parse alone reads any depth (a reviver would recurse); the copy holds it to the limits of a value.
      return plainCopy(JSON.parse(text(value, 'jsonString')), true);
    } catch (error) {
      throw new HostError('ValueError', `jsonDecode: ${(error as Error).message}`);
    }
  },
  'util.sendMessage': sendMessage,
  'util.invokeAsynchronous': (parts, [ref, description]) => {
    if (typeof ref !== 'number') throw new HostError('TypeError', 'invokeAsynchronous needs a function');
    const ctx = parts.scripts.current;
    const session = ctx?.session;
    const label = typeof description === 'string' && description !== '' ? description : 'invokeAsynchronous';
    const handler = { label, target: { ref }, file: ctx?.handler.file ?? '', line: ctx?.handler.line ?? 0 };
    // Runs after the calling script, on the session's queue, so the order of a run never depends on timing.
    void parts.queue.enqueue(session?.id ?? '(gateway)', async () => {
      await parts.scripts.invoke(handler, [], { session, page: ctx?.page, chain: ctx?.chain }, 'invokeAsynchronous');
      parts.scripts.release(ref);
    });
    return null;
  },
  'system.unknown': (parts, [name, where]) => unknownFunction(parts, String(name), where),
};
