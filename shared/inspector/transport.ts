// Transports carry protocol frames (JSON text) between an inspector and a server; each is a thin adapter. This
// file holds the contract and the in-process pair that tests and the dev gateway's own connections use.

export interface Transport {
  send(frame: string): void;
  /** The one receiver of this end's incoming frames. */
  onFrame(receiver: (frame: string) => void): void;
  /** Called once when either end closes. */
  onClose(listener: () => void): void;
  close(): void;
}

/** Two connected ends in one process; frames arrive asynchronously, in order, as over a socket. */
export function inProcessPair(): [Transport, Transport] {
  const ends = [makeEnd(), makeEnd()];
  ends[0].peer = ends[1];
  ends[1].peer = ends[0];
  return [ends[0].transport, ends[1].transport];
}

interface End {
  peer?: End;
  receiver?: (frame: string) => void;
  closeListeners: Array<() => void>;
  closed: boolean;
  transport: Transport;
}

function makeEnd(): End {
  const end: End = {
    closeListeners: [],
    closed: false,
    transport: {
      send(frame) {
        const peer = end.peer;
        if (end.closed || !peer) return;
        queueMicrotask(() => {
          if (!peer.closed) peer.receiver?.(frame);
        });
      },
      onFrame(receiver) {
        end.receiver = receiver;
      },
      onClose(listener) {
        end.closeListeners.push(listener);
      },
      close() {
        for (const side of [end, end.peer]) {
          if (!side || side.closed) continue;
          side.closed = true;
          queueMicrotask(() => side.closeListeners.forEach((l) => l()));
        }
      },
    },
  };
  return end;
}
