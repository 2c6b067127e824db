// Differential test: every script of the fixture projects, of test/fixtures/jython/ and of the fidelity suite
// (test/fidelity/scripts/) is compiled by Debian's real Jython 2.7, as the gateway wraps it, and checked by the
// linter's syntax rules; the two must agree both ways: what Jython rejects the linter reports as an error, and what
// Jython compiles the linter does not.
import { strict as assert } from 'node:assert';
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { discoverProjects } from '../../shared/loaders/project';
import { Linter } from '../../shared/lint/linter';
import { rules } from '../../shared/lint/rules/index';
import { pythonFileScript } from '../../shared/lint/text-scripts';
import type { Script } from '../../shared/source/script';

const FIXTURES = 'test/fixtures';
/** The rules that say a script does not compile: the grammar and Jython's compiler, and Python-3-only syntax. */
const COMPILE_RULES = new Set(['syntax-error', 'py3-only']);

function pythonFiles(dir: string): string[] {
  return readdirSync(dir).sort().flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? pythonFiles(path) : name.endsWith('.py') ? [path] : [];
  });
}

/** Project folders among the fixtures: the sample projects and the projects of the lint rule fixtures. */
function projectFolders(): string[] {
  const found: string[] = [];
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir).sort()) {
      const path = join(dir, name);
      if (!statSync(path).isDirectory()) continue;
      if (['project.json', 'com.inductiveautomation.perspective', 'ignition'].some((f) => readdirSync(path).includes(f))) found.push(path);
      else walk(path);
    }
  };
  walk(FIXTURES);
  return found;
}

async function corpus(): Promise<Script[]> {
  const scripts: Script[] = [];
  for (const folder of projectFolders()) for (const project of await discoverProjects(folder)) scripts.push(...project.scripts);
  for (const file of [...pythonFiles(join(FIXTURES, 'jython')), ...pythonFiles('test/fidelity/scripts')]) scripts.push(pythonFileScript(file, readFileSync(file, 'utf8')));
  // The same script inherited by several projects is one job.
  return [...new Map(scripts.map((s) => [s.id, s])).values()];
}

/**
 * Scripts whose error the linter reports on another line than Jython, and why. Where Jython's lexer drops a line
 * break, its parser stops at the first token of the joined line; tree-sitter's recovery marks the token before.
 */
const LINE_DIFFERENCES: Record<string, string> = {
  'test/fixtures/jython/syntax/lone-bang-at-line-end.py': 'Jython: line 2 (the joined `y`); the linter: line 1 (the `1` before the dropped line break)',
};

type Verdict = { line: number | null; type: string; message: string } | null;

function compileWithJython(scripts: readonly Script[]): Record<string, Verdict> | undefined {
  try {
    const input = JSON.stringify(scripts.map((s) => ({ id: s.id, text: s.text })));
    const stdout = execFileSync('jython', ['test/support/jython-compile.py'], { input, encoding: 'utf8', timeout: 300_000, maxBuffer: 64 << 20 });
    return JSON.parse(stdout.trim().split('\n').pop()!) as Record<string, Verdict>;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

const hasJython = (() => {
  try {
    execFileSync('jython', ['--version'], { stdio: 'ignore', timeout: 60_000 });
    return true;
  } catch {
    return false;
  }
})();

(hasJython ? describe : describe.skip)(`the linter's syntax check agrees with real Jython 2.7 on every fixture script${hasJython ? '' : ' (skipped: no jython on PATH; apt-get install jython)'}`, () => {
  let scripts: Script[];
  let verdicts: Record<string, Verdict>;
  let linter: Linter;

  before(async function () {
    this.timeout(300_000);
    scripts = await corpus();
    verdicts = compileWithJython(scripts)!;
    linter = await Linter.create(rules.filter((r) => COMPILE_RULES.has(r.id)));
  });
  after(() => linter?.dispose());

  it('covers the fixture projects, every kind of script they hold, and the Jython corpus', () => {
    const kinds = new Set(scripts.map((s) => s.role.kind));
    for (const kind of ['session-event', 'component-event', 'library', 'gateway-event', 'webdev', 'alarm-pipeline', 'report-data-source', 'module']) {
      assert.ok(kinds.has(kind as Script['role']['kind']), `no ${kind} script in the corpus`);
    }
    const failing = scripts.filter((s) => verdicts[s.id] !== null).length;
    assert.ok(failing >= 30 && scripts.length - failing >= 30, `both verdicts are represented (${failing} of ${scripts.length} fail to compile)`);
  });

  it('reports an error exactly where Jython refuses to compile, and nothing where it compiles', () => {
    const disagreements: string[] = [];
    for (const script of scripts) {
      const jython = verdicts[script.id];
      const found = linter.lintScripts([script]).filter((d) => COMPILE_RULES.has(d.rule) && d.severity === 'error');
      if (Boolean(jython) === found.length > 0) continue;
      const where = relative('.', script.id);
      disagreements.push(jython
        ? `${where}: Jython says ${jython.type} at line ${jython.line}: ${jython.message}; the linter finds nothing`
        : `${where}: Jython compiles it; the linter says ${found.map((d) => `${d.line}:${d.column} ${d.message}`).join(' | ')}`);
    }
    assert.deepEqual(disagreements, []);
  });

  it('reports each script that Jython refuses at the line Jython names', () => {
    const elsewhere: string[] = [];
    for (const script of scripts) {
      const line = verdicts[script.id]?.line;
      // Line 0: Jython names no line (an error at the end of the input).
      if (!line || Object.hasOwn(LINE_DIFFERENCES, relative('.', script.id))) continue;
      const found = linter.lintScripts([script]).filter((d) => COMPILE_RULES.has(d.rule) && d.severity === 'error');
      if (found.length === 0 || found.some((d) => d.line === line)) continue;
      elsewhere.push(`${relative('.', script.id)}: Jython says line ${line} (${verdicts[script.id]!.message}); the linter says ${found.map((d) => `${d.line}: ${d.message}`).join(' | ')}`);
    }
    assert.deepEqual(elsewhere, []);
  });
});
