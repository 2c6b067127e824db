// The built `periscope` command as a user runs it: a separate process, the bundled CLI, real files, exit codes.
import { strict as assert } from 'node:assert';
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { LINT_COMMANDS } from '../../shared/cli/main-lint';

const bin = resolve('bin/periscope.cjs');

function periscope(args: string[], cwd = process.cwd()): { status: number | null; stdout: string; stderr: string } {
  const run = spawnSync(process.execPath, [bin, ...args], { cwd, encoding: 'utf8', timeout: 120_000 });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

describe('the periscope command, built and run as a process', () => {
  it('lists its commands', () => {
    const run = periscope(['--help']);
    assert.equal(run.status, 0);
    for (const command of ['lint', 'rules', 'simulate', 'test']) assert.match(run.stdout, new RegExp(`^  ${command} `, 'm'));
  });

  it('starts lint and rules from their own bundle, and both answer as the full command line does', () => {
    const chosen = /const LINT_COMMANDS = \[([^\]]*)\]/.exec(readFileSync(bin, 'utf8'))?.[1].match(/'([^']+)'/g)?.map((q) => q.slice(1, -1));
    assert.deepEqual(chosen, LINT_COMMANDS.map((c) => c.name));
    const rules = periscope(['rules']);
    assert.equal(rules.status, 0);
    assert.match(rules.stdout, /^missing-parent-project +warning /m);
    const help = periscope(['lint', '--help']);
    assert.equal(help.status, 0);
    assert.match(help.stdout, /^Usage: periscope lint/m);
    const usage = periscope(['--debug', 'lint', '--format', 'xml', '.']);
    assert.equal(usage.status, 2);
    assert.match(usage.stderr, /Run 'periscope lint --help' for usage/);
  });

  it("simulates the seed's whole life and reports its f-strings as divergences at their lines", () => {
    const run = periscope(['simulate', 'examples/seed', '--format', 'json']);
    assert.equal(run.status, 0, run.stderr);
    const result = JSON.parse(run.stdout);
    assert.equal(result.version, 1);
    assert.deepEqual(result.expectations.failed, 0);
    const fStrings = result.events.filter((e: { kind: string; rule?: string }) => e.kind === 'divergence' && e.rule === 'py3-only');
    assert.deepEqual(fStrings.map((e: { line: number }) => e.line), [31, 79, 374]);
  });

  it('lints the seed: errors exit 1, each f-string found at its line', () => {
    const run = periscope(['lint', 'examples/seed/session-scripts.md', '--format', 'json']);
    assert.equal(run.status, 1);
    const report = JSON.parse(run.stdout);
    const lines = report.diagnostics.filter((d: { rule: string }) => d.rule === 'py3-only').map((d: { line: number }) => d.line);
    assert.deepEqual(lines, [31, 79, 374]);
  });

  it('fixes what it can in a copy of the seed, and the fixed file lints with fewer errors', () => {
    const dir = mkdtempSync(join(tmpdir(), 'periscope-e2e-'));
    const file = join(dir, 'session-scripts.md');
    cpSync('examples/seed/session-scripts.md', file);
    const before = JSON.parse(periscope(['lint', file, '--format', 'json']).stdout).diagnostics.length;
    periscope(['lint', file, '--fix']);
    assert.match(readFileSync(file, 'utf8'), /session\.props\.auth\.user\.userName/);
    const after = JSON.parse(periscope(['lint', file, '--format', 'json']).stdout).diagnostics.length;
    assert.ok(after < before, `${after} findings after --fix, ${before} before`);
  });

  it('runs the scenarios of the seed and of both fixture projects, ending with the totals', () => {
    const run = periscope(['test', 'examples/seed', 'test/fixtures/project-81', 'test/fixtures/project-83']);
    assert.equal(run.status, 0, run.stdout + run.stderr);
    assert.match(run.stdout, /^3 passed, 0 failed$/m);
  });

  it('says in simulate --help what --engine auto chooses on this machine', () => {
    const run = periscope(['simulate', '--help']);
    assert.equal(run.status, 0);
    assert.match(run.stdout, /Here auto chooses: (jython \(.+\.jar from .+, java from .+\)|pyodide \(.+apt-get install jython\))\./);
  });

  it('names the engine in the first line of the trace, and fails in one line when the Jython asked for is missing', () => {
    const run = periscope(['simulate', 'examples/seed', '--engine', 'pyodide']);
    assert.equal(run.status, 0, run.stderr);
    assert.match(run.stdout.split('\n')[0], /^00:00\.000 -\s+engine pyodide: Pyodide [\d.]+ \(Python 3[\d.]+\) \(--engine pyodide\)$/);
    const missing = periscope(['simulate', 'examples/seed', '--engine', 'jython', '--jython', 'no/such/jython.jar']);
    assert.equal(missing.status, 2);
    assert.equal(missing.stderr, 'periscope simulate: --engine jython: the Jython jar no/such/jython.jar (from --jython) does not exist; name a Jython 2.7 jar, or install one: apt-get install jython\n');
  });

  it('runs to its end with its own exit code when its reader stops reading, as `periscope lint | head -1` does', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'periscope-e2e-pipe-'));
    // About 400 KB of findings: far more than a pipe holds, so the command is still writing when the reader leaves.
    for (let i = 0; i < 200; i++) writeFileSync(join(dir, `s${i}.py`), `def onStartup(session):\n${'\tsid = session.id\n'.repeat(10)}`);
    for (const args of [['lint', dir], ['lint', dir, '--format', 'json']]) {
      const child = spawn(process.execPath, [bin, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
      let stderr = '';
      child.stderr.on('data', (chunk) => { stderr += chunk; });
      child.stdout.once('data', () => child.stdout.destroy());
      const status = await new Promise((done) => child.on('close', done));
      assert.equal(status, 1, `${args.join(' ')}: ${stderr}`);
      assert.equal(stderr, '');
    }
    rmSync(dir, { recursive: true, force: true });
  });

  it('names the file it cannot read and exits 2', () => {
    const run = periscope(['simulate', 'no/such/scripts.md']);
    assert.equal(run.status, 2);
    assert.match(run.stderr, /no\/such\/scripts\.md/);
  });
});
