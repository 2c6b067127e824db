// The page hook: runs in the page's own world at document_start, before the page's scripts. It watches the
// Perspective WebSocket, finds `window.__client` when the page makes it, serves the page surface to panels,
// and talks to the relay (the content script) over a private MessagePort. It never imports UI code.
import type { Json } from '../../shared/engine/types';
import { HANDSHAKE, type PageInfo, type PageMessage } from '../wire';
import { describePage, pageIdOf, plainTree, treeOf, type ClientSurface, type TreeName } from './client-surface';
import { observeSockets } from './socket-observer';
import { SurfaceServer, type SurfaceConnection } from './surface-server';
import { SurfaceTrace } from './surface-trace';

type HookWindow = Window & typeof globalThis & { __client?: ClientSurface };

const win = window as HookWindow;
const trace = new SurfaceTrace();
const server = new SurfaceServer(() => win.__client ?? undefined, trace);
const connections = new Map<number, SurfaceConnection>();
let relay: MessagePort | undefined;
let lastInfo = '';

function post(message: PageMessage): void {
  relay?.postMessage(message);
}

function currentInfo(): PageInfo {
  return describePage(win);
}

/** Tells the relay what the page offers whenever that changes (the client appearing, a new session or page). */
function announce(force = false): void {
  const info = currentInfo();
  const text = JSON.stringify(info);
  if (!force && text === lastInfo) return;
  lastInfo = text;
  post({ type: 'info', info });
}

observeSockets(win, (frame) => {
  const client = win.__client;
  trace.frame(typeof client?.sessionId === 'string' ? client.sessionId : null, client ? pageIdOf(client) : undefined, frame);
});

/** Follows the client's three trees, turning each batch of changes into prop events and patches. */
function watchTrees(client: ClientSurface): void {
  const copies = new Map<TreeName, Json>();
  const dirty = new Set<TreeName>();
  for (const name of ['props', 'custom', 'page.props'] as const) {
    const tree = treeOf(client, name);
    if (!tree) continue;
    copies.set(name, plainTree(tree));
    try {
      tree.subscribe(() => {
        if (dirty.size === 0) queueMicrotask(flush);
        dirty.add(name);
      });
    } catch {
      // A tree that cannot be followed is still read on every snapshot.
    }
  }
  function flush(): void {
    const session = typeof client.sessionId === 'string' ? client.sessionId : 'session';
    for (const name of dirty) {
      const now = plainTree(treeOf(client, name));
      trace.changes(session, pageIdOf(client), name, copies.get(name) ?? {}, now);
      copies.set(name, now);
    }
    dirty.clear();
    announce();
  }
}

/** Waits for the page to create its client; a Perspective page does so soon after its scripts load. */
let watched: ClientSurface | undefined;
setInterval(() => {
  const client = win.__client;
  if (client && client !== watched) {
    watched = client;
    watchTrees(client);
  }
  announce();
}, 250);

function closeAll(): void {
  for (const connection of connections.values()) connection.close();
  connections.clear();
}

function onRelayMessage(message: PageMessage): void {
  if (message.type === 'reset') closeAll();
  else if (message.type === 'open') {
    connections.get(message.channel)?.close();
    connections.set(message.channel, server.connect((text) => post({ type: 'frame', channel: message.channel, text })));
  } else if (message.type === 'frame') {
    connections.get(message.channel)?.receive(message.text);
  } else if (message.type === 'close') {
    connections.get(message.channel)?.close();
    connections.delete(message.channel);
  }
}

/** Gives the relay a fresh private port; connections over an older one are over. */
function offerPort(): void {
  closeAll();
  relay?.close();
  const channel = new MessageChannel();
  relay = channel.port1;
  relay.onmessage = (event: MessageEvent<PageMessage>) => onRelayMessage(event.data);
  win.postMessage({ [HANDSHAKE.hookPort]: true }, win.location.origin, [channel.port2]);
  announce(true);
}

win.addEventListener('message', (event) => {
  if (event.source === win && typeof event.data === 'object' && event.data !== null && event.data[HANDSHAKE.relayReady] === true) offerPort();
});
offerPort();
