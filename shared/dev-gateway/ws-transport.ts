// The inspector protocol over a WebSocket (the `ws` package, either end): a thin Transport adapter.
import type { WebSocket } from 'ws';
import type { Transport } from '../inspector/transport';

/**
 * Unsent bytes beyond which a reader that does not keep up is disconnected, to bound the gateway's memory. The
 * server paces its pushes by the backlog, so only replies (each bounded) can come near it.
 */
const MAX_BUFFERED = 64 * 1024 * 1024;

export function webSocketTransport(socket: WebSocket): Transport {
  const drainListeners: Array<() => void> = [];
  // Called once a frame has been written out to the network: the backlog fell.
  const written = (): void => {
    for (const listener of drainListeners) listener();
  };
  return {
    send(frame) {
      if (socket.readyState !== socket.OPEN) return;
      if (socket.bufferedAmount > MAX_BUFFERED) {
        socket.close(1008, 'the inspector does not read its frames fast enough');
        return;
      }
      socket.send(frame, written);
    },
    onFrame(receiver) {
      // A binary frame is read as text too, and answered like any frame that is not a request.
      socket.on('message', (data) => void receiver(data.toString()));
    },
    onClose(listener) {
      socket.once('close', () => listener());
    },
    close() {
      socket.close(1001, 'closing');
    },
    backlog() {
      return socket.bufferedAmount;
    },
    onDrain(listener) {
      drainListeners.push(listener);
    },
  };
}
