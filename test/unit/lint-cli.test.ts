// `periscope lint` and `periscope rules` as a user runs them: output formats, exit codes, config, fixes, bad input.
import { strict as assert } from 'node:assert';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../shared/cli/main';
import { captureIo } from './cli.test';
import { rules } from '../../shared/lint/rules/index';
import { assertValidSarif } from '../support/sarif-schema';

describe('periscope lint', () => {
  let dir: string;
  beforeEach(() => { dir = mkdtempSync(join(tmpdir(), 'periscope-lint-cli-')); });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  async function run(...args: string[]) {
    const io = Object.assign(captureIo(), { cwd: dir });
    const code = await main(['lint', ...args], io);
    return { code, out: io.out, err: io.err };
  }

  it('prints file:line:col severity rule message and a summary, and exits 1 on errors', async () => {
    writeFileSync(join(dir, 'startup.py'), 'def onStartup(session):\n\tsid = session.id\n');
    const { code, out } = await run('startup.py');
    assert.equal(code, 1);
    assert.equal(out.split('\n')[0], "startup.py:2:8 error no-such-session-attr `session.id` does not exist: session props live under `props`; use `session.props.id`");
    assert.match(out, /^1 error, 0 warnings, 0 infos in 1 file \(1 fixable with --fix\)$/m);
  });

  it("warns about what the Pyodide engine runs differently only when that engine is the one a simulation uses", async () => {
    writeFileSync(join(dir, 'band.py'), 'lo, hi, x = 0, 10, 5\nok = lo < x < hi\nnames = dir()\n');
    const pyodide = await run('band.py', '--engine', 'pyodide');
    assert.match(pyodide.out, /^band\.py:3:9 warning pyodide-differs on the Pyodide engine dir\(\) also lists/m);
    assert.doesNotMatch((await run('band.py', '--engine', 'jython')).out, /pyodide-differs/);
    const bad = await run('band.py', '--engine', 'cpython');
    assert.equal(bad.code, 2);
    assert.match(bad.err, /--engine must be auto, pyodide or jython, not 'cpython'/);
  });

  it('colours severities on a terminal and nowhere else', async () => {
    writeFileSync(join(dir, 'a.py'), 'x = f"{1}"\n');
    const tty = Object.assign(captureIo(), { cwd: dir, isTTY: true });
    await main(['lint', 'a.py'], tty);
    assert.match(tty.out, /a\.py:1:5 \x1b\[31merror\x1b\[0m/);
    assert.doesNotMatch((await run('a.py')).out, /\x1b\[/);
  });

  it('exits 0 when the findings are warnings or infos only', async () => {
    writeFileSync(join(dir, 'events.py'), 'def onLogin(session):\n\tpass\n');
    const { code, out } = await run('.');
    assert.equal(code, 0);
    assert.match(out, /events\.py:1:5 info not-a-session-event/);
  });

  it('prints JSON with version, file count and 1-based positions', async () => {
    writeFileSync(join(dir, 'a.py'), 'x = f"{y}"\n');
    const { out } = await run('--format', 'json', 'a.py');
    const json = JSON.parse(out);
    assert.equal(json.version, 1);
    assert.equal(json.files, 1);
    assert.deepEqual(
      { ...json.diagnostics[0], message: undefined, fix: undefined },
      { file: 'a.py', line: 1, column: 5, endLine: 1, endColumn: 11, severity: 'error', rule: 'py3-only', message: undefined, fix: undefined },
    );
    assert.deepEqual(json.diagnostics[0].fix.edits, [{ start: 4, end: 10, text: '"%s" % (y,)' }]);
  });

  it('prints SARIF 2.1.0 with every rule described and results pointing at the file', async () => {
    writeFileSync(join(dir, 'a.py'), 'def onStartup(session):\n\tsystem.perspective.navigate("/x")\n');
    const sarif = assertValidSarif((await run('--format=sarif', 'a.py')).out);
    assert.equal(sarif.version, '2.1.0');
    const run0 = sarif.runs[0];
    assert.deepEqual(run0.tool.driver.rules.map((r: { id: string }) => r.id), rules.map((r) => r.id));
    const result = run0.results.find((r: { ruleId: string }) => r.ruleId === 'page-call-without-page')!;
    assert.equal(result.level, 'error');
    assert.deepEqual(result.locations[0].physicalLocation.artifactLocation, { uri: 'a.py', uriBaseId: '%SRCROOT%' });
    assert.equal(result.locations[0].physicalLocation.region.startLine, 2);
    assert.equal(run0.tool.driver.rules[result.ruleIndex!].id, 'page-call-without-page');
  });

  it('walks folders, skipping node_modules and .git', async () => {
    for (const sub of ['src', 'node_modules/pkg', '.git/hooks']) {
      mkdirSync(join(dir, sub), { recursive: true });
      writeFileSync(join(dir, sub, 'x.py'), 'z = 1\ny = f"{z}"\n');
    }
    const json = JSON.parse((await run('--format', 'json')).out);
    assert.equal(json.files, 1);
    assert.deepEqual(json.diagnostics.map((d: { file: string }) => d.file), ['src/x.py']);
  });

  it('takes the target and rule severities from the nearest periscope.json, and --target over it', async () => {
    mkdirSync(join(dir, 'scripts'));
    writeFileSync(join(dir, 'periscope.json'), JSON.stringify({ lint: { target: '8.1', rules: { 'no-such-session-attr': 'off' } } }));
    writeFileSync(join(dir, 'scripts', 'a.py'), 'def onStartup(session):\n\tx = session.id\n\tq = system.db.runNamedQuery("Q", {})\n');
    const json81 = JSON.parse((await run('--format', 'json', 'scripts')).out);
    assert.deepEqual(json81.diagnostics, []);
    const json83 = JSON.parse((await run('--format', 'json', '--target', '8.3', 'scripts')).out);
    assert.deepEqual(json83.diagnostics.map((d: { rule: string }) => d.rule), ['deprecated-api']);
  });

  it('refuses a periscope.json naming an unknown rule, with exit 2 and the file named', async () => {
    writeFileSync(join(dir, 'periscope.json'), '{"lint": {"rules": {"no-such-rule": "error"}}}');
    writeFileSync(join(dir, 'a.py'), 'x = 1\n');
    const { code, err } = await run('a.py');
    assert.equal(code, 2);
    assert.match(err, /periscope\.json: unknown rule "no-such-rule"/);
  });

  it('--fix rewrites only the characters of each fix', async () => {
    const text = 'def onStartup(session):\r\n\tsid = session.id   # keep   this\r\n\tmsg = f"{sid}!"\r\n';
    writeFileSync(join(dir, 'a.py'), text);
    const { code, err } = await run('--fix', 'a.py');
    assert.equal(code, 0);
    assert.match(err, /applied 2 fixes/);
    assert.equal(readFileSync(join(dir, 'a.py'), 'utf8'), text.replace('session.id', 'session.props.id').replace('f"{sid}!"', '"%s!" % (sid,)'));
  });

  it('exits 2 for a path that does not exist and for bad options', async () => {
    assert.equal((await run('missing.py')).code, 2);
    assert.equal((await run('--format', 'xml')).code, 2);
    assert.equal((await run('--target', '7.9')).code, 2);
  });

  it('--jobs lints files on worker threads with the same output as the main thread', async () => {
    mkdirSync(join(dir, 'scripts'));
    for (let i = 0; i < 5; i++) writeFileSync(join(dir, 'scripts', `s${i}.py`), `def onStartup(session):\n\tsid = session.id\n${'\tx = f"{sid}"\n'.repeat(i)}`);
    writeFileSync(join(dir, 'scripts', 'periscope.json'), '{"lint": {"rules": {"py3-only": "warning"}}}');
    const threads = await run('--format', 'json', '--jobs', '2', 'scripts');
    const main = await run('--format', 'json', '--jobs', '1', 'scripts');
    assert.equal(threads.code, 1);
    assert.equal(threads.out, main.out);
    assert.match(threads.out, /"severity": "warning",\s+"rule": "py3-only"/);
    const bad = await run('--jobs', '0', 'scripts');
    assert.equal(bad.code, 2);
    assert.match(bad.err, /--jobs must be a number of threads/);
  });
});

describe('periscope lint on bad input', () => {
  let dir: string;
  beforeEach(() => { dir = mkdtempSync(join(tmpdir(), 'periscope-lint-bad-')); });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  async function lint(name: string, content: string | Buffer) {
    writeFileSync(join(dir, name), content);
    const io = Object.assign(captureIo(), { cwd: dir });
    const code = await main(['lint', '--format', 'json', name], io);
    return { code, json: JSON.parse(io.out) as { files: number; diagnostics: Array<{ rule: string; line: number; message: string }> }, err: io.err };
  }

  it('skips a binary file with a reason', async () => {
    const { code, json, err } = await lint('blob.py', Buffer.from([0x80, 0, 1, 2, 0, 255]));
    assert.equal(code, 0);
    assert.equal(json.files, 0);
    assert.match(err, /blob\.py: skipped: binary file/);
  });

  it('reports a file that is not UTF-8 at the line of the first bad byte', async () => {
    const { code, json } = await lint('latin.py', Buffer.concat([Buffer.from('x = 1\n# caf'), Buffer.from([0xe9]), Buffer.from('\n')]));
    assert.equal(code, 1);
    assert.equal(json.diagnostics[0].line, 2);
    assert.match(json.diagnostics[0].message, /not valid UTF-8 \(byte 0xE9 at line 2, column 6\)/);
  });

  it('skips a 10 MB file with a reason instead of stalling', async () => {
    const { json, err } = await lint('huge.py', 'x = 1\n'.repeat(1_800_000));
    assert.equal(json.files, 0);
    assert.match(err, /huge\.py: skipped: 10\.\d MB is larger than the 5 MB/);
  });

  it('lints 5,000 levels of nested brackets and calls without crashing', async () => {
    const { code, json } = await lint('deep.py', `a = ${'('.repeat(5000)}1${')'.repeat(5000)}\nb = ${'str('.repeat(5000)}1${')'.repeat(5000)}\n`);
    assert.equal(code, 0);
    assert.deepEqual(json.diagnostics, []);
    const unclosed = await lint('open.py', `a = ${'['.repeat(5000)}\n`);
    assert.deepEqual(unclosed.json.diagnostics.map((d) => d.rule), ['syntax-error']);
  });

  it('skips JSON that is not part of an Ignition project, saying what to lint instead', async () => {
    const { code, err } = await lint('settings.json', '{"a": 1}');
    assert.equal(code, 0);
    assert.match(err, /settings\.json: skipped: a JSON file outside an Ignition project folder/);
  });
});

describe('periscope rules', () => {
  it('lists every rule with its default severity and summary', async () => {
    const io = captureIo();
    assert.equal(await main(['rules'], io), 0);
    for (const rule of rules) assert.match(io.out, new RegExp(`^${rule.id} +${rule.defaultSeverity} +`, 'm'));
  });

  it('prints one rule\'s documentation, and suggests a near id for a typo', async () => {
    const io = captureIo();
    assert.equal(await main(['rules', 'py3-only'], io), 0);
    assert.match(io.out, /^# py3-only \(error, fixable\)/);
    assert.match(io.out, /## Why is this bad\?/);
    const typo = captureIo();
    assert.equal(await main(['rules', 'py3-onyl'], typo), 2);
    assert.match(typo.err, /did you mean 'py3-only'/);
  });
});
