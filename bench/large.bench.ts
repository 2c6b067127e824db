// Very large inputs, each through the bundled CLI in a fresh process: views of 150 000 components (simulate and
// lint), one with a script on every component, and a scenario of 100 000 steps, with wall time and peak memory.
// `npm run bench -- large`.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeLargeViewProject, writeLongScenario } from './large-inputs';

const cli = join(import.meta.dirname, '..', 'bin', 'periscope.cjs');

/** Runs the CLI once; its peak resident memory comes from a preload that reports it as the process exits. */
function run(preload: string, args: string[]): { seconds: number; peakMb: number; status: number | null } {
  const started = performance.now();
  const child = spawnSync(process.execPath, ['--import', preload, cli, ...args], { encoding: 'utf8', maxBuffer: 1 << 30 });
  const seconds = (performance.now() - started) / 1000;
  const peak = /periscope-bench-maxrss (\d+)/.exec(child.stderr ?? '');
  return { seconds, peakMb: peak ? Number(peak[1]) / 1024 : NaN, status: child.status };
}

export default async function largeBench(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'periscope-large-'));
  try {
    const preload = join(dir, 'maxrss.mjs');
    writeFileSync(preload, "process.on('exit', () => process.stderr.write(`periscope-bench-maxrss ${process.resourceUsage().maxRSS}\\n`));\n");
    const large = writeLargeViewProject(dir);
    const scripted = writeLargeViewProject(dir, { scriptEvery: 1, name: 'scripted-view' });
    const { document, scenario } = writeLongScenario(dir);
    // The runtime's figures on one engine: PERISCOPE_BENCH_ENGINE=jython for the other.
    const engine = ['--engine', process.env.PERISCOPE_BENCH_ENGINE ?? 'pyodide'];
    const size = (file: string): string => `${(statSync(file).size / 1e6).toFixed(1)} MB`;
    console.log(`large view: view.json of ${size(large.view)}, 150 300 components, 1 500 with an event script; scripted view: ${size(scripted.view)}, every component with one; a scenario of 100 000 steps`);
    for (const [what, args] of [
      ['simulate the large view (open its page, close)', ['simulate', large.project, ...engine]],
      ['lint the large view', ['lint', large.project]],
      ['simulate the scripted view', ['simulate', scripted.project, ...engine]],
      ['lint the scripted view', ['lint', scripted.project]],
      ['simulate the 100 000-step scenario', ['simulate', document, '--scenario', scenario, ...engine]],
    ] as const) {
      const { seconds, peakMb, status } = run(preload, [...args]);
      console.log(`${what}: ${seconds.toFixed(1)} s, peak ${peakMb.toFixed(0)} MB, exit ${status}`);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
