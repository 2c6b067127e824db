// Helpers for end-to-end tests of the dev gateway: the built `periscope serve` as a child process, Debian's
// Chromium through playwright-core, and an inspector over the gateway's WebSocket endpoint.
import { spawn, type ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { WebSocket } from 'ws';
import { webSocketTransport } from '../../shared/dev-gateway/ws-transport';
import { InspectorClient } from '../../shared/inspector/client';

export const ROOT = resolve(import.meta.dirname, '../..');

export const CHROMIUM_ARGS = ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
}

export interface Served {
  child: ChildProcess;
  clientUrl: string;
  inspectorUrl: string | undefined;
  port: number;
  /** Everything it printed so far. */
  output(): string;
  /** Resolves when the output has a line matching `pattern`. */
  waitFor(pattern: RegExp): Promise<string>;
  /** Ctrl-C, then its exit code. */
  stop(): Promise<number | null>;
}

export async function serve(args: string[]): Promise<Served> {
  const child = spawn(process.execPath, [resolve(ROOT, 'bin/periscope.cjs'), 'serve', ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  const waiters: Array<() => void> = [];
  const take = (chunk: Buffer) => {
    out += chunk.toString();
    for (const wake of waiters.splice(0)) wake();
  };
  child.stdout!.on('data', take);
  child.stderr!.on('data', take);
  const exited = new Promise<number | null>((done) => child.once('exit', (code) => done(code)));
  const waitFor = async (pattern: RegExp): Promise<string> => {
    for (;;) {
      const match = out.split('\n').find((line) => pattern.test(line));
      if (match) return match;
      if (child.exitCode !== null) throw new Error(`periscope serve exited (${child.exitCode}) before printing ${pattern}:\n${out}`);
      await Promise.race([new Promise<void>((wake) => waiters.push(wake)), exited]);
    }
  };
  const clientUrl = (await waitFor(/^\s+client page\s/)).trim().split(/\s+/).pop()!;
  const inspectorLine = (await waitFor(/^\s+inspector\s/)).trim();
  const inspectorUrl = inspectorLine.includes('ws://') ? inspectorLine.split(/\s+/).pop() : undefined;
  return {
    child, clientUrl, inspectorUrl, port: Number(new URL(clientUrl).port),
    output: () => out,
    waitFor,
    async stop() {
      if (child.exitCode === null) child.kill('SIGINT');
      return exited;
    },
  };
}

export function inspectorAt(url: string): Promise<InspectorClient> {
  const socket = new WebSocket(url);
  return new Promise((done, fail) => {
    socket.once('open', () => done(new InspectorClient(webSocketTransport(socket))));
    socket.once('error', fail);
  });
}
