// Python engine figures, both engines side by side in one run: cold, first-ever and warm start, the invoke and host
// call round trips, the seed's whole scenario, 100 sessions × 100 messages, and the CLI on the seed.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as esbuild from 'esbuild';
import { cacheDir } from '../shared/engine/cache';
import { createJythonEngine } from '../shared/engine/jython/engine';
import { createPyodideEngine } from '../shared/engine/pyodide';
import type { Engine, Value } from '../shared/engine/types';
import { LineIndex, OriginMap } from '../shared/source/origin';
import { planEngine, startEngine, type EngineChoice } from '../shared/runtime/engine-choice';
import { handlersFile, median, ms, percentile, seedScenario, sessionsTimesMessages } from './workloads';

const root = join(import.meta.dirname, '..');
type Name = Exclude<EngineChoice, 'auto'>;
const rows: Array<[string, Record<Name, string>]> = [];

function record(figure: string, name: Name, value: string): void {
  let row = rows.find(([f]) => f === figure);
  if (!row) rows.push((row = [figure, { pyodide: '', jython: '' }]));
  row[1][name] = value;
  console.log(`${name}: ${figure}: ${value}`);
}

const spread = (runs: number[]): string => `${median(runs).toFixed(0)} ms (${runs.map((r) => r.toFixed(0)).join(', ')})`;

