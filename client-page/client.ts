// The client page's store, exposed as `window.__client` with the surface of a Perspective client: sessionId,
// projectName, page.sessionProps / sessionCustom / pageProps property trees and connection.webSocket. It speaks
// `<type>:<json>` frames on one WebSocket per page, and comes back after a lost connection or a gateway restart.
import type { Json } from '../shared/engine/types';
import { encodeFrame, parseGatewayFrame, type ClientFrame, type ClientTree, type GatewayFrame, type PageShape } from '../shared/dev-gateway/client-protocol';
import { PropertyTree } from './property-tree';

export interface Bootstrap {
  project: string;
  sessionId: string;
  route: string;
  socketPath: string;
}

/** What the page shows beside the property trees. */
export interface PageView {
  connected: boolean;
  pageId: string | undefined;
  user: string | null;
  shape: PageShape | undefined;
  pages: Array<{ url: string; title: string }>;
  users: string[];
  /** Set when a script called login() or the person asked to log in. */
  loginWanted: boolean;
  closed: string | undefined;
  errors: string[];
}

/** A person's touches are reported at most this often (real ms): each one is a step of the session. */
const ACTIVITY_EVERY_MS = 2_000;
const KEEPALIVE_MS = 25_000;

export class PerspectiveClient {
  readonly sessionId: string;
  readonly projectName: string;
  readonly page: { sessionProps: PropertyTree; sessionCustom: PropertyTree; pageProps: PropertyTree };
  readonly connection: { webSocket: WebSocket | undefined } = { webSocket: undefined };
  view: PageView = { connected: false, pageId: undefined, user: null, shape: undefined, pages: [], users: [], loginWanted: false, closed: undefined, errors: [] };
  private route: string;
  private readonly listeners = new Set<() => void>();
  private retryMs = 500;
  private lastActivity = 0;

  constructor(private readonly boot: Bootstrap) {
    this.sessionId = boot.sessionId;
    this.projectName = boot.project;
    this.route = boot.route;
    const tree = (name: ClientTree) => new PropertyTree((path, value) => this.send({ type: 'client-value-update', body: { tree: name, path, value } }));
    this.page = { sessionProps: tree('sessionProps'), sessionCustom: tree('sessionCustom'), pageProps: tree('pageProps') };
    for (const t of Object.values(this.page)) t.subscribe(() => this.changed());
  }

  connect(): void {
    const socket = new WebSocket(`${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}${this.boot.socketPath}`);
    this.connection.webSocket = socket;
    const keepalive = setInterval(() => this.send({ type: 'keepalive', body: {} }), KEEPALIVE_MS);
    socket.addEventListener('open', () => {
      this.retryMs = 500;
      this.update({ connected: true, errors: [] });
      this.send({ type: 'client-start', body: { route: this.route } });
    });
    socket.addEventListener('message', (event) => {
      const frame = typeof event.data === 'string' ? parseGatewayFrame(event.data) : undefined;
      if (frame) this.receive(frame);
    });
    socket.addEventListener('close', (event) => {
      clearInterval(keepalive);
      // A gateway going away (1001: stopped, restarting) took its sessions with it: the page starts one anew when
      // it is back. A session that ended while the gateway stayed stays ended; a lost network reconnects.
      const goingAway = event.code === 1001;
      this.update({ connected: false, pageId: undefined, ...(goingAway ? { closed: undefined } : {}) });
      if (this.view.closed === undefined) setTimeout(() => this.connect(), this.retryMs);
      this.retryMs = Math.min(this.retryMs * 2, 10_000);
    });
  }

  send(frame: ClientFrame): void {
    const socket = this.connection.webSocket;
    if (socket?.readyState === WebSocket.OPEN) socket.send(encodeFrame(frame));
  }

  /** A click or key on the page: the session's lastActivity moves and its idle timers restart. */
  touched(): void {
    const now = Date.now();
    if (now - this.lastActivity < ACTIVITY_EVERY_MS || this.view.pageId === undefined) return;
    this.lastActivity = now;
    this.send({ type: 'client-activity', body: {} });
  }

  navigate(route: string): void {
    this.send({ type: 'client-navigate', body: { route } });
  }

  login(user: string, password: string): void {
    this.update({ loginWanted: false });
    this.send({ type: 'client-login', body: { user, ...(password ? { password } : {}) } });
  }

  logout(): void {
    this.send({ type: 'client-logout', body: {} });
  }

  askLogin(wanted: boolean): void {
    this.update({ loginWanted: wanted });
  }

  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private receive(frame: GatewayFrame): void {
    switch (frame.type) {
      case 'session-init': {
        const b = frame.body;
        this.page.sessionProps.reset(b.sessionProps);
        this.page.sessionCustom.reset(b.sessionCustom);
        this.page.pageProps.reset(b.pageProps);
        this.update({ pageId: b.pageId, user: b.user, shape: b.page, pages: b.pages, users: b.users, closed: undefined });
        this.followRoute(b.page.path);
        break;
      }
      case 'value-update':
        this.page[frame.body.tree].set(frame.body.path, frame.body.value as Json | undefined);
        break;
      case 'page-update':
        this.update({ shape: frame.body });
        this.followRoute(frame.body.path);
        break;
      case 'session-update':
        this.update({ user: frame.body.user, ...(frame.body.user ? { loginWanted: false } : {}) });
        break;
      case 'client-action':
        if (frame.body.action === 'login') this.update({ loginWanted: true });
        break;
      case 'session-closed':
        this.update({ closed: frame.body.reason });
        break;
      case 'error':
        this.update({ errors: [...this.view.errors.slice(-4), frame.body.message] });
        break;
      case 'keepalive':
        break;
    }
  }

  /** The address bar follows the page's route, so that a reload opens the page where it is. */
  private followRoute(path: string): void {
    this.route = path;
    const url = `/data/perspective/client/${encodeURIComponent(this.projectName)}${path}`;
    if (location.pathname !== url) history.replaceState(null, '', url);
  }

  private update(change: Partial<PageView>): void {
    this.view = { ...this.view, ...change };
    this.changed();
  }

  private changed(): void {
    for (const listener of this.listeners) listener();
  }
}
