// The params each request takes, checked on receipt: a missing, unknown or ill-typed param names itself and
// what to send instead, before anything reaches the runtime.
import type { TraceKind } from '../runtime/trace';
import { FIRED_EVENTS } from '../runtime/fired-events';
import type { RequestType, Requests } from './protocol';

/** Why a value does not fit, or undefined when it does. */
type Check = (value: unknown) => string | undefined;

interface Field {
  check: Check;
  optional?: boolean;
}

const MAX_TEXT = 4_096;

const text = (what: string): Check => (v) =>
  typeof v === 'string' && v.length > 0 && v.length <= MAX_TEXT ? undefined : `must be ${what} (a non-empty string of at most ${MAX_TEXT} characters)`;

const whole = (min: number, max: number): Check => (v) =>
  typeof v === 'number' && Number.isInteger(v) && v >= min && v <= max ? undefined : `must be a whole number from ${min} to ${max}`;

const flag: Check = (v) => (typeof v === 'boolean' ? undefined : 'must be true or false');

/** Any JSON value: frames.ts has already bounded its size and depth and refused forbidden keys. */
const json: Check = (v) => (v === undefined ? 'must be a JSON value' : undefined);

const dict: Check = (v) => (typeof v === 'object' && v !== null && !Array.isArray(v) ? undefined : 'must be an object (a dict)');

const flags: Check = (v) => dict(v) ?? (Object.values(v as object).every((x) => typeof x === 'boolean') ? undefined : 'must map names to true or false');

const oneOf = (...values: string[]): Check => (v) =>
  typeof v === 'string' && values.includes(v) ? undefined : `must be ${values.map((x) => JSON.stringify(x)).join(' or ')}`;

const list = (item: Check): Check => (v) => {
  if (!Array.isArray(v) || v.length > 100) return 'must be a list of at most 100 items';
  const bad = v.map(item).find((p) => p !== undefined);
  return bad ? `holds an item that ${bad}` : undefined;
};

const required = (check: Check): Field => ({ check });
const optional = (check: Check): Field => ({ check, optional: true });

const SESSION = required(text('a session id'));
const PAGE = optional(text('a page id such as "s1-p1"'));
const DEPTH = optional(whole(0, 64));
const SEQ = whole(0, Number.MAX_SAFE_INTEGER);
/** Every kind of trace event, checked against the trace's own type so that a new kind cannot be forgotten here. */
const TRACE_KINDS = Object.keys({
  engine: 1, session: 1, page: 1, script: 1, log: 1, call: 1, prop: 1, message: 1, navigate: 1, popup: 1, dock: 1, query: 1,
  tag: 1, alarm: 1, audit: 1, auth: 1, divergence: 1, clock: 1, client: 1, expect: 1, internal: 1,
} satisfies Record<TraceKind, 1>);

type Schema = { [T in RequestType]: { [K in keyof Requests[T]['params']]-?: Field } };

const SCHEMAS: Schema = {
  hello: {},
  snapshot: { session: optional(text('a session id')), depth: DEPTH },
  read: { session: SESSION, page: PAGE, path: required(text('a property path such as "custom.preferences"')), depth: DEPTH },
  trace: { after: optional(SEQ), limit: optional(whole(1, 5_000)), session: optional(text('a session id')) },
  subscribe: {
    session: optional(text('a session id')), events: optional(flag), patches: optional(flag),
    kinds: optional(list(oneOf(...TRACE_KINDS))), depth: DEPTH, after: optional(SEQ), batch: optional(flag),
  },
  unsubscribe: { subscription: required(whole(1, Number.MAX_SAFE_INTEGER)) },
  write: { session: SESSION, page: PAGE, path: required(text('a property path such as "custom.preferences.theme"')), value: required(json) },
  send: {
    session: SESSION, page: PAGE, message: required(text('a message type')), payload: optional(dict),
    handler: required(oneOf('session', 'component')), scope: optional(oneOf('session', 'page', 'view')), view: optional(text('a view instance id such as "primary"')),
  },
  login: { session: SESSION, page: PAGE, user: required(text('a user name')), password: optional(text('a password')) },
  logout: { session: SESSION, page: PAGE },
  advance: { ms: required(whole(0, 366 * 86_400_000)), session: optional(text('a session id')) },
  activity: { session: SESSION, page: PAGE },
  key: { session: SESSION, page: PAGE, key: required(text('a key such as "Enter"')), modifiers: optional(flags) },
  barcode: { session: SESSION, page: PAGE, data: required(text('the scanned text')) },
  event: { session: SESSION, page: PAGE, event: required(oneOf(...FIRED_EVENTS)), args: optional(dict), name: optional(text('a form submission handler name')) },
  action: {
    session: SESSION, page: PAGE, view: required(text('a view path or instance id')), component: optional((v) => (typeof v === 'string' ? undefined : 'must be a component path such as "root/Button"')),
    event: required(text('an event name such as "onActionPerformed"')), data: optional(dict),
  },
  open: { session: optional(text('a session id')), path: required(text('a page path such as "/home"')), device: optional(oneOf('desktop', 'mobile')) },
  navigate: { session: SESSION, page: PAGE, path: required(text('a page path such as "/dashboard"')) },
  close: { session: SESSION, page: PAGE },
  stateAt: { seq: required(SEQ), session: optional(text('a session id')), depth: DEPTH },
  exportScenario: { name: optional(text('a scenario name')) },
};

export function isRequestType(value: unknown): value is RequestType {
  return typeof value === 'string' && Object.hasOwn(SCHEMAS, value);
}

export function requestTypes(): RequestType[] {
  return Object.keys(SCHEMAS) as RequestType[];
}

/** Why `params` do not fit the request, or undefined when they do. */
export function checkParams(type: RequestType, params: unknown): string | undefined {
  if (typeof params !== 'object' || params === null || Array.isArray(params)) return '"params" must be an object';
  const schema: Record<string, Field> = SCHEMAS[type];
  const names = Object.keys(schema);
  for (const key of Object.keys(params)) {
    if (!Object.hasOwn(schema, key)) return `unknown param "${key}"; ${type} takes ${names.length ? names.join(', ') : 'no params'}`;
  }
  for (const [name, field] of Object.entries(schema)) {
    const value = (params as Record<string, unknown>)[name];
    if (value === undefined) {
      if (!field.optional) return `"${name}" is missing`;
      continue;
    }
    const problem = field.check(value);
    if (problem) return `"${name}" ${problem}`;
  }
  return undefined;
}
