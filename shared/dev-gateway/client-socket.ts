// One client page's WebSocket: its `<type>:<json>` frames become inspector requests for its session and page, and
// what the runtime does to them comes back as value, page and session updates. The page reaches the runtime only
// through the inspector protocol.
import type { Json } from '../engine/types';
import { InspectorError, type InspectorClient } from '../inspector/client';
import type { Hello, PushedFrame, PageState, SessionState } from '../inspector/protocol';
import { RateLimit } from '../inspector/rate';
import { encodeFrame, parseClientFrame, type ClientFrame, type ClientTree, type GatewayFrame, type PageShape } from './client-protocol';

/** Frames a page may send per second, and in one burst; more get an error frame and are not acted on. */
const FRAMES_PER_SECOND = 100;
const FRAME_BURST = 200;
/** Bytes of one frame the gateway acts on. */
export const CLIENT_FRAME_BYTES = 1_048_576;

export interface PageSocket {
  send(text: string): void;
  onFrame(receiver: (text: string) => void): void;
  onClose(listener: () => void): void;
}

/** Tree prefixes of the runtime's prop paths, as the page's trees name them. */
const TREES: Array<{ tree: ClientTree; prefix: string }> = [
  { tree: 'sessionProps', prefix: 'props' },
  { tree: 'sessionCustom', prefix: 'custom' },
  { tree: 'pageProps', prefix: 'page.props' },
];

/** Session props a gateway keeps from the browser (access level PRIVATE). */
function publicProps(state: SessionState): Json {
  const props = state.props as { [key: string]: Json };
  return Object.fromEntries(Object.entries(props).filter(([key]) => state.access[key] !== 'private'));
}

function shapeOf(page: PageState): PageShape {
  return { path: page.path, title: page.title, primaryView: page.primaryView, popups: page.popups, docks: page.docks, views: page.views };
}

export class ClientSession {
  private page: string | undefined;
  private readonly rate = new RateLimit(FRAMES_PER_SECOND, FRAME_BURST);
  private closed = false;
  /** Frames of one page are acted on one after another, as they came. */
  private tail: Promise<void> = Promise.resolve();

  constructor(
    private readonly socket: PageSocket,
    private readonly inspector: InspectorClient,
    private readonly sessionId: string,
    private readonly hello: Hello,
  ) {
    socket.onFrame((text) => {
      this.tail = this.tail.then(() => this.receive(text));
    });
    socket.onClose(() => {
      this.tail = this.tail.then(() => this.pageGone());
    });
    inspector.onEvent((frame) => this.runtimeEvent(frame));
  }

  private send(frame: GatewayFrame): void {
    if (!this.closed) this.socket.send(encodeFrame(frame));
  }

  private async receive(text: string): Promise<void> {
    if (text.length > CLIENT_FRAME_BYTES) {
      this.send({ type: 'error', body: { message: `a frame of ${text.length} bytes is larger than ${CLIENT_FRAME_BYTES}; nothing was written` } });
      return;
    }
    if (!this.rate.take()) {
      this.send({ type: 'error', body: { message: `more than ${FRAMES_PER_SECOND} frames a second; this one was not acted on` } });
      return;
    }
    const parsed = parseClientFrame(text);
    if (!parsed.ok) {
      this.send({ type: 'error', body: { message: parsed.message } });
      return;
    }
    try {
      await this.act(parsed.frame);
    } catch (error) {
      const message = error instanceof InspectorError ? error.message : `the gateway failed: ${(error as Error).message}`;
      this.send({ type: 'error', body: { message } });
    }
  }

