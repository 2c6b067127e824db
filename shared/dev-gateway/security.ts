// Who may talk to the dev gateway: the origins allowed to open its WebSockets and change state (its own and the
// devtools extension's), the per-run inspector token, and the loopback rule for binding.
import { randomBytes, timingSafeEqual } from 'node:crypto';

/** Extension pages send these origins; a web page cannot claim them. */
const EXTENSION_ORIGIN = /^(chrome-extension|moz-extension):\/\/[a-z0-9-]+$/i;

/**
 * Whether a request from `origin`, sent to the gateway as `host`, may open a WebSocket or change state: the
 * gateway's own pages (same origin) and the devtools extension may. A browser always sends Origin on a WebSocket
 * handshake and on a cross-origin POST, so a page on another origin is refused here; a request with no Origin
 * at all comes from a program on this machine (a test, VS Code), which could reach the gateway anyway.
 */
export function originAllowed(origin: string | undefined, host: string | undefined): boolean {
  if (origin === undefined) return true;
  return origin === `http://${host}` || EXTENSION_ORIGIN.test(origin);
}

export function isExtensionOrigin(origin: string | undefined): boolean {
  return origin !== undefined && EXTENSION_ORIGIN.test(origin);
}

export function isLoopback(host: string): boolean {
  return host === '127.0.0.1' || host === 'localhost' || host === '::1' || /^127\./.test(host);
}

/**
 * Whether a request's Host header names this gateway (bound to `bind`, listening on `port`). A page of another
 * site that rebinds its own name to this address still sends its own name, and gets nothing. A gateway bound to
 * every interface (`0.0.0.0`, `::`, remote use only) answers to any name.
 */
export function hostAllowed(header: string | undefined, bind: string, port: number): boolean {
  if (bind === '0.0.0.0' || bind === '::') return header !== undefined;
  const names = isLoopback(bind) ? ['127.0.0.1', 'localhost', '[::1]', bind] : [bind.includes(':') ? `[${bind}]` : bind];
  return names.some((name) => header === `${name}:${port}`);
}

/** A fresh secret for one run of the gateway. */
export function newToken(): string {
  return randomBytes(24).toString('base64url');
}

/** Compares in constant time, so the token cannot be guessed a character at a time. */
export function tokenMatches(given: string | null | undefined, token: string): boolean {
  if (typeof given !== 'string') return false;
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}
