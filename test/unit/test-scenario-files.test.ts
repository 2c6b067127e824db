// `periscope test <folder>` finds scenario files in name order, without following folder links or blocking on a FIFO.
import { strict as assert } from 'node:assert';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { findScenarioFiles } from '../../shared/cli/test';
import { main } from '../../shared/cli/main';
import { captureIo } from './cli.test';

describe('the scenario files under a folder', () => {
  let dir: string;
  beforeEach(() => { dir = mkdtempSync(join(tmpdir(), 'periscope-scenarios-')); });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const steps = JSON.stringify({ steps: [{ open: '/' }] });

  it('are found in name order; links to folders, FIFOs and broken links are not walked into, read or kept', () => {
    for (const folder of ['work/a', 'work/c', 'work/node_modules', 'work/.cache', 'elsewhere']) mkdirSync(join(dir, folder), { recursive: true });
    for (const file of ['work/a/1.scenario.json', 'work/b.scenario.yaml', 'work/c/scenario.json', 'work/node_modules/x.scenario.json', 'work/.cache/scenario.json', 'elsewhere/kept.json', 'elsewhere/scenario.json']) {
      writeFileSync(join(dir, file), steps);
    }
    symlinkSync('..', join(dir, 'work/c/up'));
    symlinkSync('../elsewhere', join(dir, 'work/linked-folder'));
    symlinkSync('../elsewhere/kept.json', join(dir, 'work/linked.scenario.json'));
    symlinkSync('nowhere.json', join(dir, 'work/dangling.scenario.json'));
    execFileSync('mkfifo', [join(dir, 'work/pipe.scenario.json')]);
    const { files, skipped } = findScenarioFiles([join(dir, 'work')]);
    assert.deepEqual(files.map((f) => relative(dir, f)), ['work/a/1.scenario.json', 'work/b.scenario.yaml', 'work/c/scenario.json', 'work/linked.scenario.json']);
    assert.deepEqual(skipped.map((s) => `${relative(dir, s.path)}: ${s.reason}`), [
      'work/dangling.scenario.json: cannot be read (ENOENT)',
      'work/pipe.scenario.json: is not a file',
    ]);
  });

  it('runs what it found and names what it skipped: a folder link looping back up is no error', async () => {
    writeFileSync(join(dir, 'events.py'), 'def onStartup(session):\n    session.custom.x = 1\n');
    writeFileSync(join(dir, 'scenario.json'), JSON.stringify({ steps: [{ open: '/' }, { expect: { 'custom.x': 1 } }] }));
    symlinkSync('.', join(dir, 'loop'));
    execFileSync('mkfifo', [join(dir, 'other.scenario.json')]);
    const io = captureIo();
    assert.equal(await main(['test', dir, '--engine', 'pyodide'], io), 0, io.err);
    assert.equal(io.err, `${join(dir, 'other.scenario.json')}: skipped: is not a file\n`);
    assert.match(io.out, /^1 passed, 0 failed$/m);
  });
});
