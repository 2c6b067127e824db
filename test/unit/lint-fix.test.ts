// `periscope lint --fix` never damages a file: only the reported spans change, only the named file, only over what was linted.
import { strict as assert } from 'node:assert';
import fs, { chownSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, rmSync, statSync, symlinkSync, unlinkSync, writeFileSync, chmodSync } from 'node:fs';
import { syncBuiltinESMExports } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { main } from '../../shared/cli/main';
import { fixInPlace, type LintRun } from '../../shared/cli/lint-fix';
import { sharedLinter } from '../../shared/lint/linter';
import { collectSources } from '../../shared/lint/sources';
import { writeFileFixes } from '../../shared/lint/write-fixes';
import { captureIo } from './cli.test';
import { writeTree } from '../support/write-tree';
import { assertFixesChangeOnlyTheirSpans, editedBytes } from '../fuzz/targets';

const P = 'com.inductiveautomation.perspective';
const STARTUP = 'def onStartup(session):\n\tsid = session.id\n\tmsg = f"{sid}!"\n';
const FIXED_STARTUP = 'def onStartup(session):\n\tsid = session.props.id\n\tmsg = "%s!" % (sid,)\n';

/** The lint of `paths` as `periscope lint` computes it, for driving fix passes by hand. */
async function lintNow(paths: string[]): Promise<LintRun> {
  const linter = await sharedLinter();
  const sources = await collectSources(paths);
  return { sources, diagnostics: sources.units.flatMap((unit) => [...unit.findings, ...linter.lintScripts(unit.scripts, { globals: unit.globals ?? [] })]) };
}

