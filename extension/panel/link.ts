// The panel's connection to whatever it inspects, through a Connector: which inspector to use (the dev gateway
// or the page surface), a fresh client and store for each connection, and recovery when the page reloads or the
// gateway restarts. The last state stays on screen, marked stale, until a new connection takes over.
import { InspectorClient } from '../../shared/inspector/client';
import { InspectorStore } from '../../shared/inspector/store';
import type { PageInfo } from '../wire';
import type { Connector } from './connector';

export type Mode = 'gateway' | 'page';

export type LinkStatus =
  | { state: 'waiting'; message: string }
  | { state: 'connecting'; target: PageInfo }
  /** `notice`: why the panel is not where it would like to be (the page surface while a gateway is out of reach). */
  | { state: 'live'; target: PageInfo; mode: Mode; notice?: string }
  | { state: 'lost'; message: string };

export interface LinkOptions {
  /** Levels of nested data loaded before someone expands them. */
  depth: number;
  history: number;
  /** How store notifications are batched (an animation frame in the panel). */
  schedule?: (flush: () => void) => void;
  /** How long to wait before trying a lost dev gateway again. */
  retryMs?: number;
}

export class PanelLink {
  status: LinkStatus = { state: 'waiting', message: 'waiting for the inspected page' };
  /** The store of the current (or last) connection; its data stays readable after the connection is lost. */
  store: InspectorStore | undefined;
  /**
   * In dev-gateway mode, the page surface as well: the page's WebSocket frames are seen only in the page (its hook
   * observes them), never by the gateway's inspector.
   */
  pageSurface: InspectorStore | undefined;
  private readonly listeners = new Set<() => void>();
  private target: PageInfo | null = null;
  private key = '';
  private generation = 0;
  private retry: ReturnType<typeof setTimeout> | undefined;
  /**
   * Endpoints the page names that a gateway restart made stale (the page reconnects without reloading, so its meta
   * tag keeps the old run's token), with the endpoint the gateway gave instead, or undefined while none answers.
   */
  private readonly renewed = new Map<string, string | undefined>();
  /** What the hook last reported, as it reported it. */
  private given: PageInfo | null = null;
  private notice: string | undefined;
  /** While the panel makes do with the page surface: the page whose dev gateway it keeps asking for a new endpoint. */
  private gatewayLost: PageInfo | undefined;
  private history: number;

  constructor(
    private readonly connector: Connector,
    private readonly options: LinkOptions,
  ) {
    this.history = options.history;
    connector.watch((info) => this.follow(info));
  }

  get mode(): Mode | undefined {
    return this.status.state === 'live' ? this.status.mode : undefined;
  }

  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** The history cap, kept across reconnections. */
  setHistory(limit: number): void {
    this.history = limit;
    this.store?.setHistory(limit);
    this.pageSurface?.setHistory(limit);
    this.changed();
  }

  get historyLimit(): number {
    return this.history;
  }

  private follow(given: PageInfo | null): void {
    this.given = given;
    let info = given;
    if (given?.inspector && this.renewed.has(given.inspector)) {
      info = { ...given, inspector: this.renewed.get(given.inspector) };
      if (!info.inspector) this.gatewayLost ??= given;
    }
    if (info?.inspector) {
      this.notice = undefined;
      this.gatewayLost = undefined;
    }
    this.target = info;
    if (!info) {
      if (this.status.state === 'live' || this.status.state === 'connecting') this.lose('the inspected page went away (reloading or navigating); waiting for it to come back');
      return;
    }
    if (!info.client && !info.inspector) {
      this.key = '';
      this.setStatus({ state: 'waiting', message: `no Perspective client on ${info.url} yet: Periscope inspects pages under /data/perspective/client/` });
      return;
    }
    const key = info.inspector ? `gateway ${info.inspector} ${info.sessionId ?? ''}` : `page ${info.url} ${info.sessionId ?? ''} ${info.pageId ?? ''}`;
    if (key === this.key && (this.status.state === 'live' || this.status.state === 'connecting')) {
      // Same inspector, newer facts (the page's id arrives after its client does): no need to connect again.
      if (this.status.state === 'live') this.setStatus({ ...this.status, target: info });
      return;
    }
    this.key = key;
    this.connect(info);
  }

