// Timing whole commands as a user runs them: a new process each run, its output discarded.
import { spawnSync } from 'node:child_process';

/** Wall-clock and CPU seconds: on a shared machine CPU time is the steadier figure, so both are printed. */
export interface Timing {
  wall: number;
  cpu: number;
}

export function seconds(start: bigint): number {
  return Number(process.hrtime.bigint() - start) / 1e9;
}

/** Runs a command with its output discarded; `times` reports the CPU the command and its children used. */
export function timeCommand(command: string, args: string[]): Timing {
  const start = process.hrtime.bigint();
  const run = spawnSync('bash', ['-c', '"$@" >/dev/null 2>&1; times', 'bench', command, ...args], { encoding: 'utf8' });
  const wall = seconds(start);
  const children = run.stdout.trim().split('\n').pop() ?? '';
  const cpu = [...children.matchAll(/(\d+)m([\d.]+)s/g)].reduce((sum, m) => sum + Number(m[1]) * 60 + Number(m[2]), 0);
  return { wall, cpu };
}

/** The median of some timings, by wall time. */
export function median(runs: readonly Timing[]): Timing {
  return [...runs].sort((a, b) => a.wall - b.wall)[runs.length >> 1];
}

/** The command's name when it is installed, else what to install. */
export function external(command: string): string {
  const which = spawnSync('sh', ['-c', `command -v ${command}`]);
  if (which.status !== 0) return `not installed (apt-get install -y ${command})`;
  return command;
}
