// The dev gateway: HTTP and WebSocket on one port, serving the client pages of one project as a Perspective
// gateway would (/data/perspective/client/<project>/<route>, one WebSocket per page at
// /system/pws/<project>/<sessionId>) and the inspector protocol at /system/periscope/inspector for the devtools
// extension and the VS Code view. It reaches the runtime only through the inspector server it is given.
import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import type { Hello } from '../inspector/protocol';
import type { InspectorServer } from '../inspector/server';
import { ClientSession } from './client-socket';
import { clientPageHtml, confirmHtml, indexHtml } from './pages';
import { hostAllowed, isExtensionOrigin, newToken, originAllowed, tokenMatches } from './security';
import { webSocketTransport } from './ws-transport';

export interface DevGatewayOptions {
  inspector: InspectorServer;
  /** Interface to listen on: loopback unless the caller was told to allow remote clients. */
  host: string;
  /** 0: any free port. */
  port: number;
  /** Serve the inspector endpoint (off: the client page behaves like a real gateway's, with no inspector). */
  inspectorEndpoint: boolean;
  /** The folder holding the built client page (client-page.js, client-page.css). */
  assets: string;
}

export interface DevGateway {
  /** `http://127.0.0.1:<port>` */
  url: string;
  port: number;
  project: string;
  /** The client page of a route, e.g. `/home`. */
  clientUrl(route: string): string;
  /** The inspector endpoint with this run's token, or undefined when it is off. */
  inspectorUrl: string | undefined;
  /** Tells inspectors the gateway is going away, closes every socket and stops listening. */
  close(reason: string): Promise<void>;
}

/** WebSocket messages above this are refused by the socket itself (code 1009): the gateway's memory bound. */
const MAX_WS_PAYLOAD = 16 * 1024 * 1024;
const SESSION_COOKIE = 'periscope-session';
const SESSION_ID = /^[A-Za-z0-9_-]{1,64}$/;
const ASSETS: Record<string, { file: string; type: string }> = {
  '/res/periscope/client-page.js': { file: 'client-page.js', type: 'text/javascript; charset=utf-8' },
  '/res/periscope/client-page.js.map': { file: 'client-page.js.map', type: 'application/json' },
  '/res/periscope/client-page.css': { file: 'client-page.css', type: 'text/css; charset=utf-8' },
};
/** How often idle sockets are pinged; a tab that answers no ping in that time is gone. */
const HEARTBEAT_MS = 30_000;

function cookie(req: IncomingMessage, name: string): string | undefined {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const [key, ...value] = part.trim().split('=');
    if (key === name) return value.join('=');
  }
  return undefined;
}

function reply(res: ServerResponse, status: number, type: string, body: string | Buffer, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'Content-Type': type, 'X-Content-Type-Options': 'nosniff', 'Cache-Control': 'no-store', ...headers });
  res.end(body);
}

function refuseUpgrade(socket: Duplex, status: number, reason: string): void {
  socket.end(`HTTP/1.1 ${status} ${reason}\r\nConnection: close\r\nContent-Type: text/plain\r\n\r\n${reason}\n`);
}

