// The client side of the inspector protocol: typed requests over any transport, each answered by a promise,
// and the server's pushed events handed to listeners. Frames that do not read as protocol frames are dropped.
import { parseServerFrame } from './frames';
import { PROTOCOL_VERSION, type ErrorCode, type Params, type PushedFrame, type RequestId, type RequestType, type Result } from './protocol';
import type { Transport } from './transport';

/** An error reply, or the connection closing before the reply came. */
export class InspectorError extends Error {
  constructor(readonly code: ErrorCode | 'closed', message: string) {
    super(message);
  }
}

interface Pending {
  resolve(value: unknown): void;
  reject(error: InspectorError): void;
}

export class InspectorClient {
  private readonly pending = new Map<RequestId, Pending>();
  private readonly listeners = new Set<(frame: PushedFrame) => void>();
  private readonly closeListeners = new Set<() => void>();
  private nextId = 1;
  private closed = false;

  constructor(private readonly transport: Transport) {
    transport.onFrame((text) => this.receive(text));
    transport.onClose(() => this.closedByPeer());
  }

  request<T extends RequestType>(type: T, params: Params<T>): Promise<Result<T>> {
    if (this.closed) return Promise.reject(new InspectorError('closed', `${type}: the connection is closed`));
    const id = this.nextId++;
    return new Promise<Result<T>>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (value: unknown) => void, reject });
      this.transport.send(JSON.stringify({ v: PROTOCOL_VERSION, id, type, params }));
    });
  }

  /** Listens to the server's events (trace, patch, dropped, closing; a batch one frame at a time); returns how to stop. */
  onEvent(listener: (frame: PushedFrame) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  onClose(listener: () => void): () => void {
    this.closeListeners.add(listener);
    return () => this.closeListeners.delete(listener);
  }

  get isClosed(): boolean {
    return this.closed;
  }

  close(): void {
    this.transport.close();
  }

  private receive(text: string): void {
    const parsed = parseServerFrame(text);
    if (!parsed.ok) return;
    const frame = parsed.value;
    if ('event' in frame) {
      if (frame.event !== 'batch') for (const listener of this.listeners) listener(frame);
      else for (const item of frame.data.frames) for (const listener of this.listeners) listener({ v: frame.v, subscription: frame.subscription, ...item });
      return;
    }
    const pending = frame.id === null ? undefined : this.pending.get(frame.id);
    if (!pending) return;
    this.pending.delete(frame.id!);
    if (frame.ok) pending.resolve(frame.result);
    else pending.reject(new InspectorError(frame.error.code, frame.error.message));
  }

  private closedByPeer(): void {
    if (this.closed) return;
    this.closed = true;
    for (const pending of this.pending.values()) pending.reject(new InspectorError('closed', 'the connection closed before the reply came'));
    this.pending.clear();
    for (const listener of this.closeListeners) listener();
  }
}
