// Watches the page's Perspective WebSocket (`/system/pws/...`) from its first frame: the hook wraps the
// WebSocket constructor before any page script runs and reports each `<type>:<json>` text frame, both ways.
import type { Json } from '../../shared/engine/types';

export interface ObservedFrame {
  direction: 'in' | 'out';
  /** The frame's message type, the text before the first colon. */
  type: string;
  /** The JSON after it, or the raw text when it is not JSON; cut to a bound so a huge frame cannot flood the panel. */
  data: Json;
  bytes: number;
}

/** Frame text beyond this many characters is not parsed or kept; the panel shows its size instead. */
const KEEP_CHARS = 64 * 1024;

export function readFrame(direction: 'in' | 'out', raw: unknown): ObservedFrame {
  if (typeof raw !== 'string') return { direction, type: '(binary)', data: null, bytes: (raw as { byteLength?: number; size?: number })?.byteLength ?? (raw as { size?: number })?.size ?? 0 };
  const colon = raw.indexOf(':');
  const type = colon > 0 ? raw.slice(0, colon) : '(untyped)';
  const body = colon > 0 ? raw.slice(colon + 1) : raw;
  if (raw.length > KEEP_CHARS) return { direction, type, data: { $omitted: { bytes: raw.length } }, bytes: raw.length };
  try {
    return { direction, type, data: JSON.parse(body) as Json, bytes: raw.length };
  } catch {
    return { direction, type, data: body, bytes: raw.length };
  }
}

const isPerspectiveSocket = (url: string | URL): boolean => String(url).includes('/system/pws/');

/** Replaces `win.WebSocket` with a constructor that reports the frames of Perspective sockets to `report`. */
export function observeSockets(win: { WebSocket: typeof WebSocket }, report: (frame: ObservedFrame) => void): void {
  const Native = win.WebSocket;
  const send = Native.prototype.send;
  const watched = new WeakSet<WebSocket>();
  Native.prototype.send = function (this: WebSocket, data: Parameters<WebSocket['send']>[0]) {
    if (watched.has(this)) report(readFrame('out', data));
    return send.call(this, data);
  };
  win.WebSocket = new Proxy(Native, {
    construct(target, args: ConstructorParameters<typeof WebSocket>) {
      const socket = new target(...args);
      if (isPerspectiveSocket(args[0])) {
        watched.add(socket);
        socket.addEventListener('message', (event) => report(readFrame('in', event.data)));
      }
      return socket;
    },
  });
}
