// `periscope serve` on a project shaped like real exports (parent not exported, views missing, QueryString
// parameters): the built gateway starts, says what it runs with, and a session goes on past every missing piece.
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TraceEvent } from '../../shared/runtime/trace';
import { exportedProject } from '../support/exported-project';
import { inspectorAt, ROOT, serve, type Served } from '../support/serve';

describe('periscope serve on a project with missing pieces', function () {
  let served: Served | undefined;
  let dir: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'periscope-serve-export-'));
    exportedProject(join(dir, 'Plant'));
  });
  after(async () => {
    await served?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('starts, says what the project runs with, and runs a session past the missing view and parent', async () => {
    served = await serve([join(dir, 'Plant'), '--port', '0', '--quiet', '--engine', 'pyodide']);
    assert.match(await served.waitFor(/^periscope serve: the project has/), /\(.*missing-view.*\); each fails where it is used/);
    const inspector = await inspectorAt(served.inspectorUrl!);
    const { session, page } = await inspector.request('open', { path: '/' });
    await inspector.request('send', { session, page, message: 'orders', payload: { line: 'Filler' }, handler: 'session' });
    await inspector.request('navigate', { session, page, path: '/report' });
    const { events } = await inspector.request('trace', { after: 0 });
    const missing = events.filter((e): e is Extract<TraceEvent, { kind: 'divergence' }> => e.kind === 'divergence' && e.rule === 'missing-view');
    assert.deepEqual([...new Set(missing.map((d) => d.message.match(/the view "([^"]+)"/)?.[1]))].sort(), ['Docks/Nav', 'Parts/Legend', 'Reports/Shift']);
    const startup = events.find((e): e is Extract<TraceEvent, { kind: 'script' }> => e.kind === 'script' && e.event === 'onStartup' && e.name === 'onStartup');
    assert.equal(startup?.error?.type, 'NameError', 'the missing parent\'s library is undefined where it is used');
    const { value } = await inspector.request('read', { session, path: 'custom.count' });
    assert.equal(value, 2, 'the message handler ran its QueryString query after the failures');
    inspector.close();
    assert.equal(await served.stop(), 0);
    served = undefined;
  });

  it('exits 2 only for input it cannot read at all, naming it', () => {
    const missing = spawnSync(process.execPath, ['bin/periscope.cjs', 'serve', join(dir, 'Nowhere'), '--port', '0', '--engine', 'pyodide'], { cwd: ROOT, encoding: 'utf8' });
    assert.equal(missing.status, 2);
    assert.match(missing.stderr, /Nowhere: no such file or folder/);
  });
});
