// Scenario files: the steps a simulated person takes, read from JSON or YAML and checked before anything runs, and
// written back (a recording of a live session becomes a scenario file).
import { readFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { LineIndex } from '../source/origin';
import { readYaml } from '../source/yaml-value';
import type { Json } from '../engine/types';
import { parseDuration } from './clock';
import { brief } from './format-text';
import type { Device } from './session-props';
import { checkKey, isObject } from './tree';
import { parseComponentAction, type ComponentAction } from './views/actions';
import type { MessageScope } from './views/messages';
import { firedEventParams, firedEventProblem } from './session-events';
import { FIRED_EVENTS, type FiredEvent } from './fired-events';

/** `page`: the page (by id, `s1-p2`) a person used for the step; without it, the session's last page. */
export type Step = { session: string; index: number; page?: string } & (
  | { kind: 'open'; path: string; device: Device }
  | { kind: 'navigate'; path: string }
  | { kind: 'login'; user: string; password?: string }
  | { kind: 'logout' }
  | { kind: 'message'; name: string; payload: { [key: string]: Json } }
  | { kind: 'activity' }
  | { kind: 'advance'; ms: number }
  /** `handler`: only the keystroke handler of that name hears it (a Run of one handler); else every one does. */
  | { kind: 'key'; key: string; modifiers?: { [name: string]: boolean }; handler?: string }
  | { kind: 'barcode'; data: string }
  /** A session event a device, an identity provider or a form fires; `args` by the event function's parameter names. */
  | { kind: 'event'; event: FiredEvent; args: { [param: string]: Json }; name?: string }
  | { kind: 'write'; values: { [path: string]: Json } }
  | { kind: 'close' }
  | { kind: 'close_page' }
  /** A component message, as system.perspective.sendMessage sends it; `view` is the instance scope "view" reaches. */
  | { kind: 'send'; type: string; payload: { [key: string]: Json }; scope: MessageScope; view?: string }
  | { kind: 'expect'; values: { [path: string]: Json } }
  | { kind: 'expect_trace'; match: { [key: string]: Json }; count?: number }
  | ({ kind: 'action' } & ComponentAction)
);

/** A step before it has its place in a file (a live recording's, or one being written). */
export type UnnumberedStep = Step extends infer S ? (S extends Step ? Omit<S, 'index'> : never) : never;

export interface Scenario {
  file: string;
  name: string;
  /** The scripts the scenario runs against, resolved against the scenario's folder. */
  source?: string;
  fixtures?: string;
  steps: Step[];
}

/** A scenario that cannot run as written; the message names the file and the step. */
export class ScenarioError extends Error {}

const ACTIONS = ['open', 'navigate', 'login', 'logout', 'message', 'send', 'activity', 'advance', 'key', 'barcode', 'event', 'write', 'close', 'close_page', 'expect', 'expect_trace', 'action'] as const;
/** Keys a step may carry beside its action. */
const MODIFIERS: Record<string, string[]> = { open: ['device'], login: ['password'], message: ['payload'], send: ['payload', 'scope', 'view'], key: ['modifiers', 'handler'], event: ['args', 'name'], expect_trace: ['count'] };
/** Steps a person takes on one page, which may name it with `page`. */
const PAGE_STEPS = new Set(['navigate', 'login', 'logout', 'send', 'activity', 'key', 'barcode', 'event', 'write', 'close_page', 'action']);
const SCOPES: readonly MessageScope[] = ['session', 'page', 'view'];

export async function readScenario(file: string): Promise<Scenario> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw new ScenarioError(`${file}: cannot read the scenario (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
  }
  return parseScenario(file, text);
}

export function parseScenario(file: string, text: string): Scenario {
  let data: unknown;
  if (/\.ya?ml$/i.test(file)) {
    const read = readYaml(text);
    if (!read.ok) {
      const { line, column } = new LineIndex(text).position(read.offset);
      throw new ScenarioError(`${file}:${line}:${column}: not valid YAML: ${read.message}`);
    }
    data = read.value;
  } else {
    try {
      data = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
    } catch (error) {
      throw new ScenarioError(`${file}: not valid JSON: ${(error as Error).message.split('\n')[0]}`);
    }
  }
  const body = Array.isArray(data) ? { steps: data } : data;
  if (!isObject(body) || !Array.isArray(body.steps)) {
    throw new ScenarioError(`${file}: a scenario is {"source": "scripts.md", "steps": [...]} or a list of steps`);
  }
  const folder = dirname(file);
  const optionalPath = (key: string) => {
    const v = body[key];
    if (v === undefined) return undefined;
    if (typeof v !== 'string') throw new ScenarioError(`${file}: "${key}" must be a path relative to the scenario`);
    return resolve(folder, v);
  };
  return {
    file,
    name: typeof body.name === 'string' ? body.name : file,
    source: optionalPath('source'),
    fixtures: optionalPath('fixtures'),
    steps: body.steps.map((step, i) => parseStep(file, step as Json, i + 1)),
  };
}

function checkStepKey(key: string, fail: (message: string) => never): void {
  try {
    checkKey(key);
  } catch (error) {
    fail((error as Error).message);
  }
}

function parseStep(file: string, raw: Json, index: number): Step {
  const fail = (message: string): never => {
    throw new ScenarioError(`${file}: step ${index}: ${message}`);
  };
  if (!isObject(raw)) return fail(`a step is an object such as {"open": "/home"}, not ${brief(raw)}`);
  const actions = Object.keys(raw).filter((k) => (ACTIONS as readonly string[]).includes(k));
  if (actions.length !== 1) {
    const unknown = Object.keys(raw).filter((k) => k !== 'session' && k !== 'page' && !Object.values(MODIFIERS).flat().includes(k));
    return fail(actions.length === 0
      ? `unknown step ${unknown.length ? `"${unknown[0]}"` : brief(raw)}; steps are ${ACTIONS.join(', ')}`
      : `one action per step, found ${actions.join(' and ')}`);
  }
  const kind = actions[0];
  for (const key of Object.keys(raw)) {
    if (key !== kind && key !== 'session' && !(key === 'page' && PAGE_STEPS.has(kind)) && !(MODIFIERS[kind] ?? []).includes(key)) fail(`"${key}" does not belong in a ${kind} step`);
  }
  const session = raw.session ?? 's1';
  if (typeof session !== 'string' || session === '') fail('"session" must be a name such as "s1"');
  if (raw.page !== undefined && (typeof raw.page !== 'string' || raw.page === '')) fail('"page" must be a page id such as "s1-p2"');
  const value = raw[kind];
  const base = { session: session as string, index, ...(typeof raw.page === 'string' ? { page: raw.page } : {}) };
  const str = (what: string): string => (typeof value === 'string' && value !== '' ? value : fail(`${kind} needs ${what}`));
  const paths = (): { [path: string]: Json } => {
    if (!isObject(value) || Object.keys(value).length === 0) return fail(`${kind} needs an object of paths and values, e.g. {"custom.preferences.theme": "dark"}`);
    for (const path of Object.keys(value)) path.split(/[.[\]]/).forEach((part) => checkStepKey(part, fail));
    return value;
  };
  switch (kind) {
    case 'open': {
      const device = raw.device ?? 'desktop';
      if (device !== 'desktop' && device !== 'mobile') fail('"device" is "desktop" or "mobile"');
      return { ...base, kind, path: str('a page path such as "/home"'), device: device as Device };
    }
    case 'navigate':
      return { ...base, kind, path: str('a page path such as "/dashboard"') };
    case 'login': {
      if (raw.password !== undefined && typeof raw.password !== 'string') fail('"password" must be a string');
      return { ...base, kind, user: str('a user name from the fixtures, e.g. "admin"'), ...(typeof raw.password === 'string' ? { password: raw.password } : {}) };
    }
    case 'logout':
    case 'activity':
    case 'close':
    case 'close_page':
      if (value !== true) fail(`write {"${kind}": true}`);
      return { ...base, kind };
    case 'message': {
      const payload = raw.payload ?? {};
      if (!isObject(payload)) fail(`the payload of a message is a dict (Perspective passes a PyDictionary), not ${brief(payload)}`);
      return { ...base, kind, name: str('the name of a session message handler'), payload: payload as { [key: string]: Json } };
    }
    case 'advance': {
      const ms = parseDuration(value);
      if (ms === undefined) fail(`advance takes seconds (840) or a duration ("14m", "1h30m", "90s"), not ${brief(value)}`);
      return { ...base, kind, ms: ms as number };
    }
    case 'key': {
      const modifiers = raw.modifiers ?? {};
      if (!isObject(modifiers) || !Object.values(modifiers).every((v) => typeof v === 'boolean')) fail('"modifiers" is an object such as {"ctrlKey": true}');
      Object.keys(modifiers as object).forEach((name) => checkStepKey(name, fail));
      if (raw.handler !== undefined && (typeof raw.handler !== 'string' || raw.handler === '')) fail('"handler" names a keystroke handler of the project');
      return {
        ...base, kind, key: str('a key such as "Enter"'), ...(raw.modifiers !== undefined ? { modifiers: modifiers as { [name: string]: boolean } } : {}),
        ...(typeof raw.handler === 'string' ? { handler: raw.handler } : {}),
      };
    }
    case 'send': {
      const payload = raw.payload ?? {};
      if (!isObject(payload)) fail(`the payload of a component message is a dict, not ${brief(payload)}`);
      const scope = raw.scope ?? 'page';
      if (!SCOPES.includes(scope as MessageScope)) fail(`"scope" is "session", "page" or "view", not ${brief(scope)}`);
      if (raw.view !== undefined && (typeof raw.view !== 'string' || raw.view === '')) fail('"view" is the instance id of an open view, e.g. "primary" or "popup:editor"');
      return { ...base, kind, type: str('the message type component handlers listen for'), payload: payload as { [key: string]: Json }, scope: scope as MessageScope, ...(typeof raw.view === 'string' ? { view: raw.view } : {}) };
    }
    case 'barcode':
      return { ...base, kind, data: str('the scanned text') };
    case 'event': {
      const event = value as FiredEvent;
      if (!FIRED_EVENTS.includes(event)) fail(`event is one of ${FIRED_EVENTS.join(', ')}, not ${brief(value)}`);
      const args = raw.args ?? {};
      if (!isObject(args)) fail(`"args" is an object of ${event}'s arguments by name, e.g. {"${firedEventParams(event)[0]}": {...}}`);
      for (const param of Object.keys(args as object)) checkStepKey(param, fail);
      const problem = firedEventProblem(event, args as object, raw.name);
      if (problem) fail(problem);
      return { ...base, kind, event, args: args as { [param: string]: Json }, ...(typeof raw.name === 'string' ? { name: raw.name } : {}) };
    }
    case 'action':
      return { ...base, kind, ...parseComponentAction(value as Json, fail) };
    case 'write':
      return { ...base, kind, values: paths() };
    case 'expect':
      return { ...base, kind, values: paths() };
    default: {
      if (!isObject(value)) fail('expect_trace takes an object of event fields, e.g. {"kind": "query", "name": "LogSessionMetrics"}');
      const count = raw.count;
      if (count !== undefined && (typeof count !== 'number' || !Number.isInteger(count) || count < 0)) fail('"count" must be a whole number');
      return { ...base, kind: 'expect_trace', match: value as { [key: string]: Json }, ...(typeof count === 'number' ? { count } : {}) };
    }
  }
}

