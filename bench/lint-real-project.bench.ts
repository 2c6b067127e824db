// `periscope lint` on a project the size of a real export, beside pyflakes on the same scripts as .py files: the
// whole command, cold (a new process each run), as a user or a CI job runs it. The two take turns, run by run, so
// that both see the same machine; the median and the fastest of 11 runs each.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { external, median, timeCommand, type Timing } from './command-timing';
import { writeRealSizedProject, writeScriptsAsPython } from './real-project';

const ROOT = join(import.meta.dirname, '..');
const RUNS = 11;

const fastest = (runs: readonly Timing[]): Timing => [...runs].sort((a, b) => a.wall - b.wall)[0];
const figures = (runs: readonly Timing[]): string => {
  const m = median(runs);
  return `wall ${m.wall.toFixed(3)} s (fastest ${fastest(runs).wall.toFixed(3)} s), CPU ${m.cpu.toFixed(2)} s`;
};

export default async function bench(): Promise<void> {
  if (!existsSync(join(ROOT, 'dist/cli-lint.cjs'))) execFileSync('npm', ['run', 'build'], { cwd: ROOT, stdio: 'ignore' });
  const dir = mkdtempSync(join(tmpdir(), 'periscope-real-project-'));
  try {
    const project = writeRealSizedProject(join(dir, 'projects'), 80);
    const py = join(dir, 'py');
    mkdirSync(py);
    const { files, lines } = await writeScriptsAsPython(project, py);
    console.log(`real-sized project: ${files} files holding scripts, ${lines.toLocaleString('en-US')} lines of script (views, library, events, timers)`);
    const lint = () => timeCommand(process.execPath, [join(ROOT, 'bin/periscope.cjs'), 'lint', '--format', 'json', project]);
    const pyflakes = external('pyflakes3');
    if (pyflakes !== 'pyflakes3') {
      console.log(`periscope lint (every rule, 8.3 project folder), cold: ${figures(Array.from({ length: RUNS }, lint))}`);
      console.log(`pyflakes3: ${pyflakes}`);
      return;
    }
    const ours: Timing[] = [];
    const theirs: Timing[] = [];
    for (let run = 0; run < RUNS; run++) {
      ours.push(lint());
      theirs.push(timeCommand('pyflakes3', [py]));
    }
    console.log(`periscope lint (every rule, 8.3 project folder), cold: ${figures(ours)}`);
    console.log(`pyflakes3 (the same scripts as .py files), cold: ${figures(theirs)}`);
    console.log(`periscope / pyflakes wall time, medians: ${(median(ours).wall / median(theirs).wall).toFixed(2)}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
