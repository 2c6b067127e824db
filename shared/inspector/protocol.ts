// The inspector protocol, version 1: the JSON messages between a runtime (the server side) and an inspector (the
// devtools panel, the VS Code session view, the dev gateway's client pages, tests). A transport carries each
// message as one JSON text frame; the protocol knows no transport and the runtime knows no protocol.
import type { Json } from '../engine/types';
import type { Dock, Popup } from '../runtime/session';
import type { AccessLevel, Device } from '../runtime/session-props';
import type { PropPatch, TraceEvent, TraceKind } from '../runtime/trace';
import type { MessageScope } from '../runtime/views/messages';
import type { FiredEvent } from '../runtime/fired-events';
import type { ViewSnapshot } from '../runtime/views/snapshot';

export type { MessageScope };

export const PROTOCOL_VERSION = 1;

/**
 * Additions to version 1 that older inspectors can ignore, announced in `hello.revision`:
 * 2. `subscribe` takes `batch` (pushes may arrive grouped in `batch` frames); a server paces its pushes by how fast
 *    the inspector reads and says how many it gave up in `dropped` frames; `trace` replies say how many events the
 *    history cap has `dropped`.
 * 3. `event` fires a device, identity-provider or form event (Bluetooth, accelerometer, NFC, an authentication
 *    challenge, a form submission), as a scenario's `event` step does.
 */
export const PROTOCOL_REVISION = 3;

/** What one connection may send: larger or faster input gets an error reply, never a dropped connection. */
export const LIMITS = {
  /** Bytes of one frame, either way, but for replies. */
  frameBytes: 1_048_576,
  /** Bytes of one reply (snapshots and exports carry state); a larger one is an error reply saying to ask for less. */
  replyBytes: 16_777_216,
  /** Nesting of objects and arrays in one frame. */
  depth: 64,
  /** Requests a connection may make per second, on average, and in one burst. */
  requestsPerSecond: 200,
  burst: 400,
  /** Events one `trace` request returns at most. */
  traceEvents: 5_000,
};

export type RequestId = number | string;

/**
 * Nested data beyond the depth an inspector asked for: `read` with this path (and the page, for page and view
 * props) fetches it. Large state stays on the server until someone expands it.
 */
export interface Stub {
  $more: { path: string; kind: 'object' | 'array'; size: number };
}

export function isStub(value: unknown): value is Stub {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const more = (value as { $more?: unknown }).$more;
  return Object.keys(value).length === 1 && typeof more === 'object' && more !== null && typeof (more as { path?: unknown }).path === 'string';
}

export interface PageState {
  id: string;
  path: string;
  title: string;
  primaryView: string;
  closed: boolean;
  props: Json;
  /** Page props the page owns (navigate changes them); every other page prop is writable. */
  readOnly: string[];
  popups: Popup[];
  docks: Dock[];
  views: ViewSnapshot[];
}

export interface SessionState {
  id: string;
  closed: boolean;
  /** The user logged in, or null. */
  user: string | null;
  props: Json;
  /** The access level of each top-level session prop: `system` props cannot be written, `private` ones not by clients. */
  access: Record<string, AccessLevel>;
  custom: Json;
  /** The page a person last used: where steps without a page of their own run. */
  lastPage: string | null;
  pages: PageState[];
}

export interface Clock {
  /** Virtual ms since the run started. */
  time: number;
  /** Epoch ms of the run's start: `epoch + time` is what `system.date.now()` returns. */
  epoch: number;
}

export interface Hello {
  protocol: number;
  server: string;
  project: { name: string; source: string; version: '8.1' | '8.3' };
  /** Configured page URLs, for navigation and the client page's links. */
  pages: Array<{ url: string; title: string; viewPath: string }>;
  /** Fixture users, for a login form (never their passwords). */
  users: Array<{ username: string; roles: string[] }>;
  /** Session Events message handlers (`handler: "session"` in `send`). */
  messageHandlers: string[];
  /** Message types component handlers listen for (`handler: "component"` in `send`). */
  componentMessages: string[];
  idle: { timeoutMs: number; warningMs: number } | null;
  /** Session timeout after the last page goes away, in ms. */
  sessionTimeoutMs: number;
  /** Every request type this server answers. */
  requests: string[];
  limits: typeof LIMITS;
  /** The additions to this version the server makes (PROTOCOL_REVISION); absent means 1. */
  revision?: number;
  /**
   * The history the server keeps (`periscope serve --history`): at least the `events` most recent trace events and
   * the `events` most recent recorded steps; null or absent when it keeps all. Asking for older ones gets a
   * `dropped` error.
   */
  history?: { events: number; firstSeq: number } | null;
}

/** A page-bound step may name its page; without one it runs on the session's last page, as a scenario does. */
interface OnPage {
  session: string;
  page?: string;
}

