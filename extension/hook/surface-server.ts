// The inspector protocol served from a real client's page surface (`window.__client`): what a page offers
// (its session, custom and page props, its WebSocket frames, writes through `write`) under the same requests
// the dev gateway answers. Requests only a gateway can answer get an error reply that says so.
import type { Json } from '../../shared/engine/types';
import { cutToDepth } from '../../shared/inspector/data';
import { parseRequest } from '../../shared/inspector/frames';
import { LIMITS, PROTOCOL_VERSION, type EventFrame, type Hello, type Params, type RequestFrame, type ResponseFrame, type Result, type SessionState } from '../../shared/inspector/protocol';
import { accessOf, pagePropWritable } from '../../shared/runtime/session-props';
import { getAt, parsePath } from '../../shared/runtime/tree';
import { pageIdOf, plainTree, treeOf, type ClientSurface, type TreeName } from './client-surface';
import type { SurfaceItem, SurfaceTrace } from './surface-trace';

/** The requests a page surface answers; `hello` lists them so a panel knows what else needs the dev gateway. */
const ANSWERED = ['hello', 'snapshot', 'read', 'trace', 'subscribe', 'unsubscribe', 'write'] as const;
type Answered = (typeof ANSWERED)[number];

class Refusal extends Error {
  constructor(readonly code: 'not-found' | 'refused' | 'unknown-request' | 'bad-params', message: string) {
    super(message);
  }
}

/** Splits a protocol property path into its tree and the path inside it. */
function splitPath(path: string): { tree: TreeName; inside: string } {
  for (const tree of ['page.props', 'props', 'custom'] as const) {
    if (path === tree) return { tree, inside: '' };
    if (path.startsWith(`${tree}.`)) return { tree, inside: path.slice(tree.length + 1) };
  }
  throw new Refusal('bad-params', `a page surface has props, custom and page.props paths, not "${path}"`);
}

export class SurfaceServer {
  constructor(
    private readonly client: () => ClientSurface | undefined,
    readonly trace: SurfaceTrace,
  ) {}

  /** One inspector's connection; `send` carries this end's frames to it. */
  connect(send: (text: string) => void): SurfaceConnection {
    return new SurfaceConnection(this, send);
  }

  surface(): ClientSurface {
    const client = this.client();
    if (!client) throw new Refusal('not-found', 'the page has no Perspective client (window.__client) yet');
    return client;
  }

  state(depth: number | undefined): SessionState {
    const client = this.surface();
    const props = plainTree(treeOf(client, 'props'));
    const pageProps = plainTree(treeOf(client, 'page.props'));
    const pageId = pageIdOf(client) ?? 'page';
    return {
      id: String(client.sessionId ?? 'session'),
      closed: false,
      user: typeof getAt(props, ['auth', 'user', 'userName']) === 'string' ? (getAt(props, ['auth', 'user', 'userName']) as string) : null,
      props: cutToDepth(props, depth, 'props'),
      access: Object.fromEntries(Object.keys(props).map((key) => [key, accessOf([key])])),
      custom: cutToDepth(plainTree(treeOf(client, 'custom')), depth, 'custom'),
      lastPage: pageId,
      pages: [{
        id: pageId,
        path: String(pageProps.path ?? ''),
        title: String(pageProps.title ?? ''),
        primaryView: String(pageProps.primaryView ?? ''),
        closed: false,
        props: cutToDepth(pageProps, depth, 'page.props'),
        readOnly: Object.keys(pageProps).filter((key) => !pagePropWritable([key])),
        popups: [],
        docks: [],
        views: [],
      }],
    };
  }

  hello(): Hello {
    const client = this.surface();
    return {
      protocol: PROTOCOL_VERSION,
      server: 'page surface',
      project: { name: String(client.projectName ?? ''), source: 'a Perspective client page', version: '8.1' },
      pages: [],
      users: [],
      messageHandlers: [],
      componentMessages: [],
      idle: null,
      sessionTimeoutMs: 0,
      requests: [...ANSWERED],
      limits: LIMITS,
    };
  }

  read(path: string, depth: number | undefined): Result<'read'> {
    const { tree, inside } = splitPath(path);
    const value = getAt(plainTree(treeOf(this.surface(), tree)), inside === '' ? [] : parsePath(inside));
    return value === undefined ? { found: false, value: null } : { found: true, value: cutToDepth(value, depth, path) };
  }

