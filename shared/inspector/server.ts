// The server side of the inspector protocol: one Connection per inspector over any transport, reading each frame
// on receipt, answering every request (an error reply for a bad one, never a dropped connection) and pushing the
// trace events and prop patches its subscriptions ask for.
import { jsonText } from '../engine/json-text';
import { cloneValue } from '../engine/values';
import type { Json } from '../engine/types';
import type { TraceListener } from '../runtime/trace';
import { InspectorClient } from './client';
import { cutToDepth, framedEvent } from './data';
import { exceeds, parseRequest } from './frames';
import { DroppedHistory } from './history';
import { Outbox } from './outbox';
import { LIMITS, PROTOCOL_VERSION, type EventFrame, type Params, type RequestFrame, type ResponseFrame } from './protocol';
import { RateLimit } from './rate';
import { Recorder, type RecordingOrigin } from './recorder';
import { handlers, RequestError, type InspectedRuntime, type RequestContext } from './requests';
import { inProcessPair, type Transport } from './transport';

export interface InspectorServerOptions extends RecordingOrigin {
  /** How the server names itself in `hello`. */
  server?: string;
  /**
   * Trace events and recorded steps kept (at least this many of the most recent; older ones dropped), so that a
   * live runtime's memory stays bounded; all of them without it.
   */
  history?: number;
}

interface Subscription {
  id: number;
  params: Params<'subscribe'>;
  /** Off until its `subscribe` reply has gone out, so that its events follow the reply. */
  live: boolean;
}

export class InspectorServer {
  readonly recorder: Recorder;
  /** What the trace events the history cap dropped left of each session, for stateAt. */
  private readonly dropped = new DroppedHistory();
  private readonly connections = new Set<Connection>();

  constructor(
    readonly runtime: InspectedRuntime,
    private readonly options: InspectorServerOptions,
  ) {
    this.recorder = new Recorder(runtime, options);
    runtime.trace.onDrop((events) => this.dropped.fold(events));
    if (options.history !== undefined) {
      runtime.trace.retain(options.history);
      this.recorder.retain(options.history);
    }
  }

  /** Serves one inspector over `transport` until either end closes it. */
  connect(transport: Transport): void {
    const connection = new Connection(transport, {
      runtime: this.runtime,
      recorder: this.recorder,
      dropped: this.dropped,
      server: this.options.server ?? 'periscope',
      source: this.options.source,
    });
    this.connections.add(connection);
    transport.onClose(() => {
      connection.dispose();
      this.connections.delete(connection);
    });
  }

  /** An inspector in this process (tests, the dev gateway's own client pages) over an in-process transport. */
  connectInProcess(): InspectorClient {
    const [near, far] = inProcessPair();
    this.connect(far);
    return new InspectorClient(near);
  }

  /** Tells every inspector the server is going away, then closes their transports. */
  close(reason: string): void {
    for (const connection of [...this.connections]) connection.closing(reason);
  }
}

class Connection {
  private readonly subscriptions = new Map<number, Subscription>();
  private readonly rate = new RateLimit(LIMITS.requestsPerSecond, LIMITS.burst);
  private nextSubscription = 1;
  private stopListening: (() => void) | undefined;
  private readonly context: RequestContext;
  /** Everything this connection sends but `closing`, in order, paced by how fast the inspector reads. */
  private readonly outbox: Outbox;

  constructor(
    private readonly transport: Transport,
    context: Omit<RequestContext, 'subscriptions'>,
  ) {
    // Pushes wait for a slow reader up to what the trace itself keeps (`--history`), at least one trace reply's worth.
    this.outbox = new Outbox(transport, () => Math.max(LIMITS.traceEvents, context.runtime.trace.retained));
    this.context = {
      ...context,
      subscriptions: {
        add: (params) => this.subscribe(params),
        remove: (id) => this.unsubscribe(id),
      },
    };
    transport.onFrame((frame) => void this.receive(frame));
  }

