// Python engine figures: cold start to ready (bundled, fresh process) and the invoke round trip with one host call.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as esbuild from 'esbuild';
import { createPyodideEngine } from '../shared/engine/pyodide';
import { LineIndex, OriginMap } from '../shared/source/origin';

const root = join(import.meta.dirname, '..');

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/** Bundles a tiny program the way the CLI is bundled (engine worker as a sibling bundle) and times fresh processes. */
async function coldStart(): Promise<void> {
  // Inside node_modules/.cache so that the bundles' external packages resolve as they do for dist/.
  const cache = join(root, 'node_modules', '.cache', 'periscope');
  mkdirSync(cache, { recursive: true });
  const dir = mkdtempSync(join(cache, 'bench-'));
  try {
    const node = { bundle: true, platform: 'node', format: 'esm', target: 'node20', packages: 'external', logLevel: 'warning', absWorkingDir: root } as const;
    const probe = join(dir, 'probe.ts');
    writeFileSync(
      probe,
      `import { createPyodideEngine } from ${JSON.stringify(join(root, 'shared/engine/pyodide.ts'))};\n` +
        `const t = performance.now();\nconst e = await createPyodideEngine({ hostCall: () => null });\n` +
        `console.log(performance.now() - t);\nawait e.dispose();\n`,
    );
    await esbuild.build({ ...node, entryPoints: [probe], outfile: join(dir, 'probe.mjs') });
    await esbuild.build({ ...node, entryPoints: [join(root, 'shared/engine/worker.ts')], outfile: join(dir, 'engine-worker.mjs') });
    const plain = join(dir, 'plain.mjs');
    writeFileSync(
      plain,
      `import { loadPyodide } from ${JSON.stringify(join(root, 'node_modules/pyodide/pyodide.mjs'))};\n` +
        `const t = performance.now();\nconst p = await loadPyodide();\np.runPython('import json, decimal, datetime');\n` +
        `console.log(performance.now() - t);\n`,
    );
    const run = (file: string): number => Number(execFileSync(process.execPath, [file], { cwd: root, encoding: 'utf8' }).trim().split('\n').at(-1));
    run(join(dir, 'probe.mjs')); // makes the snapshot if this Pyodide version has none yet
    const withSnapshot = [1, 2, 3].map(() => run(join(dir, 'probe.mjs')));
    const withoutSnapshot = [1, 2, 3].map(() => run(plain));
    console.log(`cold start, createPyodideEngine to ready, memory snapshot: median ${median(withSnapshot).toFixed(0)} ms (${withSnapshot.map((t) => t.toFixed(0)).join(', ')})`);
    console.log(`cold start, plain loadPyodide, no snapshot: median ${median(withoutSnapshot).toFixed(0)} ms (${withoutSnapshot.map((t) => t.toFixed(0)).join(', ')})`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function roundTrip(): Promise<void> {
  let hostCalls = 0;
  const engine = await createPyodideEngine({ hostCall: () => ++hostCalls });
  try {
    const text = 'import periscope_host\ndef handleMessage(session, payload):\n    return periscope_host.call("session.read", payload["n"])\n';
    const script = { id: 'bench.py', role: { kind: 'module' as const }, text, origin: OriginMap.slice('bench.py', new LineIndex(text), 0) };
    await engine.load({ script, namespace: 'bench' });
    const invoke = () => engine.invoke({ target: { namespace: 'bench', name: 'handleMessage' }, args: [{ $session: 's1' }, { n: 1 }] });
    for (let i = 0; i < 500; i++) await invoke();
    const times: number[] = [];
    for (let i = 0; i < 5000; i++) {
      const t = performance.now();
      await invoke();
      times.push(performance.now() - t);
    }
    times.sort((a, b) => a - b);
    console.log(`invoke round trip with one host call (5000 after 500 warm-up): p50 ${percentile(times, 50).toFixed(3)} ms, p99 ${percentile(times, 99).toFixed(3)} ms`);
  } finally {
    await engine.dispose();
  }
}

export default async function engineBench(): Promise<void> {
  await coldStart();
  await roundTrip();
}
