// A protocol transport over a WebSocket to the dev gateway's inspector endpoint, as the panel's adapter uses it.
import type { Transport } from '../../shared/inspector/transport';

export function webSocketTransport(url: string): Transport {
  const socket = new WebSocket(url);
  const queued: string[] = [];
  let receiver: ((frame: string) => void) | undefined;
  const closeListeners: Array<() => void> = [];
  let closed = false;
  socket.addEventListener('open', () => {
    for (const frame of queued.splice(0)) socket.send(frame);
  });
  socket.addEventListener('message', (event) => {
    if (typeof event.data === 'string') receiver?.(event.data);
  });
  socket.addEventListener('close', () => {
    if (closed) return;
    closed = true;
    for (const listener of closeListeners) listener();
  });
  return {
    send(frame) {
      if (socket.readyState === WebSocket.OPEN) socket.send(frame);
      else if (socket.readyState === WebSocket.CONNECTING) queued.push(frame);
    },
    onFrame(next) {
      receiver = next;
    },
    onClose(listener) {
      closeListeners.push(listener);
    },
    close() {
      socket.close();
    },
  };
}