/** Every request type: its params and its result. A newcomer adds one here, in params.ts and in requests.ts. */
export interface Requests {
  hello: { params: Record<string, never>; result: Hello };
  /**
   * Sessions (one, or all), with nested data to `depth` levels under each tree; without a depth, as deep as a frame
   * may nest (LIMITS.depth less the envelope's levels): stubs stand for anything deeper.
   */
  snapshot: { params: { session?: string; depth?: number }; result: Clock & { /** The last trace event's seq. */ seq: number; sessions: SessionState[] } };
  /** A value by path (`custom.a.b`, `props.auth`, `page.props.title`, `view:Overview/root/Table.props.data`). */
  read: { params: OnPage & { path: string; depth?: number }; result: { found: boolean; value: Json } };
  /**
   * Trace events after `after` (a seq), oldest first, at most `limit`. `dropped` (revision 2): how many events (of
   * the session, with one) the history cap has dropped so far, none of which can be asked for any more.
   */
  trace: { params: { after?: number; limit?: number; session?: string }; result: { events: TraceEvent[]; last: number; dropped?: number } };
  /**
   * Trace events and prop patches as they happen, for one session or all; with `after`, the events already in
   * the trace after that seq come first. Patch values are cut to `depth` levels like snapshots. With `batch`, the
   * pushes that wait for a slow reader arrive together in `batch` frames (revision 2).
   */
  subscribe: {
    params: { session?: string; events?: boolean; patches?: boolean; kinds?: TraceKind[]; depth?: number; after?: number; batch?: boolean };
    result: { subscription: number; last: number };
  };
  unsubscribe: { params: { subscription: number }; result: Record<string, never> };
  /** Writes a custom prop, a writable session prop (theme, locale...), a page prop or a view prop, as a client. */
  write: { params: OnPage & { path: string; value: Json }; result: Record<string, never> };
  /** A message to a Session Events handler (`handler: "session"`) or to component handlers in a scope. */
  send: {
    params: OnPage & { message: string; payload?: { [key: string]: Json }; handler: 'session' | 'component'; scope?: MessageScope; view?: string };
    result: Record<string, never>;
  };
  /** Logs in as a fixture user; a wrong user or password is refused with the reason. */
  login: { params: OnPage & { user: string; password?: string }; result: { user: string } };
  logout: { params: OnPage; result: Record<string, never> };
  /** Moves the virtual clock; timers due on the way (idle, session timeouts) fire at their own instants. */
  advance: { params: { ms: number; session?: string }; result: Clock };
  activity: { params: OnPage; result: Record<string, never> };
  key: { params: OnPage & { key: string; modifiers?: { [name: string]: boolean } }; result: Record<string, never> };
  barcode: { params: OnPage & { data: string }; result: Record<string, never> };
  /**
   * Fires a device, identity-provider or form event of Session Events, as a scenario's `event` step: `args` by the
   * function's parameter names after `session`, `name` the form submission handler (revision 3).
   */
  event: { params: OnPage & { event: FiredEvent; args?: { [param: string]: Json }; name?: string }; result: Record<string, never> };
  /** Runs a component's event script (`view`, `component`, `event` as in a scenario's action step). */
  action: { params: OnPage & { view: string; component?: string; event: string; data?: { [key: string]: Json } }; result: Record<string, never> };
  /** Opens a page (a tab); without `session`, a new session. */
  open: { params: { session?: string; path: string; device?: Device }; result: { session: string; page: string } };
  navigate: { params: OnPage & { path: string }; result: Record<string, never> };
  /** Closes one page (a tab going away) or, without `page`, the whole session, running Shutdown. */
  close: { params: { session: string; page?: string }; result: Record<string, never> };
  /** The sessions as they were right after trace event `seq`. */
  stateAt: { params: { seq: number; session?: string; depth?: number }; result: { seq: number; time: number; sessions: SessionState[] } };
  /** The steps that led here, as a scenario file that `periscope simulate` and `periscope test` replay. */
  exportScenario: { params: { name?: string }; result: { fileName: string; text: string; steps: number } };
}

export type RequestType = keyof Requests;
export type Params<T extends RequestType> = Requests[T]['params'];
export type Result<T extends RequestType> = Requests[T]['result'];

export type RequestFrame = { [T in RequestType]: { v: number; id: RequestId; type: T; params: Params<T> } }[RequestType];

export type ErrorCode =
  /** Not JSON, too large, too deep, or a forbidden key: the frame was not read. */
  | 'bad-frame'
  | 'unsupported-version'
  | 'unknown-request'
  | 'bad-params'
  /** No such session, page or view. */
  | 'not-found'
  /** Read but not done: a write to a prop the gateway owns, a login that failed, a step the session refused. */
  | 'refused'
  | 'rate-limited'
  /** Asks for trace events or recorded steps the server no longer keeps (its history cap, `hello.history`). */
  | 'dropped'
  /** The server failed; the session is unchanged. */
  | 'failed';

export interface ErrorInfo {
  code: ErrorCode;
  message: string;
}

export type ResponseFrame =
  | { v: number; id: RequestId; ok: true; result: Json }
  /** `id` is null when the frame was too broken to find it. */
  | { v: number; id: RequestId | null; ok: false; error: ErrorInfo };

export type EventFrame =
  /** A value of the event nested deeper than a frame may carry is cut there, `{"$omitted": {kind, size}}` below. */
  | { v: number; event: 'trace'; subscription: number; data: TraceEvent }
  /** `seq` is the trace event (the `prop` event) the patch goes with; `value` is cut to the subscription's depth. */
  | { v: number; event: 'patch'; subscription: number; data: PropPatch & { seq: number } }
  /** Pushes of one subscription, in order, sent together because they waited for the reader (`subscribe.batch`). */
  | { v: number; event: 'batch'; subscription: number; data: { frames: BatchedFrame[] } }
  /**
   * The inspector read more slowly than pushes came, past what the server keeps waiting: this many of the
   * subscription's oldest waiting events and patches were given up. Later pushes follow in order.
   */
  | { v: number; event: 'dropped'; subscription: number; data: { events: number; patches: number; reason: string } }
  /** The server is going away (the dev gateway stopping); reconnect later. */
  | { v: number; event: 'closing'; data: { reason: string } };

/** A trace event or a patch inside a `batch` frame: its subscription and version are the batch's. */
export type BatchedFrame = { event: 'trace'; data: TraceEvent } | { event: 'patch'; data: PropPatch & { seq: number } };

/** An event frame as listeners get it: a `batch` is handed over one frame at a time. */
export type PushedFrame = Exclude<EventFrame, { event: 'batch' }>;

/** Everything a server sends. */
export type ServerFrame = ResponseFrame | EventFrame;
