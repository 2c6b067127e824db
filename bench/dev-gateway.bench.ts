// The dev gateway under load: 100 sessions (the seed's max_sessions), each a page on its own WebSocket, sending
// 1,000 session messages a second in total for 60 s to `periscope serve` (the built CLI, its own process). Each
// message carries a sequence number the handler checks; latency is from a frame sent to the page seeing the
// handler's write come back. `BENCH_SECONDS` and `BENCH_RATE` shorten or change the run; `BENCH_HISTORY` is passed
// as `--history` (a number, or all: the memory a gateway that keeps every event grows by).
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { WebSocket } from 'ws';
import { webSocketTransport } from '../shared/dev-gateway/ws-transport';
import { InspectorClient } from '../shared/inspector/client';

const SESSIONS = 100;
const RATE = Number(process.env.BENCH_RATE ?? 1000);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 60);
const TICK_MS = 10;
const HISTORY = process.env.BENCH_HISTORY;

const DOCUMENT = `# Sequence-checked messages

\`\`\`params
project: bench
max_sessions: ${SESSIONS}
\`\`\`

\`\`\`python
def initialize_custom_properties():
    return {"seq": 0, "lost": 0, "reordered": 0}

def configure_message_handlers():
    return {"tick": {"handler": "onTick", "scope": "session"}}

def onTick(session, payload):
    n = payload["seq"]
    expected = session.custom.seq + 1
    if n > expected:
        session.custom.lost += n - expected
    elif n < expected:
        session.custom.reordered += 1
    session.custom.seq = n
\`\`\`
`;