describe('periscope lint --fix', () => {
  let dir: string;
  beforeEach(() => { dir = mkdtempSync(join(tmpdir(), 'periscope-fix-')); });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  async function run(...args: string[]) {
    const io = Object.assign(captureIo(), { cwd: dir });
    const code = await main(['lint', ...args], io);
    return { code, out: io.out, err: io.err };
  }

  it('keeps every byte outside the fixes: a byte order mark, CRLF and lone CR line ends, accents and emoji', async () => {
    const before = '\uFEFF# caf\u00e9 \u{1F600}\r\ndef onStartup(session):\r\tsid = session.id  # \u00fcber \u{1F680}\r\n\tmsg = f"{sid} \u00e9t\u00e9"\r\n';
    writeFileSync(join(dir, 'a.py'), before);
    const { code, err } = await run('--fix', 'a.py');
    assert.equal(code, 0, err);
    const expected = before.replace('session.id', 'session.props.id').replace('f"{sid} \u00e9t\u00e9"', '"%s \u00e9t\u00e9" % (sid,)');
    assert.deepEqual(readFileSync(join(dir, 'a.py')), Buffer.from(expected, 'utf8'));
  });

  it('refuses to fix a data.bin that is not UTF-8, names its first bad byte, and leaves it byte for byte', async () => {
    writeTree(join(dir, 'Plant'), { 'project.json': '{}', [`${P}/session-scripts/resource.json`]: '{"attributes": {}}' });
    const file = join(dir, `Plant/${P}/session-scripts/data.bin`);
    const bytes = Buffer.concat([Buffer.from('{\n  "onStartup": "\\tsid = session.id\\n\\t# caf'), Buffer.from([0xe9]), Buffer.from('",\n  "onShutdown": "\\tpass"\n}\n')]);
    writeFileSync(file, bytes);
    const { code, out, err } = await run('--fix', '--format', 'json', 'Plant');
    assert.deepEqual(readFileSync(file), bytes);
    assert.equal(code, 1);
    const utf8 = JSON.parse(out).diagnostics.find((d: { message: string }) => /not valid UTF-8/.test(d.message));
    assert.deepEqual([utf8.line, utf8.column, utf8.severity], [2, 44, 'error']);
    assert.match(err, /Plant\/com\.inductiveautomation\.perspective\/session-scripts\/data\.bin: not fixed: the file is not valid UTF-8 \(byte 0xE9 at line 2, column 44\)/);
    assert.match(err, /applied 0 fixes/);
  });

  it('keeps the file mode, and writes through a symbolic link to the file it points to', async () => {
    writeFileSync(join(dir, 'real.py'), STARTUP);
    chmodSync(join(dir, 'real.py'), 0o640);
    symlinkSync('real.py', join(dir, 'link.py'));
    const { code } = await run('--fix', 'link.py');
    assert.equal(code, 0);
    assert.equal(readFileSync(join(dir, 'real.py'), 'utf8'), FIXED_STARTUP);
    assert.ok(lstatSync(join(dir, 'link.py')).isSymbolicLink());
    assert.equal(readlinkSync(join(dir, 'link.py')), 'real.py');
    assert.equal(statSync(join(dir, 'real.py')).mode & 0o777, 0o640);
    assert.deepEqual(readdirSync(dir).sort(), ['link.py', 'real.py'], 'no temporary file is left behind');
  });

  it('keeps the owner and group of a file it rewrites', async function () {
    if (process.getuid?.() !== 0) this.skip();
    writeFileSync(join(dir, 'a.py'), STARTUP);
    chownSync(join(dir, 'a.py'), 4321, 8765);
    await run('--fix', 'a.py');
    const stats = statSync(join(dir, 'a.py'));
    assert.deepEqual([stats.uid, stats.gid], [4321, 8765]);
    assert.equal(readFileSync(join(dir, 'a.py'), 'utf8'), FIXED_STARTUP);
  });

  it('never applies fixes to content they were not computed from: a file changed after linting is linted again', async () => {
    const file = join(dir, 'a.py');
    writeFileSync(file, STARTUP);
    const linted = await lintNow([file]);
    const edited = `# edited meanwhile\n${STARTUP.replace('sid = session.id', 'sid = session.id if session else None')}`;
    writeFileSync(file, edited);
    const stale = linted.diagnostics.filter((d) => d.fix?.safe).map((d) => d.fix!);
    assert.deepEqual(writeFileFixes({ file, text: STARTUP, fixes: stale }), { status: 'changed' });
    assert.equal(readFileSync(file, 'utf8'), edited);
    const report = await fixInPlace(linted, () => lintNow([file]));
    assert.equal(readFileSync(file, 'utf8'), `# edited meanwhile\n${FIXED_STARTUP.replace('sid = session.props.id', 'sid = session.props.id if session else None')}`);
    assert.equal(report.notFixed.size, 0);
  });

  it('lints and fixes a named file beside a project folder, and changes nothing else', async () => {
    const dataBin = '{"onStartup": "\\tsid = session.id"}';
    writeTree(join(dir, 'w'), { 'lone.py': STARTUP, 'Plant/project.json': '{}', [`Plant/${P}/session-scripts/data.bin`]: dataBin });
    const { code, out } = await run('--fix', 'w/lone.py');
    assert.equal(code, 0);
    assert.match(out, /0 errors, 0 warnings, 0 infos in 1 file/);
    assert.equal(readFileSync(join(dir, 'w/lone.py'), 'utf8'), FIXED_STARTUP);
    assert.equal(readFileSync(join(dir, `w/Plant/${P}/session-scripts/data.bin`), 'utf8'), dataBin);
  });

  it('lints a named Python file inside a project folder that the project does not load as a script', async () => {
    writeTree(join(dir, 'Plant'), { 'project.json': '{}', 'tools/notes.py': STARTUP });
    const { code, out } = await run('--format', 'json', 'Plant/tools/notes.py');
    assert.equal(code, 1);
    assert.deepEqual(JSON.parse(out).diagnostics.map((d: { file: string; rule: string }) => `${d.file} ${d.rule}`), ['Plant/tools/notes.py no-such-session-attr', 'Plant/tools/notes.py py3-only']);
  });

  it('fixes an f-string around session.id in two passes', async () => {
    writeFileSync(join(dir, 'a.py'), 'def onStartup(session):\n\tx = f"{session.id}"\n');
    const { err } = await run('--fix', 'a.py');
    assert.match(err, /applied 2 fixes/);
    assert.equal(readFileSync(join(dir, 'a.py'), 'utf8'), 'def onStartup(session):\n\tx = "%s" % (session.props.id,)\n');
  });
});

