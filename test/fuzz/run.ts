// `npm run fuzz`: every fuzz target for a share of 100,000 generated cases (or `-- --cases N --seed S`), in a child
// process watched for hangs, with cases per second reported per target. Exits 1 on a failure or a hang.
import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import os from 'node:os';
import { rmSync } from 'node:fs';
import fc from 'fast-check';
import { fuzzFolder, targets } from './targets';

/** A case that gives no sign of progress for this long is a hang, not a slow case: the slowest take well under a second. */
const HANG_SECONDS = 120;

interface Plan {
  cases: number;
  seed: number;
}

type Report =
  | { kind: 'progress'; target: string; done: number }
  | { kind: 'result'; target: string; cases: number; ms: number; error?: string };

if (!process.send) {
  const args = process.argv.slice(2);
  const option = (name: string, fallback: number) => {
    const at = args.indexOf(name);
    return at === -1 ? fallback : Number(args[at + 1]);
  };
  const plan: Plan = { cases: option('--cases', 100_000), seed: option('--seed', Date.now() % 2 ** 31) };
  console.log(`machine: ${os.cpus().length} x ${os.cpus()[0]?.model ?? 'cpu'}, node ${process.version}; ${plan.cases} cases, seed ${plan.seed}`);
  const worker = fork(fileURLToPath(import.meta.url), [JSON.stringify(plan)], { execArgv: ['--import', 'tsx'] });
  let current = '';
  let done = 0;
  let lastProgress = Date.now();
  let failed = false;
  let total = 0;
  const watchdog = setInterval(() => {
    if (Date.now() - lastProgress < HANG_SECONDS * 1000) return;
    console.log(`HANG: ${current} made no progress for ${HANG_SECONDS} s after ${done} cases; reproduce with npm run fuzz -- --seed ${plan.seed}`);
    failed = true;
    worker.kill('SIGKILL');
  }, 1000);
  worker.on('message', (report: Report) => {
    lastProgress = Date.now();
    current = report.target;
    if (report.kind === 'progress') {
      done = report.done;
      return;
    }
    total += report.cases;
    const rate = report.cases / (report.ms / 1000);
    console.log(`${report.error ? 'FAIL' : 'ok  '} ${report.target.padEnd(32)} ${String(report.cases).padStart(7)} cases  ${(report.ms / 1000).toFixed(1).padStart(6)} s  ${rate.toFixed(0).padStart(6)} cases/s`);
    if (report.error) {
      failed = true;
      console.log(report.error);
    }
  });
  worker.on('exit', (code, signal) => {
    if (code !== 0 && !failed) {
      failed = true;
      console.log(`FAIL: the fuzz process stopped (${signal ?? `exit ${code}`}) in ${current || 'its first target'}`);
    }
    clearInterval(watchdog);
    console.log(`${total} cases in all${failed ? ', with failures' : ', no failure'}`);
    process.exitCode = failed ? 1 : 0;
  });
} else {
  const plan = JSON.parse(process.argv[2]) as Plan;
  const post = (report: Report) => process.send!(report);
  const weights = targets.reduce((sum, t) => sum + t.weight, 0);
  const folder = fuzzFolder();
  try {
    for (const target of targets) {
      const cases = Math.round((plan.cases * target.weight) / weights);
      let done = 0;
      const property = target.property(folder).beforeEach(async (previous) => {
        if (++done % 100 === 0) post({ kind: 'progress', target: target.name, done });
        await previous();
      });
      const start = performance.now();
      const details = await fc.check(property, { numRuns: cases, seed: plan.seed, endOnFailure: true });
      post({ kind: 'result', target: target.name, cases: details.numRuns, ms: performance.now() - start, ...(details.failed ? { error: fc.defaultReportMessage(details) } : {}) });
    }
  } finally {
    rmSync(folder, { recursive: true, force: true });
    process.disconnect();
  }
}
