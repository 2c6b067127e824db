// system.file, system.net and system.util.execute act on a simulated gateway machine: traced, never on this one.
import { strict as assert } from 'node:assert';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { EngineHost } from '../../shared/runtime/engine-host';
import { parseScenario } from '../../shared/runtime/scenario';
import { simulate } from '../../shared/runtime/simulation';
import { describeEachEngine } from '../support/engines';

describeEachEngine('the gateway machine scripts reach', function (testEngine) {
  let engine: EngineHost;
  let dir: string;
  before(async function () {
    this.timeout(180_000);
    engine = await testEngine.start();
    dir = mkdtempSync(join(tmpdir(), 'periscope-machine-'));
  });
  after(async () => {
    await engine.dispose();
    rmSync(dir, { recursive: true, force: true });
  });

  /** Writes a session-script document and runs `steps` on it. */
  async function simulateDocument(name: string, text: string, steps: unknown[]) {
    writeFileSync(join(dir, name), text);
    const scenario = parseScenario(join(dir, 'scenario.json'), JSON.stringify({ steps }));
    return simulate({ source: join(dir, name), scenario, engine });
  }

  it('simulates files, host facts, programs and requests, traces each, and touches nothing here', async () => {
    const executed = join(dir, 'executed');
    const written = join(dir, 'written.txt');
    const text = [
      '# Machine', '', '```python',
      'def onStartup(session):',
      `    system.util.execute(["touch", "${executed}"])`,
      `    system.file.writeFile("${written}", "x")`,
      `    system.file.writeFile("${written}", "y", True)`,
      `    session.custom.read = system.file.readFileAsString("${written}")`,
      `    session.custom.exists = [system.file.fileExists("${written}"), system.file.fileExists("${dir}/other")]`,
      '    session.custom.host = system.net.getHostName()',
      '    session.custom.before = True',
      '    system.net.httpGet("http://127.0.0.1:9/")',
      '    session.custom.after = True',
      '```', '',
    ].join('\n');
    const result = await simulateDocument('scripts.md', text, [
      { open: '/' }, { expect: { 'custom.read': 'xy', 'custom.exists': [true, false], 'custom.host': 'gateway', 'custom.before': true } },
    ]);
    assert.deepEqual(result.expectations.failures, []);
    assert.equal(existsSync(executed), false, 'no program ran');
    assert.equal(existsSync(written), false, 'no file was written here');
    const calls = result.events.flatMap((e) => (e.kind === 'call' ? [e.function] : []));
    assert.deepEqual(calls, ['system.file.writeFile', 'system.file.writeFile', 'system.file.readFileAsString', 'system.file.fileExists', 'system.file.fileExists', 'system.net.getHostName']);
    const refused = result.events.flatMap((e) => (e.kind === 'divergence' && e.rule === 'host-access' ? [[e.message.split('(')[0], e.line]] : []));
    assert.deepEqual(refused, [['system.util.execute', 5], ['system.net.httpGet', 12]]);
    const startup = result.events.find((e) => e.kind === 'script' && e.name === 'onStartup');
    assert.equal(startup?.kind === 'script' && startup.error?.type, 'java.net.ConnectException');
    assert.equal((result.sessions[0].custom as Record<string, unknown>).after, undefined);
  });

  // On Jython these calls do what a gateway's do, on this machine: nothing to name.
  if (testEngine.name === 'pyodide') it('names each write of a script\'s own file calls and each read of a gateway-only file at its line', async () => {
    const report = join(dir, 'report_s1.csv');
    const text = [
      '# Session Scripts', '', '## Session Startup', '', '```python',
      'def onStartup(session):',
      '    """Load the shift from the gateway\'s configuration file"""',
      '    try:',
      '        session.custom.shift = open("/usr/local/bin/ignition/data/shift.cfg").read().strip()',
      '    except IOError:',
      '        session.custom.shift = "day"',
      '```', '', '## Message Handlers', '', '```python',
      'def configure_message_handlers():',
      '    return {',
      '        "exportReport": {',
      '            "handler": "onExportReport",',
      '            "scope": "session",',
      '            "script": \'\'\'',
      'def onExportReport(session, payload):',
      '    import csv',
      `    path = "${dir}/report_%s.csv" % session.props.id`,
      '    out = open(path, "w")',
      '    csv.writer(out).writerow(["user", "pageViews"])',
      '    out.close()',
      '    log = file(path, "a")',
      '    log.write("%s,%d\\\\n" % (payload.get("user", "Anonymous"), 3))',
      '    log.close()',
      '    session.custom.exported = len(open(path).read().splitlines())',
      '\'\'\'},',
      '    }',
      '```', '',
    ].join('\n');
    const result = await simulateDocument('session-scripts.md', text, [
      { open: '/' }, { message: 'exportReport', payload: { user: 'admin' } }, { expect: { 'custom.shift': 'day', 'custom.exported': 2 } },
    ]);
    assert.deepEqual(result.expectations.failures, []);
    assert.equal(existsSync(report), false, 'the report stayed in the simulator');
    const lineOf = (needle: string) => text.split('\n').findIndex((line) => line.includes(needle)) + 1;
    const named = result.events.flatMap((e) => (e.kind === 'divergence' && e.rule === 'host-access' ? [[e.message.replace(/ (changes files|reads the gateway's disk).*$/, ''), e.line]] : []));
    assert.deepEqual(named, [
      ["open('/usr/local/bin/ignition/data/shift.cfg')", lineOf('shift.cfg')],
      [`open('${report}', 'w')`, lineOf('out = open(path')],
      [`open('${report}', 'a')`, lineOf('log = file(path')],
    ]);
  });
});