  write(path: string, value: Json): void {
    const { tree, inside } = splitPath(path);
    const parts = inside === '' ? [] : parsePath(inside);
    if (parts.length === 0) throw new Refusal('refused', `write one key of ${tree}, not the whole tree`);
    if (tree === 'props' && accessOf(parts) === 'system') throw new Refusal('refused', `session.props.${inside} is a SYSTEM prop: the gateway owns it and no client may write it`);
    if (tree === 'page.props' && !pagePropWritable(parts)) throw new Refusal('refused', `page.props.${inside} belongs to the page itself: navigate changes it`);
    const target = treeOf(this.surface(), tree);
    if (!target) throw new Refusal('not-found', `the page's client has no ${tree} tree`);
    try {
      target.write(inside, value);
    } catch (error) {
      throw new Refusal('refused', `the client refused the write: ${(error as Error).message}`);
    }
  }
}

interface Subscription {
  id: number;
  params: Params<'subscribe'>;
}

export class SurfaceConnection {
  private readonly subscriptions = new Map<number, Subscription>();
  private nextSubscription = 1;
  private stop: (() => void) | undefined;

  constructor(
    private readonly server: SurfaceServer,
    private readonly send: (text: string) => void,
  ) {}

  receive(text: string): void {
    const parsed = parseRequest(text);
    if (!parsed.ok) {
      this.reply({ v: PROTOCOL_VERSION, id: parsed.id, ok: false, error: parsed.error });
      return;
    }
    const request = parsed.value;
    try {
      const result = this.handle(request);
      this.reply({ v: PROTOCOL_VERSION, id: request.id, ok: true, result: result as unknown as Json });
      if (request.type === 'subscribe') this.catchUp((result as Result<'subscribe'>).subscription);
    } catch (error) {
      const known = error instanceof Refusal;
      const code = known ? error.code : 'failed';
      this.reply({ v: PROTOCOL_VERSION, id: request.id, ok: false, error: { code, message: known ? error.message : `${request.type} failed: ${(error as Error).message}` } });
    }
  }

  close(): void {
    this.subscriptions.clear();
    this.stop?.();
    this.stop = undefined;
  }

  private handle(request: RequestFrame): unknown {
    if (!(ANSWERED as readonly string[]).includes(request.type)) {
      throw new Refusal('unknown-request', `${request.type} needs the dev gateway (periscope serve): a real client's page surface offers only ${ANSWERED.join(', ')}`);
    }
    const trace = this.server.trace;
    const { type, params } = request as Extract<RequestFrame, { type: Answered }>;
    switch (type) {
      case 'hello':
        return this.server.hello();
      case 'snapshot':
        return { time: trace.now(), epoch: Date.now() - trace.now(), seq: trace.last, sessions: [this.server.state(params.depth)] };
      case 'read':
        return this.server.read(params.path, params.depth);
      case 'trace': {
        const events = trace.events.filter((e) => e.seq > (params.after ?? 0)).slice(0, params.limit ?? LIMITS.traceEvents);
        return { events, last: trace.last };
      }
      case 'subscribe': {
        const id = this.nextSubscription++;
        this.subscriptions.set(id, { id, params });
        this.stop ??= trace.listen((item) => this.deliver(item));
        return { subscription: id, last: trace.last };
      }
      case 'unsubscribe':
        if (!this.subscriptions.delete(params.subscription)) throw new Refusal('not-found', `no subscription ${params.subscription} on this connection`);
        return {};
      case 'write':
        this.server.write(params.path, params.value);
        return {};
    }
  }

  /** Events after the subscription's `after`, sent right behind its reply. */
  private catchUp(id: number): void {
    const subscription = this.subscriptions.get(id);
    const after = subscription?.params.after;
    if (!subscription || after === undefined) return;
    for (const event of this.server.trace.events) if (event.seq > after) this.push(subscription, { type: 'event', event });
  }

  private deliver(item: SurfaceItem): void {
    for (const subscription of this.subscriptions.values()) this.push(subscription, item);
  }

  private push(subscription: Subscription, item: SurfaceItem): void {
    const { events = true, patches = true, kinds, depth } = subscription.params;
    let frame: EventFrame;
    if (item.type === 'event') {
      if (!events || (kinds && !kinds.includes(item.event.kind))) return;
      frame = { v: PROTOCOL_VERSION, event: 'trace', subscription: subscription.id, data: item.event };
    } else {
      if (!patches) return;
      const value = item.patch.value === undefined ? undefined : cutToDepth(item.patch.value, depth, item.patch.path);
      frame = { v: PROTOCOL_VERSION, event: 'patch', subscription: subscription.id, data: { ...item.patch, value, seq: this.server.trace.last } };
    }
    this.send(JSON.stringify(frame));
  }

  private reply(frame: ResponseFrame): void {
    this.send(JSON.stringify(frame));
  }
}