/** Fresh processes of a tiny bundled program that starts an engine the way the CLI does and prints the time to ready. */
async function starts(name: Name): Promise<void> {
  // Inside node_modules/.cache so that the bundles' external packages resolve as they do for dist/.
  const cache = join(root, 'node_modules', '.cache', 'periscope');
  mkdirSync(cache, { recursive: true });
  const dir = mkdtempSync(join(cache, 'bench-'));
  try {
    const node = { bundle: true, platform: 'node', format: 'esm', target: 'node20', packages: 'external', logLevel: 'warning', absWorkingDir: root } as const;
    const probe = join(dir, 'probe.ts');
    writeFileSync(
      probe,
      `import { startEngine } from ${JSON.stringify(join(root, 'shared/runtime/engine-choice.ts'))};\n` +
        `const t = performance.now();\nconst e = await startEngine({ engine: ${JSON.stringify(name)} });\n` +
        `console.log(performance.now() - t);\nawait e.dispose();\n`,
    );
    await esbuild.build({ ...node, entryPoints: [probe], outfile: join(dir, 'probe.mjs') });
    await esbuild.build({ ...node, entryPoints: [join(root, 'shared/engine/worker.ts')], outfile: join(dir, 'engine-worker.mjs') });
    const run = (): number => Number(execFileSync(process.execPath, [join(dir, 'probe.mjs')], { cwd: root, encoding: 'utf8' }).trim().split('\n').at(-1));
    // First-ever start: nothing cached (Pyodide makes its memory snapshot; Jython compiles its Python side and
    // indexes the Java packages). Then fresh processes with the caches that start left.
    if (name === 'jython') rmSync(cacheDir('jython')!, { recursive: true, force: true });
    else for (const file of readdirSync(cacheDir()!).filter((f) => /^pyodide-.*\.snapshot$/.test(f))) rmSync(join(cacheDir()!, file), { force: true });
    record('first-ever start, nothing cached (fresh process, engine to ready)', name, `${run().toFixed(0)} ms`);
    record('cold start, caches made (fresh process, engine to ready, median of 3)', name, spread([run(), run(), run()]));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function script(text: string) {
  return { id: 'bench.py', role: { kind: 'module' as const }, text, origin: OriginMap.slice('bench.py', new LineIndex(text), 0) };
}

/** Times of `count` invokes after `warm` untimed ones, sorted; every one must succeed. */
async function invokes(engine: Engine, name: string, args: Value[], count = 5000, warm = 500): Promise<number[]> {
  const invoke = async () => {
    const outcome = await engine.invoke({ target: { namespace: 'bench', name }, args });
    if (!outcome.ok) throw new Error(`${name} failed: ${outcome.error.type}: ${outcome.error.message}`);
  };
  for (let i = 0; i < warm; i++) await invoke();
  const times: number[] = [];
  for (let i = 0; i < count; i++) {
    const t = performance.now();
    await invoke();
    times.push(performance.now() - t);
  }
  return times.sort((a, b) => a - b);
}

/** A bare engine whose host calls answer a number, as the runtime answers a prop read. */
function bareEngine(name: Name): Promise<Engine> {
  let n = 0;
  const options = { hostCall: () => ++n };
  const plan = planEngine({ engine: name });
  return plan.name === 'jython' ? createJythonEngine(options, plan.jython) : createPyodideEngine(options);
}

async function inProcess(name: Name, file: string): Promise<void> {
  let started = performance.now();
  await (await bareEngine(name)).dispose();
  const firstMs = performance.now() - started;
  started = performance.now();
  const engine = await bareEngine(name);
  record('warm start: the next engine in the same process, after the first was disposed (what replacing an interpreter costs)', name, `${ms(performance.now() - started)} (the first: ${firstMs.toFixed(0)} ms)`);
  const loaded = await engine.load({
    script: script('import periscope_host\ndef noop():\n    return None\ndef calls(n):\n    for i in xrange(n):\n        periscope_host.call("n")\n'),
    namespace: 'bench',
  });
  if (!loaded.ok) throw new Error(`the bench script failed to load: ${loaded.error.message}`);
  const plain = await invokes(engine, 'noop', []);
  record('invoke round trip, a handler doing nothing (5000 after 500 warm-up)', name, `p50 ${ms(percentile(plain, 50))}, p99 ${ms(percentile(plain, 99))}`);
  const hundred = await invokes(engine, 'calls', [100], 500, 50);
  const perCall = (percentile(hundred, 50) - percentile(plain, 50)) / 100;
  record('host call round trip (a handler making 100 host calls, p50, less the empty invoke, / 100)', name, ms(perCall));
  await engine.dispose();
  const host = await startEngine({ engine: name });
  // One untimed run of each first: the JVM compiles what runs often, so its first runs measure its compiler.
  await seedScenario(host, 1);
  const seed = await seedScenario(host);
  record(`the seed's whole scenario on a warm engine (load, configure, ${seed.steps} steps; median of 5 after one)`, name, ms(seed.median));
  await sessionsTimesMessages(host, file);
  const load = await sessionsTimesMessages(host, file);
  record('100 sessions × 100 messages (session.custom.n += 1: two host calls each; the second of two runs)', name, `${ms(load.elapsed)} = ${Math.round(load.handled / (load.elapsed / 1000))} messages/s`);
  await host.dispose();
}

/** The bundled CLI in fresh processes: engine start-up overlapped with reading the seed, then its scenario. */
function cli(name: Name): void {
  const runs = [1, 2, 3].map(() => {
    const t = performance.now();
    execFileSync(process.execPath, ['bin/periscope.cjs', 'simulate', 'examples/seed', '--engine', name], { cwd: root, stdio: 'ignore' });
    return performance.now() - t;
  });
  record('periscope simulate examples/seed, bundled CLI, fresh process, start to exit (median of 3)', name, spread(runs));
}

export default async function engineBench(): Promise<void> {
  const names: Name[] = ['pyodide'];
  const jython = planEngine({ engine: 'auto' });
  if (jython.name === 'jython') names.push('jython');
  else console.log(`jython: not measured (${jython.reason})`);
  const file = handlersFile();
  for (const name of names) await starts(name);
  for (const name of names) cli(name);
  for (const name of names) await inProcess(name, file);
  console.log(`\n| Figure | ${names.join(' | ')} |\n|---|${names.map(() => '---').join('|')}|`);
  for (const [figure, values] of rows) console.log(`| ${figure} | ${names.map((n) => values[n]).join(' | ')} |`);
}
