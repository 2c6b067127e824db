// The frames between the dev gateway and its client page, one WebSocket per page at /system/pws/<project>/<session>,
// as a Perspective client speaks them: text `<type>:<json>`. Shared by the gateway (Node) and the page (browser).
import type { Json } from '../engine/types';
import { checkData } from '../inspector/frames';
import type { Dock, Popup } from '../runtime/session';
import type { ViewSnapshot } from '../runtime/views/snapshot';

/** The property trees a client holds, as `window.__client.page` names them. */
export type ClientTree = 'sessionProps' | 'sessionCustom' | 'pageProps';

export interface PageShape {
  path: string;
  title: string;
  primaryView: string;
  popups: Popup[];
  docks: Dock[];
  views: ViewSnapshot[];
}

/** What a client sends. */
export interface ClientFrames {
  /** The page loaded: open it (the first page of a session starts the session). */
  'client-start': { route: string; device?: 'desktop' | 'mobile' };
  /** A person touched the page. */
  'client-activity': Record<string, never>;
  /** A write from the page (`__client.page.sessionCustom.write(...)`, a bound input). */
  'client-value-update': { tree: ClientTree; path: string; value: Json };
  /** The simulated identity provider's login form. */
  'client-login': { user: string; password?: string };
  'client-logout': Record<string, never>;
  /**
   * A message to a Session Events message handler. A page of a real gateway reaches one only through a component
   * script calling system.util.sendMessage; the simulated client may send it directly (as the panel's composer does).
   */
  'client-message': { name: string; payload?: { [key: string]: Json } };
  /** A link to another configured page. */
  'client-navigate': { route: string };
  keepalive: Record<string, never>;
}

/** What the gateway sends. */
export interface GatewayFrames {
  'session-init': {
    sessionId: string;
    pageId: string;
    projectName: string;
    /** PRIVATE props (auth) are not sent, as on a gateway; `user` says who is logged in. */
    sessionProps: Json;
    sessionCustom: Json;
    pageProps: Json;
    page: PageShape;
    user: string | null;
    /** Configured pages and fixture users, for links and the login form. */
    pages: Array<{ url: string; title: string }>;
    users: string[];
  };
  /** A prop changed in the runtime; without `value` it was removed. */
  'value-update': { tree: ClientTree; path: string; value?: Json };
  'page-update': PageShape;
  'session-update': { user: string | null };
  /** Something only a browser would do, asked by a script: `login` shows the login form. */
  'client-action': { action: string; detail: Json };
  'session-closed': { reason: string };
  /** A frame the gateway could not take; nothing changed. */
  error: { message: string };
  keepalive: Record<string, never>;
}

export type ClientFrame = { [T in keyof ClientFrames]: { type: T; body: ClientFrames[T] } }[keyof ClientFrames];
export type GatewayFrame = { [T in keyof GatewayFrames]: { type: T; body: GatewayFrames[T] } }[keyof GatewayFrames];

export function encodeFrame<F extends ClientFrame | GatewayFrame>(frame: F): string {
  return `${frame.type}:${JSON.stringify(frame.body)}`;
}

const TREES: readonly string[] = ['sessionProps', 'sessionCustom', 'pageProps'];
const MAX_TEXT = 4_096;

function text(value: unknown, optional = false): boolean {
  return (optional && value === undefined) || (typeof value === 'string' && value.length > 0 && value.length <= MAX_TEXT);
}

/** Why a client frame's body does not fit its type, or undefined when it does. */
const CHECKS: { [T in keyof ClientFrames]: (body: Record<string, unknown>) => string | undefined } = {
  'client-start': (b) => (text(b.route) && /^\//.test(String(b.route)) && [undefined, 'desktop', 'mobile'].includes(b.device as string) ? undefined : 'client-start needs {"route": "/home"} and an optional "device" of "desktop" or "mobile"'),
  'client-activity': () => undefined,
  'client-value-update': (b) => (TREES.includes(b.tree as string) && text(b.path) && b.value !== undefined ? undefined : 'client-value-update needs {"tree": "sessionCustom", "path": "a.b", "value": ...}'),
  'client-login': (b) => (text(b.user) && text(b.password, true) ? undefined : 'client-login needs {"user": "admin"} and an optional "password"'),
  'client-logout': () => undefined,
  'client-message': (b) => (text(b.name) && (b.payload === undefined || (typeof b.payload === 'object' && b.payload !== null && !Array.isArray(b.payload))) ? undefined : 'client-message needs {"name": "updatePreference"} and an optional "payload" object'),
  'client-navigate': (b) => (text(b.route) && /^\//.test(String(b.route)) ? undefined : 'client-navigate needs {"route": "/dashboard"}'),
  keepalive: () => undefined,
};

/** A client frame read on receipt: a known type, a JSON object body within limits, the fields its type needs. */
export function parseClientFrame(frame: string): { ok: true; frame: ClientFrame } | { ok: false; message: string } {
  const colon = frame.indexOf(':');
  const type = colon < 0 ? frame : frame.slice(0, colon);
  if (!Object.hasOwn(CHECKS, type)) return { ok: false, message: `unknown frame type "${type.slice(0, 40)}"; frames are <type>:<json> with a type of ${Object.keys(CHECKS).join(', ')}` };
  let body: unknown;
  try {
    body = JSON.parse(frame.slice(colon + 1));
  } catch (error) {
    return { ok: false, message: `${type}: the body is not JSON (${(error as Error).message})` };
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return { ok: false, message: `${type}: the body must be a JSON object` };
  const problem = checkData(body) ?? CHECKS[type as keyof ClientFrames](body as Record<string, unknown>);
  if (problem) return { ok: false, message: `${type}: ${problem}` };
  return { ok: true, frame: { type, body } as ClientFrame };
}

/** A gateway frame as the page reads it; anything else is ignored by the page. */
export function parseGatewayFrame(frame: string): GatewayFrame | undefined {
  const colon = frame.indexOf(':');
  if (colon < 0) return undefined;
  try {
    const body: unknown = JSON.parse(frame.slice(colon + 1));
    if (typeof body !== 'object' || body === null || checkData(body) !== undefined) return undefined;
    return { type: frame.slice(0, colon), body } as GatewayFrame;
  } catch {
    return undefined;
  }
}