  private async act(frame: ClientFrame): Promise<void> {
    if (frame.type === 'keepalive') {
      this.send({ type: 'keepalive', body: {} });
      return;
    }
    if (frame.type === 'client-start') {
      await this.start(frame.body.route, frame.body.device ?? 'desktop');
      return;
    }
    const page = this.page;
    if (page === undefined) {
      this.send({ type: 'error', body: { message: `${frame.type} before client-start: start the page first with client-start:{"route": "/home"}` } });
      return;
    }
    const session = this.sessionId;
    switch (frame.type) {
      case 'client-activity':
        await this.inspector.request('activity', { session, page });
        break;
      case 'client-value-update': {
        const { tree, path, value } = frame.body;
        const prefix = TREES.find((t) => t.tree === tree)!.prefix;
        try {
          await this.inspector.request('write', { session, page, path: `${prefix}.${path}`, value });
        } catch (error) {
          // The page wrote optimistically: put back what the runtime holds, then say why.
          const now = await this.inspector.request('read', { session, page, path: `${prefix}.${path}` }).catch(() => undefined);
          this.send({ type: 'value-update', body: { tree, path, ...(now?.found ? { value: now.value } : {}) } });
          throw error;
        }
        break;
      }
      case 'client-login':
        await this.inspector.request('login', { session, page, user: frame.body.user, ...(frame.body.password !== undefined ? { password: frame.body.password } : {}) });
        break;
      case 'client-logout':
        await this.inspector.request('logout', { session, page });
        break;
      case 'client-message':
        await this.inspector.request('send', { session, page, message: frame.body.name, payload: frame.body.payload ?? {}, handler: 'session' });
        break;
      case 'client-navigate':
        await this.inspector.request('navigate', { session, page, path: frame.body.route });
        break;
    }
  }

  private async start(route: string, device: 'desktop' | 'mobile'): Promise<void> {
    if (this.page !== undefined) {
      this.send({ type: 'error', body: { message: 'the page has started already; a reload opens a new WebSocket' } });
      return;
    }
    await this.inspector.request('subscribe', { session: this.sessionId, kinds: ['session', 'page', 'navigate', 'popup', 'dock', 'auth', 'client'] });
    const opened = await this.inspector.request('open', { session: this.sessionId, path: route, device });
    this.page = opened.page;
    const state = (await this.inspector.request('snapshot', { session: this.sessionId })).sessions[0];
    const page = state.pages.find((p) => p.id === opened.page)!;
    this.send({
      type: 'session-init',
      body: {
        sessionId: state.id, pageId: page.id, projectName: this.hello.project.name,
        sessionProps: publicProps(state), sessionCustom: state.custom, pageProps: page.props, page: shapeOf(page), user: state.user,
        pages: this.hello.pages.map((p) => ({ url: p.url, title: p.title })), users: this.hello.users.map((u) => u.username),
      },
    });
  }

  private runtimeEvent(frame: PushedFrame): void {
    if (frame.event === 'closing' || this.page === undefined) return;
    // Pushes given up (a burst past the history cap) may have changed the page's shape: send it again.
    if (frame.event === 'dropped') return void this.refresh();
    if (frame.event === 'patch') {
      const patch = frame.data;
      if (patch.page !== undefined && patch.page !== this.page) return;
      const tree = TREES.find((t) => patch.path.startsWith(`${t.prefix}.`));
      if (!tree || patch.path.startsWith('props.auth')) return;
      const path = patch.path.slice(tree.prefix.length + 1);
      this.send({ type: 'value-update', body: { tree: tree.tree, path, ...(patch.value !== undefined ? { value: patch.value } : {}) } });
      return;
    }
    const event = frame.data;
    if (event.kind === 'session' && event.action === 'close') this.send({ type: 'session-closed', body: { reason: event.reason ?? 'closed' } });
    else if (event.kind === 'auth') void this.refresh();
    else if (event.kind === 'client' && (event.page === undefined || event.page === this.page)) this.send({ type: 'client-action', body: { action: event.action, detail: event.detail } });
    else if (event.page === this.page) void this.refresh();
  }

  /** Sends the page's shape and the user again after a change of either. */
  private async refresh(): Promise<void> {
    const state = (await this.inspector.request('snapshot', { session: this.sessionId }).catch(() => undefined))?.sessions[0];
    const page = state?.pages.find((p) => p.id === this.page);
    if (!state || !page) return;
    this.send({ type: 'page-update', body: shapeOf(page) });
    this.send({ type: 'session-update', body: { user: state.user } });
  }

  /** The tab went away (closed, reloaded, lost): its page closes; the session lives on until its timeout. */
  private async pageGone(): Promise<void> {
    this.closed = true;
    const page = this.page;
    if (page !== undefined) await this.inspector.request('close', { session: this.sessionId, page }).catch(() => undefined);
    this.inspector.close();
  }
}