/** A step as a scenario file writes it: what parseScenario reads back as the same step. */
export function stepToJson(step: UnnumberedStep): { [key: string]: Json } {
  const where = { session: step.session, ...(step.page !== undefined ? { page: step.page } : {}) };
  switch (step.kind) {
    case 'open':
      return { open: step.path, ...where, ...(step.device !== 'desktop' ? { device: step.device } : {}) };
    case 'navigate':
      return { navigate: step.path, ...where };
    case 'login':
      return { login: step.user, ...where, ...(step.password !== undefined ? { password: step.password } : {}) };
    case 'logout':
    case 'activity':
    case 'close':
    case 'close_page':
      return { [step.kind]: true, ...where };
    case 'message':
      return { message: step.name, payload: step.payload, ...where };
    case 'send':
      return { send: step.type, payload: step.payload, scope: step.scope, ...where, ...(step.view !== undefined ? { view: step.view } : {}) };
    case 'advance':
      return { advance: `${step.ms}ms`, ...where };
    case 'key':
      return { key: step.key, ...where, ...(step.modifiers !== undefined ? { modifiers: step.modifiers } : {}), ...(step.handler !== undefined ? { handler: step.handler } : {}) };
    case 'barcode':
      return { barcode: step.data, ...where };
    case 'event':
      return { event: step.event, args: step.args, ...where, ...(step.name !== undefined ? { name: step.name } : {}) };
    case 'write':
      return { write: step.values, ...where };
    case 'expect':
      return { expect: step.values, ...where };
    case 'expect_trace':
      return { expect_trace: step.match, ...where, ...(step.count !== undefined ? { count: step.count } : {}) };
    case 'action':
      return { action: { view: step.view, component: step.component, event: step.event, data: step.data }, ...where };
  }
}