describe('fix passes on randomly edited files', () => {
  let dir: string;
  before(() => { dir = mkdtempSync(join(tmpdir(), 'periscope-fix-property-')); });
  after(() => rmSync(dir, { recursive: true, force: true }));

  const BASES = [
    STARTUP,
    'def handleMessage(session, payload):\n\tname = f"{payload[\'name\']}"\n\tsession.custom.who = session.id\n',
    '# Session\n\n```python\ndef onStartup(session):\n\tsid = session.id\n\tprint(f"{sid}")\n```\n\nText after, caf\u00e9.\n',
  ];
  /** Pieces a person or a broken editor inserts: code that has fixes, other scripts' characters, and line ends of every kind. */
  const PIECES = ['session.id', 'f"{x}"', 'f"{session.id}"', '\u00e9', '\u{1F600}', '\r', '\r\n', '\n', '\t', ' ', '"', "'", '#', '\\', '```', 'def f(session):\n\t', '\u2028', 'x = f"{y!r}"\n'];
  it('change only the bytes of the fixes each pass reports, and nothing in a file that is not UTF-8', async () => {
    await fc.assert(fc.asyncProperty(editedBytes(BASES, fc.constantFrom(...PIECES)), async ({ base, bytes }) => {
      await assertFixesChangeOnlyTheirSpans(join(dir, BASES[base].startsWith('#') ? 'doc.md' : 'script.py'), bytes);
    }), { numRuns: 150, seed: 20261127 });
  });
});

describe('periscope.json in odd shapes', () => {
  let dir: string;
  beforeEach(() => { dir = mkdtempSync(join(tmpdir(), 'periscope-config-')); });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('is a folder: a clear error with exit 2, for lint and for simulate', async () => {
    mkdirSync(join(dir, 'periscope.json'));
    writeFileSync(join(dir, 'a.py'), 'def onStartup(session):\n\tpass\n');
    for (const command of ['lint', 'simulate']) {
      const io = Object.assign(captureIo(), { cwd: dir });
      assert.equal(await main([command, join(dir, 'a.py')], io), 2, command);
      assert.match(io.err, /periscope\.json:?.*is a folder; .*periscope\.json file, so rename or remove the folder/, command);
    }
  });

  it('starts with a byte order mark: lint reads its settings, and simulate its gateway, alike', async () => {
    writeFileSync(join(dir, 'periscope.json'), '\uFEFF{"users": [{"username": "ana", "password": "pw", "roles": ["Operator"]}], "lint": {"rules": {"no-such-session-attr": "off"}}}');
    writeFileSync(join(dir, 'a.py'), 'def onStartup(session):\n\tsid = session.id\n');
    const lint = Object.assign(captureIo(), { cwd: dir });
    assert.equal(await main(['lint', 'a.py'], lint), 0, lint.err);
    assert.match(lint.out, /^0 errors/m);
    writeFileSync(join(dir, 'walk.json'), '{"steps": [{"open": "/"}, {"login": "ana", "password": "pw"}, {"expect": {"props.auth.user.userName": "ana"}}]}');
    const simulate = Object.assign(captureIo(), { cwd: dir });
    assert.equal(await main(['simulate', join(dir, 'a.py'), '--scenario', join(dir, 'walk.json')], simulate), 0, simulate.err);
    assert.match(simulate.out, /expectations: 1 passed, 0 failed/);
  });
});

describe('periscope lint on folders that change while they are read', () => {
  it('lints /proc/self/fd, whose entries vanish as it is listed, without an error', async () => {
    const io = captureIo();
    assert.equal(await main(['lint', '/proc/self/fd'], io), 0, io.err);
    assert.match(io.out, /^0 errors, 0 warnings, 0 infos in 0 files$/m);
  });

  it('skips a script deleted between the listing of its folder and its reading, saying so, and lints the rest', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'periscope-vanish-'));
    writeFileSync(join(dir, 'a.py'), STARTUP);
    writeFileSync(join(dir, 'gone.py'), STARTUP);
    // The walk lists the folder, then looks at each entry: gone.py is deleted just before it is looked at.
    const nodeFs = fs as { lstatSync: typeof lstatSync };
    const lstat = nodeFs.lstatSync;
    nodeFs.lstatSync = ((path: string, ...rest: []) => {
      if (path === join(dir, 'gone.py')) unlinkSync(path);
      return lstat(path, ...rest);
    }) as typeof fs.lstatSync;
    syncBuiltinESMExports();
    try {
      const io = Object.assign(captureIo(), { cwd: dir });
      assert.equal(await main(['lint', '.'], io), 1, io.err);
      assert.equal(io.err, 'gone.py: skipped: vanished while the folder was read (ENOENT)\n');
      assert.match(io.out, /^a\.py:2:8 error no-such-session-attr/m);
      assert.match(io.out, /in 1 file/);
    } finally {
      nodeFs.lstatSync = lstat;
      syncBuiltinESMExports();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
