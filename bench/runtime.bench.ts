// Session runtime figures: cold start, the seed's whole scenario, message round trip, 100 concurrent sessions.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createPyodideEngine } from '../shared/engine/pyodide';
import { loadScriptSource } from '../shared/runtime/document-project';
import { EngineHost } from '../shared/runtime/engine-host';
import { Runtime } from '../shared/runtime/runtime';
import { readScenario } from '../shared/runtime/scenario';
import { simulate } from '../shared/runtime/simulation';

const percentile = (sorted: number[], p: number): number => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
const ms = (value: number): string => `${value.toFixed(2)} ms`;

const handlers = `
def initialize_custom_properties():
    return {"n": 0}

def configure_message_handlers():
    return {
        "noop": {"handler": "noop", "script": "def noop(session, payload):\\n    pass\\n"},
        "count": {"handler": "count", "script": "def count(session, payload):\\n    session.custom.n += 1\\n"},
    }
`;

async function runtimeFor(engine: EngineHost, file: string): Promise<Runtime> {
  return Runtime.create({ source: await loadScriptSource(file), engine });
}

export default async function bench(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'periscope-bench-'));
  const file = join(dir, 'handlers.py');
  writeFileSync(file, handlers);

  // Fresh processes of the bundled CLI (npm run bench builds it): the whole command, start to exit.
  const empty = join(dir, 'empty.py');
  writeFileSync(empty, 'def onStartup(session):\n    pass\n');
  for (const [label, target] of [['an empty .py file', empty], ['the seed with its scenario', 'examples/seed']]) {
    const runs: number[] = [];
    for (let i = 0; i < 3; i++) {
      const t = performance.now();
      execFileSync(process.execPath, ['bin/periscope.mjs', 'simulate', target], { stdio: 'ignore' });
      runs.push(performance.now() - t);
    }
    runs.sort((a, b) => a - b);
    console.log(`CLI process, periscope simulate on ${label} (bundled, median of 3): ${ms(runs[1])} (${runs.map((r) => r.toFixed(0)).join(', ')} ms)`);
  }

  // Cold start in this process: interpreter up, the seed document loaded and configured, ready for a first session.
  let started = performance.now();
  const engine = await EngineHost.start(createPyodideEngine);
  const engineReady = performance.now() - started;
  await runtimeFor(engine, 'examples/seed/session-scripts.md');
  console.log(`cold start (engine + seed document loaded): ${ms(performance.now() - started)} (engine alone ${ms(engineReady)})`);

  const scenario = await readScenario('examples/seed/scenario.json');
  const walls: number[] = [];
  for (let i = 0; i < 5; i++) {
    started = performance.now();
    await simulate({ source: 'examples/seed/session-scripts.md', scenario, engine });
    walls.push(performance.now() - started);
  }
  walls.sort((a, b) => a - b);
  console.log(`seed scenario wall time (${scenario.steps.length} steps, median of 5 warm runs): ${ms(percentile(walls, 50))}`);

  // Round trip of one session message to a handler that does nothing, after warm-up.
  const runtime = await runtimeFor(engine, file);
  await runtime.openPage('rt', '/');
  const session = runtime.session('rt')!;
  const times: number[] = [];
  for (let i = 0; i < 2200; i++) {
    const t = performance.now();
    await runtime.enqueue('rt', () => runtime.message(session, 'noop', {}));
    if (i >= 200) times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  console.log(`message round trip, trivial handler (2000 after 200 warm-up): p50 ${ms(percentile(times, 50))}, p99 ${ms(percentile(times, 99))}`);

  // 100 sessions at once, each opening a page and handling 100 messages that write a custom prop.
  const load = await runtimeFor(engine, file);
  global.gc?.();
  const before = process.memoryUsage();
  started = performance.now();
  const ids = Array.from({ length: 100 }, (_, i) => `c${i}`);
  await Promise.all(ids.map((id) => load.enqueue(id, async () => { await load.openPage(id, '/'); })));
  for (let m = 0; m < 100; m++) {
    for (const id of ids) void load.enqueue(id, () => load.message(load.session(id)!, 'count', { m }));
  }
  await load.settle();
  const elapsed = performance.now() - started;
  global.gc?.();
  const after = process.memoryUsage();
  const total = ids.reduce((sum, id) => sum + Number(load.session(id)!.custom.n), 0);
  console.log(`100 sessions × 100 messages: ${total} handled in ${ms(elapsed)} = ${Math.round(total / (elapsed / 1000))} messages/s`);
  console.log(`memory per session (heap + external delta / 100, trace of ${load.trace.events.length} events included): ` +
    `${((after.heapUsed + after.external - before.heapUsed - before.external) / 100 / 1024).toFixed(1)} KiB; rss delta / 100: ${((after.rss - before.rss) / 100 / 1024).toFixed(1)} KiB`);
  await engine.dispose();
}
