// Session runtime figures: cold start, the seed's whole scenario, message round trip, 100 concurrent sessions.
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { createPyodideEngine } from '../shared/engine/pyodide';
import { EngineHost } from '../shared/runtime/engine-host';
import { handlersFile, ms, percentile, runtimeFor, seedScenario, sessionsTimesMessages } from './workloads';

export default async function bench(): Promise<void> {
  const file = handlersFile();
  const dir = dirname(file);

  // Fresh processes of the bundled CLI (npm run bench builds it): the whole command, start to exit.
  const empty = join(dir, 'empty.py');
  writeFileSync(empty, 'def onStartup(session):\n    pass\n');
  for (const [label, target] of [['an empty .py file', empty], ['the seed with its scenario', 'examples/seed']]) {
    const runs: number[] = [];
    for (let i = 0; i < 3; i++) {
      const t = performance.now();
      execFileSync(process.execPath, ['bin/periscope.cjs', 'simulate', target, '--engine', 'pyodide'], { stdio: 'ignore' });
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

  const seed = await seedScenario(engine);
  console.log(`seed scenario wall time (${seed.steps} steps, median of 5 warm runs): ${ms(seed.median)}`);

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
  global.gc?.();
  const before = process.memoryUsage();
  const { runtime: load, handled: total, elapsed } = await sessionsTimesMessages(engine, file);
  global.gc?.();
  const after = process.memoryUsage();
  console.log(`100 sessions × 100 messages: ${total} handled in ${ms(elapsed)} = ${Math.round(total / (elapsed / 1000))} messages/s`);
  console.log(`memory per session (heap + external delta / 100, trace of ${load.trace.events.length} events included): ` +
    `${((after.heapUsed + after.external - before.heapUsed - before.external) / 100 / 1024).toFixed(1)} KiB; rss delta / 100: ${((after.rss - before.rss) / 100 / 1024).toFixed(1)} KiB`);
  await engine.dispose();
}
