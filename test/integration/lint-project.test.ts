// Linting Ignition project folders through the project loader: positions inside JSON strings, fixes that keep every other byte, 8.3 event files.
import { strict as assert } from 'node:assert';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../shared/cli/main';
import { captureIo } from '../unit/cli.test';
import type { Diagnostic } from '../../shared/lint/diagnostic';

const FIXTURES = join(import.meta.dirname, '../fixtures');
const SESSION_SCRIPTS = 'com.inductiveautomation.perspective/session-scripts';
const PERSPECTIVE = 'com.inductiveautomation.perspective';

async function lint(cwd: string, ...args: string[]) {
  const io = Object.assign(captureIo(), { cwd });
  const code = await main(['lint', ...args], io);
  return { code, io };
}

describe('linting Ignition project folders', () => {
  let dir: string;
  beforeEach(() => { dir = mkdtempSync(join(tmpdir(), 'periscope-lint-project-')); });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('finds nothing wrong in the sample 8.1 project, linted for its own version', async () => {
    const { code, io } = await lint(FIXTURES, '--format', 'json', 'project-81');
    assert.equal(code, 0);
    const json = JSON.parse(io.out) as { files: number; diagnostics: Diagnostic[] };
    assert.ok(json.files > 3);
    assert.deepEqual(json.diagnostics.filter((d) => d.severity !== 'info'), []);
  });

  it('points into data.bin JSON strings and --fix keeps the file\'s escapes byte for byte', async () => {
    cpSync(join(FIXTURES, 'project-81'), join(dir, 'p'), { recursive: true });
    const dataBin = join(dir, 'p', SESSION_SCRIPTS, 'data.bin');
    const original = readFileSync(dataBin, 'utf8')
      .replace('logSession(session.props.id', 'logSession(session.id')
      .replace('"onShutdown": "\\t"', '"onShutdown": "\\tmsg \\u003d f\\"bye {session.props.id}\\"\\n"');
    writeFileSync(dataBin, original);
    const { io } = await lint(dir, '--format', 'json', 'p');
    const found = (JSON.parse(io.out) as { diagnostics: Diagnostic[] }).diagnostics.filter((d) => d.severity !== 'info');
    const line = original.split('\n');
    const attr = found.find((d) => d.rule === 'no-such-session-attr')!;
    assert.equal(attr.file, `p/${SESSION_SCRIPTS}/data.bin`);
    assert.equal(line[attr.line - 1].slice(attr.column - 1, attr.endColumn - 1), 'session.id');
    const fstring = found.find((d) => d.rule === 'py3-only')!;
    assert.equal(line[fstring.line - 1].slice(fstring.column - 1, fstring.column + 1), 'f\\');
    assert.equal(fstring.fix, undefined, 'escaped quotes would need re-encoding, so no fix is offered');

    await lint(dir, '--fix', 'p');
    assert.equal(readFileSync(dataBin, 'utf8'), original.replace('logSession(session.id', 'logSession(session.props.id'));
  });

  it('checks 8.3 event files against their folder, and lints one file of a project with the project\'s knowledge', async () => {
    cpSync(join(FIXTURES, 'project-83'), join(dir, 'p'), { recursive: true });
    const handler = join(dir, 'p', PERSPECTIVE, 'message/legacyPing/handleMessage.py');
    writeFileSync(handler, 'def handleMessage(payload):\n\tsystem.perspective.navigate("/home")\n');
    const { code, io } = await lint(dir, '--format', 'json', `p/${PERSPECTIVE}/message/legacyPing/handleMessage.py`);
    assert.equal(code, 1);
    const found = (JSON.parse(io.out) as { diagnostics: Diagnostic[] }).diagnostics;
    assert.deepEqual(found.map((d) => `${d.line} ${d.rule}`).sort(), ['1 handler-signature', '1 unreachable-session-handler', '2 page-call-without-page']);
    assert.ok(found.every((d) => d.file === `p/${PERSPECTIVE}/message/legacyPing/handleMessage.py`));
  });
});