  private async receive(frame: string): Promise<void> {
    const parsed = parseRequest(frame);
    if (!parsed.ok) {
      this.reply({ v: PROTOCOL_VERSION, id: parsed.id, ok: false, error: parsed.error });
      return;
    }
    const request = parsed.value;
    if (!this.rate.take()) {
      this.reply({ v: PROTOCOL_VERSION, id: request.id, ok: false, error: { code: 'rate-limited', message: `more than ${LIMITS.requestsPerSecond} requests a second; slow down and retry` } });
      return;
    }
    try {
      const result = await this.handle(request);
      this.reply({ v: PROTOCOL_VERSION, id: request.id, ok: true, result: result as unknown as Json });
      if (request.type === 'subscribe') this.start((result as { subscription: number }).subscription);
    } catch (error) {
      const known = error instanceof RequestError;
      this.reply({
        v: PROTOCOL_VERSION, id: request.id, ok: false,
        error: { code: known ? error.code : 'failed', message: known ? error.message : `${request.type} failed: ${(error as Error).message}` },
      });
    }
  }

  private handle(request: RequestFrame): unknown {
    const handler = handlers[request.type] as (ctx: RequestContext, params: unknown) => unknown;
    return handler(this.context, request.params);
  }

  private reply(frame: ResponseFrame): void {
    const text = jsonText(frame);
    // A client drops a frame larger than it reads; the request must still get its answer.
    if (frame.ok && exceeds(text, LIMITS.replyBytes)) {
      this.reply({ v: PROTOCOL_VERSION, id: frame.id, ok: false, error: { code: 'failed', message: `the reply would be larger than the ${LIMITS.replyBytes} bytes a reply may carry; ask for less (a depth, one session, a shorter stretch of the trace)` } });
      return;
    }
    this.outbox.reply(text);
  }

  private subscribe(params: Params<'subscribe'>): number {
    const id = this.nextSubscription++;
    this.subscriptions.set(id, { id, params, live: false });
    this.stopListening ??= this.context.runtime.trace.subscribe(this.listener);
    return id;
  }

  private unsubscribe(id: number): boolean {
    const removed = this.subscriptions.delete(id);
    this.outbox.forget(id);
    if (this.subscriptions.size === 0) this.stopTrace();
    return removed;
  }

  /** Sends the events a subscription asked to catch up on (after `after`), then lets live ones through. */
  private start(id: number): void {
    const subscription = this.subscriptions.get(id);
    if (!subscription) return;
    const { after } = subscription.params;
    if (after !== undefined && subscription.params.events !== false) {
      const events = this.context.runtime.trace.events;
      const first = events.length > 0 ? events[0].seq : 1;
      for (const event of events.slice(Math.max(0, after + 1 - first))) this.deliver(subscription, { type: 'event', event });
    }
    subscription.live = true;
  }

  private readonly listener: TraceListener = (item) => {
    for (const subscription of this.subscriptions.values()) if (subscription.live) this.deliver(subscription, item);
  };

  private deliver(subscription: Subscription, item: Parameters<TraceListener>[0]): void {
    const { session, events = true, patches = true, kinds, depth, batch = false } = subscription.params;
    if (item.type === 'event') {
      const event = item.event;
      if (!events || (session !== undefined && event.session !== session) || (kinds && !kinds.includes(event.kind))) return;
      this.outbox.push({ v: PROTOCOL_VERSION, event: 'trace', subscription: subscription.id, data: framedEvent(event) }, batch);
      return;
    }
    const patch = item.patch;
    if (!patches || (session !== undefined && patch.session !== session)) return;
    const seq = this.context.runtime.trace.lastSeq;
    // Copied now (a cut copies what it keeps): the runtime's tree may change again before a slow reader gets this.
    const cut = patch.value === undefined ? undefined : cutToDepth(patch.value, depth, patch.path);
    const value = cut !== null && typeof cut === 'object' && cut === patch.value ? cloneValue(cut) : cut;
    this.outbox.push({ v: PROTOCOL_VERSION, event: 'patch', subscription: subscription.id, data: { ...patch, value, seq } }, batch);
  }

  /** The server is going away: say so, then close. */
  closing(reason: string): void {
    this.transport.send(JSON.stringify({ v: PROTOCOL_VERSION, event: 'closing', data: { reason } } satisfies EventFrame));
    this.transport.close();
  }

  private stopTrace(): void {
    this.stopListening?.();
    this.stopListening = undefined;
  }

  dispose(): void {
    this.subscriptions.clear();
    this.stopTrace();
    this.outbox.close();
  }
}
