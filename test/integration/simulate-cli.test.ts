import { strict as assert } from 'node:assert';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../shared/cli/main';
import { captureIo } from '../unit/cli.test';
import { describeEachEngine } from '../support/engines';
import { exportedProject } from '../support/exported-project';
import { writeTree } from '../support/write-tree';

function folder(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'periscope-cli-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

/** The JSON output without what legitimately differs between runs (script durations). */
function stable(out: string): unknown {
  const result = JSON.parse(out) as { events: Array<Record<string, unknown>> };
  for (const event of result.events) delete event.durationMs;
  return result;
}

describeEachEngine('periscope simulate and periscope test', (testEngine) => {
  it('runs the seed example through its scenario: the whole life, its bugs included, exit 0', async () => {
    const io = captureIo();
    assert.equal(await main(['simulate', 'examples/seed', ...testEngine.flags], io), 0);
    assert.match(io.out, /page open \/home/);
    assert.match(io.out, /navigate \/home → \/unauthorized/);
    assert.match(io.out, /AttributeError: 'PyAlarmEvent' object has no attribute 'activeTime'/);
    assert.match(io.out, /popup open idle-warning Popups\/IdleWarning modal/);
    assert.match(io.out, /auth logout admin ok/);
    assert.match(io.out, /query LogSessionMetrics/);
    assert.match(io.out, /expectations: \d+ passed, 0 failed/);
  });

  it('prints one JSON object with events, sessions and expectations, the same on every run', async () => {
    const first = captureIo();
    const second = captureIo();
    assert.equal(await main(['simulate', 'examples/seed', '--format', 'json', ...testEngine.flags], first), 0);
    assert.equal(await main(['simulate', 'examples/seed', '--format', 'json', ...testEngine.flags], second), 0);
    const result = JSON.parse(first.out);
    assert.deepEqual(Object.keys(result), ['version', 'events', 'sessions', 'expectations']);
    assert.equal(result.version, 1);
    assert.deepEqual(Object.keys(result.sessions[0]).sort(), ['closed', 'custom', 'id', 'pages', 'props']);
    assert.deepEqual(Object.keys(result.sessions[0].pages[0]).sort(), ['id', 'path', 'popups', 'primaryView', 'views']);
    assert.deepEqual(Object.keys(result.expectations).sort(), ['failed', 'failures', 'passed']);
    assert.equal(result.expectations.failed, 0);
    assert.ok(result.expectations.passed > 0);
    for (const event of result.events) {
      assert.ok(typeof event.seq === 'number' && typeof event.time === 'number' && typeof event.kind === 'string' && 'session' in event);
      if (['page', 'navigate', 'popup'].includes(event.kind)) assert.match(event.page, /^s1-p\d+$/, `${event.kind} event ${event.seq} names its page`);
    }
    const seqs = result.events.map((e: { seq: number }) => e.seq);
    assert.deepEqual(seqs, seqs.map((_: number, i: number) => seqs[0] + i), 'events are numbered in order, without gaps');
    const pageStartup = result.events.find((e: { kind: string; event?: string }) => e.kind === 'script' && e.event === 'onPageStartup');
    assert.equal(pageStartup.page, 's1-p1');
    assert.deepEqual(stable(first.out), stable(second.out));
  });

  it('exits 1 with --strict where the seed would fail on a gateway', async () => {
    const io = captureIo();
    assert.equal(await main(['simulate', 'examples/seed', '--strict', ...testEngine.flags], io), 1);
    // Both engines fail the load at the f-string in the words of Jython's own parser.
    assert.match(io.out, /load Session Startup .* SyntaxError: no viable alternative at input '.*' at examples\/seed\/session-scripts\.md:31\n/);
    assert.match(io.out, /strict: py3-only: examples\/seed\/session-scripts\.md:31: f-string/);
  });

  it('runs a default scenario (open the first page, close) without --scenario', async () => {
    const dir = folder({ 'events.py': 'def onStartup(session):\n    system.util.getLogger("t").info("hello")\n' });
    const io = captureIo();
    assert.equal(await main(['simulate', join(dir, 'events.py'), ...testEngine.flags], io), 0);
    assert.match(io.out, /session open/);
    assert.match(io.out, /log t INFO hello/);
    assert.match(io.out, /session close/);
  });

  it('exits 1 when an expectation fails and 2 for unreadable input, naming the file', async () => {
    const dir = folder({
      'events.py': 'def onStartup(session):\n    session.custom.x = 1\n',
      'wrong.json': JSON.stringify({ steps: [{ open: '/' }, { expect: { 'custom.x': 2 } }] }),
      'unknown.json': JSON.stringify({ steps: [{ open: '/' }, { fly: true }] }),
    });
    const failed = captureIo();
    assert.equal(await main(['simulate', join(dir, 'events.py'), '--scenario', join(dir, 'wrong.json'), ...testEngine.flags], failed), 1);
    assert.match(failed.out, /✗ .*wrong\.json: step 2: expected custom\.x to be 2, but it is 1/);
    const unknown = captureIo();
    assert.equal(await main(['simulate', join(dir, 'events.py'), '--scenario', join(dir, 'unknown.json'), ...testEngine.flags], unknown), 2);
    assert.match(unknown.err, /unknown\.json: step 2: unknown step "fly"/);
    const missing = captureIo();
    assert.equal(await main(['simulate', join(dir, 'nothing.md'), ...testEngine.flags], missing), 2);
    assert.match(missing.err, /nothing\.md: no such file or folder/);
    const usage = captureIo();
    assert.equal(await main(['simulate', join(dir, 'events.py'), '--format', 'xml', ...testEngine.flags], usage), 2);
  });

  it('cuts long values in a failed expectation and says where they first differ', async () => {
    const rows = (qty: number) => Array.from({ length: 50 }, (_, i) => ({ line: `Line${i}`, qty: i === 37 ? qty : i }));
    const dir = folder({
      'events.py': `def onStartup(session):\n    session.custom.rows = [{"line": "Line%d" % i, "qty": 0 if i == 37 else i} for i in range(50)]\n`,
      'rows.json': JSON.stringify({ steps: [{ open: '/' }, { expect: { 'custom.rows': rows(37) } }] }),
    });
    const io = captureIo();
    assert.equal(await main(['simulate', join(dir, 'events.py'), '--scenario', join(dir, 'rows.json'), ...testEngine.flags], io), 1);
    const line = io.out.split('\n').find((l) => l.includes('expected custom.rows'))!;
    assert.ok(line.length < 700, `one readable line, not ${line.length} characters`);
    assert.match(line, /expected custom\.rows to be \[\{"line":"Line0","qty":0\}.*…, but it is \[.*…; they first differ at custom\.rows\[37\]\.qty: 37 expected, 0 found$/);
  });

  it('periscope test prints one line per scenario and the totals, exit 1 on a failure', async () => {
    const dir = folder({
      'events.py': 'def onStartup(session):\n    session.custom.x = 1\n',
      'good.scenario.json': JSON.stringify({ name: 'good', steps: [{ open: '/' }, { expect: { 'custom.x': 1 } }] }),
      'bad.scenario.json': JSON.stringify({ name: 'bad', steps: [{ open: '/' }, { expect: { 'custom.x': 3 } }] }),
    });
    const io = captureIo();
    assert.equal(await main(['test', dir, ...testEngine.flags], io), 1);
    assert.match(io.out, /^✗ bad: 1 of 1 expectations failed$/m);
    assert.match(io.out, /^✓ good \(1 expectations\)$/m);
    assert.match(io.out, /1 passed, 1 failed\n$/);
    const seed = captureIo();
    assert.equal(await main(['test', 'examples/seed', ...testEngine.flags], seed), 0);
    assert.match(seed.out, /1 passed, 0 failed\n$/);
  });

  it('runs a project with a missing parent, missing views and QueryString parameters, exit 0, and says what it ran with', async () => {
    const io = captureIo();
    assert.equal(await main(['simulate', 'test/fixtures/lint/missing-view/bad/Plant'], io), 0);
    assert.match(io.out, /divergence \[missing-view\].*"Docks\/Nav"/);
    assert.match(io.err, /the project has 3 problems a gateway runs with \(3 missing-view\); each fails where it is used/);
    const parentless = captureIo();
    assert.equal(await main(['simulate', 'test/fixtures/lint/missing-parent-project/bad/projects/Plant'], parentless), 0);
    assert.match(parentless.err, /1 missing-parent-project/);
  });

  it('periscope test runs the scenarios of a project with missing pieces to the end, and says what it ran with', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'periscope-cli-'));
    exportedProject(join(dir, 'Plant'));
    writeFileSync(join(dir, 'Plant', 'scenario.json'), JSON.stringify({
      name: 'exported',
      steps: [
        { open: '/' },
        { expect: { 'custom.ready': true, 'custom.rate': 5 } },
        { message: 'orders', payload: { line: 'Filler' } },
        { expect: { 'custom.count': 2 } },
        { navigate: '/report' },
        { close: true },
      ],
    }));
    const io = captureIo();
    assert.equal(await main(['test', join(dir, 'Plant'), ...testEngine.flags], io), 0);
    assert.match(io.out, /^✓ exported \(3 expectations\)$/m);
    assert.match(io.err, /^periscope test: exported: the project has \d+ problems a gateway runs with \(.*missing-view.*\)/m);
    assert.match(io.err, /1 missing-parent-project/);
  });

  it('runs a project whose inheritance loops, one whose parent periscope.json names, and one with damaged resources', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'periscope-cli-'));
    const library = (text: string) => ({ 'code.py': text, 'resource.json': JSON.stringify({ scope: 'A', version: 1, files: ['code.py'], attributes: {} }) });
    const files: Record<string, string> = {
      'A/project.json': JSON.stringify({ title: 'A', parent: 'B', enabled: true }),
      'B/project.json': JSON.stringify({ title: 'B', parent: 'A', enabled: true }),
    };
    for (const [name, text] of Object.entries(library('def total():\n\treturn 3\n'))) files[`B/ignition/script-python/shared/${name}`] = text;
    writeTree(dir, files);
    const loop = captureIo();
    assert.equal(await main(['simulate', join(dir, 'A'), ...testEngine.flags], loop), 0);
    assert.match(loop.out, /load shared \(.*B\/ignition\/script-python\/shared\/code\.py:1\).* ok/);
    assert.match(loop.err, /the project has 1 problem a gateway runs with \(1 missing-parent-project\)/);

    const configured = captureIo();
    assert.equal(await main(['simulate', 'test/fixtures/lint/missing-parent-project/good/configured/Plant', ...testEngine.flags], configured), 0);
    assert.match(configured.out, /load filters \(.*exports\/Core\/ignition\/script-python\/filters\/code\.py:1\).* ok/);
    assert.equal(configured.err, '');

    const damaged = captureIo();
    assert.equal(await main(['simulate', 'test/fixtures/lint/invalid-resource/bad/Plant', ...testEngine.flags], damaged), 0);
    assert.match(damaged.out, /page open \//);
    assert.match(damaged.out, /session close/);
    assert.match(damaged.err, /the project has 4 problems a gateway runs with \(4 invalid-resource\)/);
  });
});
