// The inspector protocol over a WebSocket (the `ws` package, either end): a thin Transport adapter.
import type { WebSocket } from 'ws';
import type { Transport } from '../inspector/transport';

/** Unsent bytes beyond which a reader that does not keep up is disconnected, to bound the gateway's memory. */
const MAX_BUFFERED = 64 * 1024 * 1024;

export function webSocketTransport(socket: WebSocket): Transport {
  return {
    send(frame) {
      if (socket.readyState !== socket.OPEN) return;
      if (socket.bufferedAmount > MAX_BUFFERED) {
        socket.close(1008, 'the inspector does not read its frames fast enough');
        return;
      }
      socket.send(frame);
    },
    onFrame(receiver) {
      // A binary frame is read as text too, and answered like any frame that is not a request.
      socket.on('message', (data) => receiver(data.toString()));
    },
    onClose(listener) {
      socket.once('close', () => listener());
    },
    close() {
      socket.close(1001, 'closing');
    },
  };
}
