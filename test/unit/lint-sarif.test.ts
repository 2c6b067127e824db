// `periscope lint --format sarif`: valid SARIF 2.1.0 whose URIs lead back to each file and whose fixes apply.
import { strict as assert } from 'node:assert';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import fc from 'fast-check';
import { main } from '../../shared/cli/main';
import { captureIo } from './cli.test';
import { assertValidSarif, type SarifLog } from '../support/sarif-schema';

const STARTUP = 'def onStartup(session):\n\tsid = session.id\n\tmsg = f"caf\u00e9 {sid}"\n';

/** Where a result's URI leads: resolved against %SRCROOT% as a code-scanning service resolves it. */
function resolvedPath(log: SarifLog, location: { uri: string; uriBaseId?: string }): string {
  const base = location.uriBaseId ? log.runs[0].originalUriBaseIds[location.uriBaseId].uri : undefined;
  return fileURLToPath(new URL(location.uri, base));
}

/** Applies SARIF replacements as a consumer does, by line and column (UTF-16 code units, as columnKind says). */
function applyReplacements(text: string, replacements: Array<{ deletedRegion: Record<string, number>; insertedContent: { text: string } }>): string {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') starts.push(i + 1);
  const offset = (line: number, column: number) => starts[line - 1] + column - 1;
  const edits = replacements.map((r) => ({ start: offset(r.deletedRegion.startLine, r.deletedRegion.startColumn), end: offset(r.deletedRegion.endLine, r.deletedRegion.endColumn), text: r.insertedContent.text }));
  for (const e of edits.sort((a, b) => b.start - a.start)) text = text.slice(0, e.start) + e.text + text.slice(e.end);
  return text;
}

describe('periscope lint --format sarif', () => {
  let dir: string;
  beforeEach(() => { dir = mkdtempSync(join(tmpdir(), 'periscope sarif #1 ')); });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  async function sarif(cwd: string, ...paths: string[]): Promise<SarifLog> {
    const io = Object.assign(captureIo(), { cwd });
    await main(['lint', '--format', 'sarif', ...paths], io);
    return assertValidSarif(io.out);
  }

  it('percent-encodes every URI, relative to %SRCROOT%, so that names with # ? % and spaces lead back to their file', async () => {
    const names = ['hash#1.py', 'what?.py', '100%.py', 'with space.py', 'caf\u00e9.py', 'a:b.py', 'plain.py'];
    mkdirSync(join(dir, 'sub dir'));
    for (const name of names) writeFileSync(join(dir, 'sub dir', name), STARTUP);
    const log = await sarif(dir, 'sub dir');
    const run = log.runs[0];
    assert.equal(run.originalUriBaseIds['%SRCROOT%'].uri, `${pathToFileURL(dir).href}/`);
    const locations = run.results.map((r) => r.locations[0].physicalLocation.artifactLocation);
    assert.ok(locations.every((l) => l.uriBaseId === '%SRCROOT%'));
    assert.deepEqual([...new Set(locations.map((l) => resolvedPath(log, l)))].sort(), names.map((n) => join(dir, 'sub dir', n)).sort());
    const uris = new Set(locations.map((l) => l.uri));
    for (const uri of ['sub%20dir/hash%231.py', 'sub%20dir/what%3F.py', 'sub%20dir/100%25.py', 'sub%20dir/caf%C3%A9.py', 'sub%20dir/a%3Ab.py', 'sub%20dir/plain.py']) assert.ok(uris.has(uri), uri);
  });

  it('names a file outside the working folder by its absolute file URI', async () => {
    writeFileSync(join(dir, 'outside#.py'), STARTUP);
    mkdirSync(join(dir, 'work'));
    const log = await sarif(join(dir, 'work'), join(dir, 'outside#.py'));
    const location = log.runs[0].results[0].locations[0].physicalLocation.artifactLocation;
    assert.equal(location.uriBaseId, undefined);
    assert.match(location.uri, /^file:\/\/\/.*outside%23\.py$/);
    assert.equal(resolvedPath(log, location), join(dir, 'outside#.py'));
  });

  it('gives each fixable finding its fix, whose replacements make what --fix makes', async () => {
    writeFileSync(join(dir, 'a.py'), STARTUP);
    const log = await sarif(dir, 'a.py');
    const fixed = log.runs[0].results.filter((r) => r.fixes);
    assert.deepEqual(fixed.map((r) => r.ruleId), ['no-such-session-attr', 'py3-only']);
    const replacements = fixed.flatMap((r) => r.fixes![0].artifactChanges[0].replacements);
    assert.deepEqual(fixed[0].fixes![0].artifactChanges[0].artifactLocation, { uri: 'a.py', uriBaseId: '%SRCROOT%' });
    const bySarif = applyReplacements(STARTUP, replacements);
    await main(['lint', '--fix', 'a.py'], Object.assign(captureIo(), { cwd: dir }));
    assert.equal(bySarif, readFileSync(join(dir, 'a.py'), 'utf8'));
  });

  it('gives a script inside a project file fixes in the file\'s own lines and columns, escapes included', async () => {
    const P = 'com.inductiveautomation.perspective';
    const file = join(dir, `Plant/${P}/session-scripts/data.bin`);
    mkdirSync(join(dir, `Plant/${P}/session-scripts`), { recursive: true });
    writeFileSync(join(dir, 'Plant/project.json'), '{}');
    writeFileSync(join(dir, `Plant/${P}/session-scripts/resource.json`), '{"attributes": {}}');
    const text = '{\n  "onStartup": "\\t# caf\\u00e9\\n\\tsid \\u003d session.id\\n\\tother \\u003d session.id",\n  "onShutdown": "\\tpass"\n}\n';
    writeFileSync(file, text);
    const log = await sarif(dir, 'Plant');
    const fixed = log.runs[0].results.filter((r) => r.fixes);
    assert.deepEqual(fixed.map((r) => r.ruleId), ['no-such-session-attr', 'no-such-session-attr']);
    const bySarif = applyReplacements(text, fixed.flatMap((r) => r.fixes![0].artifactChanges[0].replacements));
    await main(['lint', '--fix', 'Plant'], Object.assign(captureIo(), { cwd: dir }));
    assert.equal(bySarif, readFileSync(file, 'utf8'));
    assert.match(bySarif, /\\tsid \\u003d session\.props\.id\\n\\tother \\u003d session\.props\.id"/);
  });

  it('is valid SARIF 2.1.0 for files with any name and any findings', async () => {
    const name = fc.string({ minLength: 1, maxLength: 12, unit: fc.constantFrom('a', 'Z', '0', ' ', '#', '?', '%', ':', '&', '=', '[', ']', '@', '!', '\u00e9', '\u4e2d', '\u{1F600}', '~', '+', ';', "'") })
      .filter((n) => n.trim() === n && n !== '.' && n !== '..');
    const body = fc.constantFrom(STARTUP, 'x = f"{y}"\n', 'def onLogin(session):\n\tpass\n', 'def (\n', '');
    await fc.assert(fc.asyncProperty(name, body, async (base, text) => {
      const folder = mkdtempSync(join(dir, 'case-'));
      writeFileSync(join(folder, `${base}.py`), text);
      const log = await sarif(folder, '.');
      for (const result of log.runs[0].results) assert.equal(resolvedPath(log, result.locations[0].physicalLocation.artifactLocation), join(folder, `${base}.py`));
    }), { numRuns: 60, seed: 3986 });
  });
});
