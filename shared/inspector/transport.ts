// Transports carry protocol frames (JSON text) between an inspector and a server; each is a thin adapter. This
// file holds the contract and the in-process pair that tests and the dev gateway's own connections use.

export interface Transport {
  send(frame: string): void;
  /**
   * The one receiver of this end's incoming frames. A receiver that returns a promise takes its next frame only
   * when the promise settles (where the transport can wait: in process); its sender sees the backlog grow.
   */
  onFrame(receiver: (frame: string) => void | Promise<void>): void;
  /** Called once when either end closes. */
  onClose(listener: () => void): void;
  close(): void;
  /**
   * Bytes (UTF-16 code units for in-process ends) sent from this end that the other end has not taken yet, where
   * the transport can tell: a server paces its pushes by it, so a slow reader holds up the sending, not the memory.
   */
  backlog?(): number;
  /** Calls `listener` whenever frames sent from this end were taken (the backlog fell). */
  onDrain?(listener: () => void): void;
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
  receiver?: (frame: string) => void | Promise<void>;
  /** Frames sent to this end and not yet taken by its receiver, with their total length. */
  inbox: string[];
  queued: number;
  taking: boolean;
  closeListeners: Array<() => void>;
  drainListeners: Array<() => void>;
  closed: boolean;
  transport: Transport;
}

/** Hands an end its frames one at a time, in order, waiting for a receiver that returns a promise. */
async function take(end: End): Promise<void> {
  end.taking = true;
  try {
    await Promise.resolve();
    while (end.inbox.length > 0 && !end.closed) {
      const frame = end.inbox.shift()!;
      end.queued -= frame.length;
      const taken = end.receiver?.(frame);
      if (taken) await taken;
      for (const listener of end.peer?.drainListeners ?? []) listener();
    }
  } finally {
    end.taking = false;
  }
}

function makeEnd(): End {
  const end: End = {
    inbox: [],
    queued: 0,
    taking: false,
    closeListeners: [],
    drainListeners: [],
    closed: false,
    transport: {
      send(frame) {
        const peer = end.peer;
        if (end.closed || !peer || peer.closed) return;
        peer.inbox.push(frame);
        peer.queued += frame.length;
        if (!peer.taking) void take(peer);
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
      backlog() {
        return end.peer?.queued ?? 0;
      },
      onDrain(listener) {
        end.drainListeners.push(listener);
      },
    },
  };
  return end;
}