  private connect(target: PageInfo): void {
    clearTimeout(this.retry);
    const generation = ++this.generation;
    this.setStatus({ state: 'connecting', target });
    const client = new InspectorClient(this.connector.open(target));
    const store = new InspectorStore(client, {
      depth: this.options.depth,
      history: this.history,
      ...(target.sessionId ? { session: target.sessionId } : {}),
      ...(this.options.schedule ? { schedule: this.options.schedule } : {}),
    });
    client.onEvent((frame) => {
      if (frame.event === 'closing' && generation === this.generation) this.lose(`the dev gateway is stopping (${frame.data.reason}); reconnecting when it is back`);
    });
    client.onClose(() => {
      if (generation !== this.generation || this.status.state === 'lost') return;
      this.lose(target.inspector ? 'the connection to the dev gateway closed; reconnecting when it is back' : 'the page closed its inspector connection; waiting for it to come back');
    });
    store.start().then(
      () => {
        if (generation !== this.generation) return client.close();
        this.store?.client.close();
        this.store = store;
        store.onChange(() => this.changed());
        this.setStatus({ state: 'live', target, mode: target.inspector ? 'gateway' : 'page', ...(this.notice && !target.inspector ? { notice: this.notice } : {}) });
        if (!target.inspector && this.gatewayLost) this.askGateway(generation);
        if (target.inspector && target.client) this.followFrames(target, generation);
      },
      (error: Error) => {
        if (generation !== this.generation) return;
        client.close();
        this.lose(target.inspector ? `cannot reach the dev gateway's inspector (${error.message}); retrying` : `the page surface did not answer (${error.message})`);
      },
    );
  }

  /** Follows the page surface beside the dev gateway, for the page's WebSocket frames only. */
  private followFrames(target: PageInfo, generation: number): void {
    const surface = new InspectorStore(new InspectorClient(this.connector.open({ ...target, inspector: undefined })), {
      depth: 0,
      history: this.history,
      ...(this.options.schedule ? { schedule: this.options.schedule } : {}),
    });
    surface.start().then(
      () => {
        if (generation !== this.generation) return surface.client.close();
        this.pageSurface?.client.close();
        this.pageSurface = surface;
        surface.onChange(() => this.changed());
        this.changed();
      },
      // A page whose surface does not answer still has everything else: its frames are just not listed.
      () => surface.client.close(),
    );
  }

  /** Keeps the last state on screen and, for a dev gateway, tries again: a restarted gateway on the same URL is picked up. */
  private lose(message: string): void {
    this.generation++;
    this.key = '';
    this.setStatus({ state: 'lost', message });
    clearTimeout(this.retry);
    this.retry = setTimeout(() => void this.tryAgain(), this.options.retryMs ?? 1000);
  }

  /** A lost dev gateway may be back under a new token: ask it before connecting again. */
  private async tryAgain(): Promise<void> {
    const target = this.target;
    if (this.status.state !== 'lost' || !target || !(target.client || target.inspector)) return;
    const announced = this.given?.inspector;
    if (target.inspector && announced) {
      const url = await this.connector.rediscover(target);
      if (this.target !== target) return;
      this.renewed.set(announced, url);
      if (!url) {
        // The gateway does not name an endpoint (yet): go on with what the page offers, and keep asking.
        this.gatewayLost = target;
        this.notice = 'the dev gateway went away or restarted with a new token: showing what the page offers; reload the page to inspect through the dev gateway again';
      }
    }
    this.follow(this.given);
  }

  /** Keeps asking the lost gateway for its endpoint while the page surface stands in; switches back when it answers. */
  private askGateway(generation: number): void {
    clearTimeout(this.retry);
    this.retry = setTimeout(async () => {
      const lost = this.gatewayLost;
      if (!lost || generation !== this.generation) return;
      const url = await this.connector.rediscover(lost);
      if (generation !== this.generation || this.gatewayLost !== lost) return;
      if (!url) return this.askGateway(generation);
      const announced = this.given?.inspector;
      if (announced) this.renewed.set(announced, url);
      this.key = '';
      this.follow(this.given ?? { ...lost, inspector: url });
    }, (this.options.retryMs ?? 1000) * 2);
  }

  private setStatus(status: LinkStatus): void {
    this.status = status;
    this.changed();
  }

  private changed(): void {
    for (const listener of this.listeners) listener();
  }
}