function rssKiB(pid: number): number {
  const line = readFileSync(`/proc/${pid}/status`, 'utf8').split('\n').find((l) => l.startsWith('VmRSS:'))!;
  return Number(line.split(/\s+/)[1]);
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

interface Tab {
  socket: WebSocket;
  session: string;
  next: number;
  sentAt: Map<number, number>;
}

export default async function bench(): Promise<void> {
  const folder = mkdtempSync(join(tmpdir(), 'periscope-gateway-bench-'));
  writeFileSync(join(folder, 'bench.md'), DOCUMENT);
  const root = resolve(import.meta.dirname, '..');
  const child = spawn(process.execPath, [join(root, 'bin/periscope.cjs'), 'serve', join(folder, 'bench.md'), '--port', '0', '--quiet', ...(HISTORY ? ['--history', HISTORY] : [])], { stdio: ['ignore', 'pipe', 'inherit'] });
  let out = '';
  const clientUrl = await new Promise<string>((done) => child.stdout!.on('data', (d) => {
    out += d;
    const m = /client page\s+(\S+)/.exec(out);
    if (m && /inspector\s+(\S+)/.test(out)) done(m[1]);
  }));
  const inspectorUrl = /inspector\s+(\S+)/.exec(out)![1];
  const base = new URL(clientUrl);
  const idle = rssKiB(child.pid!);

  const latencies: number[] = [];
  let handled = 0;
  const perSecond: number[] = [];
  /** The gateway's RSS every 20 s of sending: a bounded history levels off, a kept-forever one keeps climbing. */
  const memory: number[] = [];
  const tabs: Tab[] = [];
  for (let i = 0; i < SESSIONS; i++) {
    const session = `bench${i}`;
    const socket = new WebSocket(`ws://${base.host}/system/pws/bench/${session}`);
    const tab: Tab = { socket, session, next: 1, sentAt: new Map() };
    await new Promise<void>((done) => socket.once('open', () => done()));
    const started = new Promise<void>((done) => socket.on('message', (data) => {
      const text = data.toString();
      if (text.startsWith('session-init:')) done();
      else if (text.startsWith('value-update:')) {
        const update = JSON.parse(text.slice('value-update:'.length)) as { path: string; value: number };
        const at = update.path === 'seq' ? tab.sentAt.get(update.value) : undefined;
        if (at !== undefined) {
          latencies.push(performance.now() - at);
          tab.sentAt.delete(update.value);
          handled++;
        }
      }
    }));
    socket.send('client-start:{"route":"/"}');
    await started;
    tabs.push(tab);
  }
  const opened = rssKiB(child.pid!);

  const total = RATE * SECONDS;
  const perTick = (RATE * TICK_MS) / 1000;
  let sent = 0;
  const start = performance.now();
  let lastSecond = start;
  let handledAtLastSecond = 0;
  await new Promise<void>((done) => {
    const timer = setInterval(() => {
      const now = performance.now();
      // Catch up on the messages due by now, so the offered rate holds even when a tick comes late.
      const due = Math.min(total, Math.floor(((now - start) / TICK_MS) * perTick));
      for (; sent < due; sent++) {
        const tab = tabs[sent % SESSIONS];
        const seq = tab.next++;
        tab.sentAt.set(seq, performance.now());
        tab.socket.send(`client-message:{"name":"tick","payload":{"seq":${seq}}}`);
      }
      if (now - lastSecond >= 1000) {
        perSecond.push(handled - handledAtLastSecond);
        handledAtLastSecond = handled;
        lastSecond += 1000;
        if (perSecond.length % 20 === 0) memory.push(rssKiB(child.pid!));
      }
      if (sent >= total) {
        clearInterval(timer);
        done();
      }
    }, TICK_MS);
  });
  const sendingMs = performance.now() - start;
  while (handled < total && performance.now() - start < sendingMs + 120_000) await new Promise((r) => setTimeout(r, 50));
  const drainedMs = performance.now() - start;
  const ran = rssKiB(child.pid!);

  const inspector = await new Promise<InspectorClient>((done) => {
    const socket = new WebSocket(inspectorUrl);
    socket.once('open', () => done(new InspectorClient(webSocketTransport(socket))));
  });
  let lost = 0;
  let reordered = 0;
  let last = 0;
  for (const tab of tabs) {
    const custom = (await inspector.request('read', { session: tab.session, path: 'custom' })).value as { seq: number; lost: number; reordered: number };
    lost += custom.lost + (tab.next - 1 - custom.seq);
    reordered += custom.reordered;
    last += custom.seq;
  }
  inspector.close();
  for (const tab of tabs) tab.socket.close();
  child.kill('SIGINT');
  await new Promise((done) => child.once('exit', done));

  if (latencies.length === 0) throw new Error(`no message came back from the gateway; its output:\n${out}`);
  latencies.sort((a, b) => a - b);
  const steady = perSecond.slice(2);
  console.log(`offered: ${RATE} messages/s for ${SECONDS} s to ${SESSIONS} sessions (${total} messages), each page on its own WebSocket; history kept: ${HISTORY ?? 'the default'}`);
  console.log(`handled: ${handled} in ${(drainedMs / 1000).toFixed(1)} s (sending took ${(sendingMs / 1000).toFixed(1)} s): ${Math.round(handled / (drainedMs / 1000))} messages/s overall`);
  console.log(`handled per second after the first two: min ${Math.min(...steady)}, median ${[...steady].sort((a, b) => a - b)[Math.floor(steady.length / 2)]}, max ${Math.max(...steady)}`);
  console.log(`latency (frame sent → handler's write back on the page): p50 ${percentile(latencies, 50).toFixed(2)} ms, p99 ${percentile(latencies, 99).toFixed(2)} ms, max ${latencies[latencies.length - 1].toFixed(1)} ms`);
  console.log(`lost: ${lost}, reordered: ${reordered} (checked by the handler; ${last} messages reached it)`);
  console.log(`gateway RSS every 20 s while sending: ${memory.map((kib) => `${(kib / 1024).toFixed(0)} MiB`).join(', ')}`);
  console.log(`gateway RSS: ${(idle / 1024).toFixed(0)} MiB idle, ${(opened / 1024).toFixed(0)} MiB with ${SESSIONS} sessions open (${((opened - idle) / SESSIONS).toFixed(0)} KiB per session), ${(ran / 1024).toFixed(0)} MiB after the run (${(((ran - opened) * 1024) / total).toFixed(0)} bytes per message: trace and recording)`);
}
