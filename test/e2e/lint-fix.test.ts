// `periscope lint --fix` as separate processes: three at once on one folder, and a write that the file system refuses.
import { strict as assert } from 'node:assert';
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const bin = resolve('bin/periscope.cjs');

/** Scripts with fixes that touch each other's lines: a wrong offset shows as garbage such as `session.props.idops.id`. */
function script(n: number): string {
  const lines = ['def handleMessage(session, payload):'];
  for (let i = 0; i < n % 7 + 3; i++) lines.push(`\tv${i} = session.id`, `\tmsg${i} = f"{v${i}} caf\u00e9 ${i}"`, `\tboth${i} = f"{session.id}"`);
  return lines.join('\n') + '\n';
}

function lintFix(folder: string): Promise<number | null> {
  return new Promise((done) => {
    const child = spawn(process.execPath, [bin, 'lint', '--fix', folder], { stdio: 'ignore' });
    child.on('close', done);
  });
}

describe('periscope lint --fix, run as processes', () => {
  let dir: string;
  beforeEach(() => { dir = mkdtempSync(join(tmpdir(), 'periscope-fix-e2e-')); });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('three runs at once on one folder leave each file as one run alone leaves it', async () => {
    const original = join(dir, 'original');
    mkdirSync(original);
    for (let i = 0; i < 12; i++) writeFileSync(join(original, `s${i}.py`), script(i));
    const alone = join(dir, 'alone');
    cpSync(original, alone, { recursive: true });
    assert.equal(spawnSync(process.execPath, [bin, 'lint', '--fix', alone]).status, 0);
    for (let round = 0; round < 3; round++) {
      const shared = join(dir, `shared${round}`);
      cpSync(original, shared, { recursive: true });
      const codes = await Promise.all([lintFix(shared), lintFix(shared), lintFix(shared)]);
      for (const code of codes) assert.ok(code === 0 || code === 1, `exit ${code}`);
      for (let i = 0; i < 12; i++) assert.equal(readFileSync(join(shared, `s${i}.py`), 'utf8'), readFileSync(join(alone, `s${i}.py`), 'utf8'), `round ${round}, s${i}.py`);
      assert.deepEqual(readdirSync(shared).filter((f) => !f.endsWith('.py')), [], 'no temporary file is left behind');
    }
    assert.match(readFileSync(join(alone, 's0.py'), 'utf8'), /\tboth0 = "%s" % \(session\.props\.id,\)\n/);
  });

  it('a write the file system refuses (file size limit, as a full disk) leaves the file whole and exits 2', function () {
    const file = join(dir, 'big.py');
    const text = `def onStartup(session):\n\tsid = session.id\n${'\t# a comment line that makes the file larger than the limit\n'.repeat(200)}`;
    writeFileSync(file, text);
    // 4 blocks of 1 KiB: the file can be read, but a new file stops growing at 4 KiB, as on a disk that fills up.
    const run = spawnSync('bash', ['-c', `trap "" XFSZ; ulimit -f 4; exec "${process.execPath}" "${bin}" lint --fix big.py`], { cwd: dir, encoding: 'utf8' });
    assert.equal(run.status, 2, run.stderr);
    assert.match(run.stderr, /^big\.py: not fixed: cannot be written \(EFBIG\); the file is unchanged$/m);
    assert.equal(readFileSync(file, 'utf8'), text);
    assert.deepEqual(readdirSync(dir), ['big.py']);
  });
});
