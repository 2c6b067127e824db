// The panel's adapter to the browser: the one place the panel's page touches `browser.*`. It attaches to the
// inspected tab through the background, follows what the tab's hook reports, and opens protocol transports:
// a WebSocket to the dev gateway's inspector endpoint, or the page surface through the background and relay.
import browser, { type Runtime } from 'webextension-polyfill';
import type { Transport } from '../../shared/inspector/transport';
import type { Connector } from '../panel/connector';
import { PORTS, type PageInfo, type PanelNotice, type PanelRequest } from '../wire';
import { webSocketTransport } from './websocket-transport';

interface SurfaceEnd {
  receiver?: (frame: string) => void;
  closeListeners: Array<() => void>;
  closed: boolean;
}

export function panelConnector(tabId: number): Connector {
  const listeners = new Set<(info: PageInfo | null) => void>();
  let info: PageInfo | null = null;
  let port: Runtime.Port | undefined;
  let surface: SurfaceEnd | undefined;

  const endSurface = (): void => {
    const end = surface;
    surface = undefined;
    if (!end || end.closed) return;
    end.closed = true;
    for (const listener of end.closeListeners) listener();
  };

  const send = (request: PanelRequest): void => port?.postMessage(request);

  const connect = (): void => {
    port = browser.runtime.connect({ name: PORTS.panel });
    port.onMessage.addListener((raw) => {
      const notice = raw as PanelNotice;
      if (notice.type === 'info') {
        info = notice.info;
        for (const listener of listeners) listener(info);
      } else if (notice.type === 'frame') surface?.receiver?.(notice.text);
      else if (notice.type === 'closed') endSurface();
    });
    port.onDisconnect.addListener(() => {
      // The service worker restarted: the page-surface connection went with it; attach again.
      endSurface();
      setTimeout(connect, 100);
    });
    send({ type: 'attach', tabId });
  };
  connect();

  return {
    async rediscover(target) {
      try {
        // The gateway tells this endpoint only to extension pages, by their Origin; Chrome sends an extension
        // page's Origin on a POST but not on a GET to a host the extension's content scripts may run on.
        const reply = await fetch(new URL('/system/periscope/inspector-token', target.url), { method: 'POST', credentials: 'omit' });
        const body = reply.ok ? ((await reply.json()) as { url?: unknown }) : {};
        return typeof body.url === 'string' && /^wss?:\/\//.test(body.url) ? body.url : undefined;
      } catch {
        return undefined;
      }
    },
    watch(listener) {
      listeners.add(listener);
      listener(info);
      return () => listeners.delete(listener);
    },
    open(target) {
      if (target.inspector) return webSocketTransport(target.inspector);
      endSurface();
      const end: SurfaceEnd = { closeListeners: [], closed: false };
      surface = end;
      send({ type: 'open' });
      const transport: Transport = {
        send(frame) {
          if (!end.closed) send({ type: 'frame', text: frame });
        },
        onFrame(receiver) {
          end.receiver = receiver;
        },
        onClose(listener) {
          end.closeListeners.push(listener);
        },
        close() {
          if (surface === end) {
            send({ type: 'close' });
            endSurface();
          }
        },
      };
      return transport;
    },
  };
}