export async function startDevGateway(options: DevGatewayOptions): Promise<DevGateway> {
  const token = newToken();
  const hello: Hello = await options.inspector.connectInProcess().request('hello', {});
  const project = hello.project.name;
  const clientBase = `/data/perspective/client/${encodeURIComponent(project)}`;
  const socketBase = `/system/pws/${encodeURIComponent(project)}/`;
  const sockets = new WebSocketServer({ noServer: true, maxPayload: MAX_WS_PAYLOAD });
  const alive = new WeakSet<WebSocket>();
  let port = 0;
  let inspectorUrl: string | undefined;

  const server = createServer((req, res) => {
    void serveHttp(req, res).catch((error: unknown) => reply(res, 500, 'text/plain; charset=utf-8', `the dev gateway failed: ${(error as Error).message}\n`));
  });

  async function serveHttp(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (!hostAllowed(req.headers.host, options.host, port)) return reply(res, 421, 'text/plain; charset=utf-8', `this gateway answers as ${options.host}:${port}\n`);
    const url = new URL(req.url ?? '/', 'http://gateway');
    const origin = req.headers.origin;
    // Chrome sends an extension page's Origin on a POST, but not on a GET to a host the extension's content
    // scripts may run on: the devtools panel asks for the token by POST, which changes nothing.
    const tokenAsked = url.pathname === '/system/periscope/inspector-token';
    if (req.method !== 'GET' && req.method !== 'HEAD' && !(req.method === 'POST' && tokenAsked)) {
      if (!originAllowed(origin, req.headers.host)) return reply(res, 403, 'text/plain; charset=utf-8', 'requests from another origin are refused\n');
      return reply(res, 405, 'text/plain; charset=utf-8', 'the dev gateway changes state only over its WebSockets\n', { Allow: 'GET, HEAD' });
    }
    if (url.pathname === '/') return reply(res, 200, 'text/html; charset=utf-8', indexHtml(project, hello.pages));
    if (tokenAsked) {
      // Only an extension page (the devtools extension) may learn the token this way; a web page cannot claim its origin.
      if (!inspectorUrl || !isExtensionOrigin(origin)) return reply(res, 403, 'text/plain; charset=utf-8', 'only the devtools extension may ask for the inspector address\n');
      return reply(res, 200, 'application/json', JSON.stringify({ url: inspectorUrl, project }), { 'Access-Control-Allow-Origin': origin!, Vary: 'Origin' });
    }
    const asset = ASSETS[url.pathname];
    if (asset) {
      const body = await readFile(join(options.assets, asset.file)).catch(() => undefined);
      if (!body) return reply(res, 500, 'text/plain; charset=utf-8', `${asset.file} is not built; run npm run build\n`);
      return reply(res, 200, asset.type, body);
    }
    if (url.pathname === clientBase || url.pathname.startsWith(`${clientBase}/`)) return clientPage(req, res, url.pathname.slice(clientBase.length) || '/');
    if (url.pathname.startsWith('/data/perspective/client/')) {
      return reply(res, 404, 'text/plain; charset=utf-8', `this gateway serves project "${project}": open ${clientBase}/\n`);
    }
    return reply(res, 404, 'text/plain; charset=utf-8', 'not found\n');
  }

  function clientPage(req: IncomingMessage, res: ServerResponse, route: string): void {
    // A browser says where a navigation came from; from another site (even on another port of this host) the
    // person confirms first, so no other site can start a session and run its scripts.
    const from = req.headers['sec-fetch-site'];
    if (from !== undefined && from !== 'same-origin' && from !== 'none') {
      return reply(res, 200, 'text/html; charset=utf-8', confirmHtml(req.url ?? '/'), { 'X-Frame-Options': 'DENY' });
    }
    const given = cookie(req, SESSION_COOKIE);
    const sessionId = given && SESSION_ID.test(given) ? given : randomBytes(6).toString('hex');
    const html = clientPageHtml({ project, sessionId, route: decodeURIComponent(route), socketPath: `${socketBase}${sessionId}` }, inspectorUrl);
    reply(res, 200, 'text/html; charset=utf-8', html, {
      'Set-Cookie': `${SESSION_COOKIE}=${sessionId}; Path=/; HttpOnly; SameSite=Strict`,
      'Content-Security-Policy': `default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; connect-src 'self' ws://${req.headers.host}`,
      'X-Frame-Options': 'DENY',
    });
  }

  server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    const url = new URL(req.url ?? '/', 'http://gateway');
    if (!hostAllowed(req.headers.host, options.host, port)) return refuseUpgrade(socket, 421, 'Misdirected Request');
    if (!originAllowed(req.headers.origin, req.headers.host)) return refuseUpgrade(socket, 403, 'Forbidden: another origin');
    if (url.pathname.startsWith(socketBase)) {
      const sessionId = url.pathname.slice(socketBase.length);
      if (!SESSION_ID.test(sessionId)) return refuseUpgrade(socket, 400, 'Bad Request: not a session id');
      sockets.handleUpgrade(req, socket, head, (ws) => {
        watch(ws);
        new ClientSession({
          send: (text) => ws.readyState === ws.OPEN && ws.send(text),
          onFrame: (receiver) => ws.on('message', (data) => receiver(data.toString())),
          onClose: (listener) => ws.once('close', listener),
        }, options.inspector.connectInProcess(), sessionId, hello);
      });
      return;
    }
    if (url.pathname === '/system/periscope/inspector') {
      if (!inspectorUrl) return refuseUpgrade(socket, 404, 'Not Found: the inspector endpoint is off');
      if (!tokenMatches(url.searchParams.get('token'), token)) return refuseUpgrade(socket, 401, 'Unauthorized: the inspector needs this run\'s token');
      sockets.handleUpgrade(req, socket, head, (ws) => {
        watch(ws);
        options.inspector.connect(webSocketTransport(ws));
      });
      return;
    }
    refuseUpgrade(socket, 404, 'Not Found');
  });

  function watch(ws: WebSocket): void {
    // A socket's protocol errors (a message past maxPayload, a bad frame) close that socket with their code; an
    // error without a listener would be thrown instead and stop the whole gateway.
    ws.on('error', () => undefined);
    alive.add(ws);
    ws.on('pong', () => alive.add(ws));
  }
  const heartbeat = setInterval(() => {
    for (const ws of sockets.clients) {
      if (!alive.has(ws)) ws.terminate();
      else {
        alive.delete(ws);
        ws.ping();
      }
    }
  }, HEARTBEAT_MS);
  heartbeat.unref();

  await new Promise<void>((done, fail) => {
    server.once('error', fail);
    server.listen(options.port, options.host, () => done());
  });
  port = (server.address() as AddressInfo).port;
  const base = `http://${options.host.includes(':') ? `[${options.host}]` : options.host}:${port}`;
  if (options.inspectorEndpoint) inspectorUrl = `${base.replace(/^http/, 'ws')}/system/periscope/inspector?token=${token}`;

  return {
    url: base,
    port,
    project,
    clientUrl: (route) => `${base}${clientBase}${route.startsWith('/') ? route : `/${route}`}`,
    inspectorUrl,
    async close(reason) {
      clearInterval(heartbeat);
      options.inspector.close(reason);
      for (const ws of sockets.clients) ws.close(1001, reason.slice(0, 100));
      const closed = new Promise<void>((done) => server.close(() => done()));
      server.closeAllConnections();
      await closed;
    },
  };
}
