// `periscope lint` reads scripts and never runs them: code that would leave a mark on the machine leaves none.
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';

const bin = resolve('bin/periscope.cjs');
const P = 'com.inductiveautomation.perspective';

describe('periscope lint and project code', () => {
  let dir: string;
  beforeEach(() => { dir = mkdtempSync(join(tmpdir(), 'periscope-no-run-')); });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('runs none of it, at module level or in events, in documents, Python files and projects', () => {
    const marks = ['module', 'event', 'document', 'library', 'view', 'data-bin'].map((name) => join(dir, `ran-${name}`));
    /** Python that leaves `mark` behind in three ways if anything ever runs it. */
    const leaveMark = (mark: string, indent = '') => [
      `${indent}import os`,
      `${indent}os.system("touch ${mark}")`,
      `${indent}open("${mark}", "w").write("ran")`,
      `${indent}__import__("subprocess").call(["touch", "${mark}"])`,
    ].join('\n');
    const files: Record<string, string> = {
      'scripts/startup.py': `${leaveMark(marks[0])}\n\ndef onStartup(session):\n${leaveMark(marks[1], '\t')}\n`,
      'scripts/session.md': `# Session\n\n\`\`\`python\n${leaveMark(marks[2])}\n\`\`\`\n`,
      'Plant/project.json': '{"title": "Plant"}',
      'Plant/ignition/script-python/tools/code.py': `${leaveMark(marks[3])}\n`,
      'Plant/ignition/script-python/tools/resource.json': '{"attributes": {}}',
      [`Plant/${P}/views/Main/view.json`]: JSON.stringify({ root: { type: 'ia.container.flex', meta: { name: 'root' }, events: { dom: { onClick: { type: 'script', config: { script: leaveMark(marks[4], '\t') } } } } } }),
      [`Plant/${P}/views/Main/resource.json`]: '{"attributes": {}}',
      [`Plant/${P}/session-scripts/data.bin`]: JSON.stringify({ onStartup: leaveMark(marks[5], '\t') }),
    };
    for (const [path, text] of Object.entries(files)) {
      mkdirSync(dirname(join(dir, path)), { recursive: true });
      writeFileSync(join(dir, path), text);
    }
    const run = spawnSync(process.execPath, [bin, 'lint', '--format', 'json', dir], { encoding: 'utf8' });
    assert.equal(run.status, 0, run.stderr);
    const found = JSON.parse(run.stdout).diagnostics.filter((d: { rule: string }) => d.rule === 'host-access');
    // Every file read is linted: its `import os` is reported, so the code was seen, and not run.
    assert.deepEqual([...new Set(found.map((d: { file: string }) => d.file.slice(dir.length + 1)))].sort(), [
      `Plant/${P}/session-scripts/data.bin`, `Plant/${P}/views/Main/view.json`, 'Plant/ignition/script-python/tools/code.py', 'scripts/session.md', 'scripts/startup.py',
    ]);
    for (const mark of marks) assert.equal(existsSync(mark), false, `${mark} exists: lint ran the code`);
  });
});
