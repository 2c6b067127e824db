// Every Jython script a project holds besides Perspective's: Gateway Events (8.1 data.bin, 8.3 folders), WebDev,
// alarm pipelines, report script data sources, tag exports; each with its role, wrapper and names.
import { strict as assert } from 'node:assert';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { projectFileScripts } from '../../shared/language/file-scripts';
import { discoverProjects, type Project } from '../../shared/loaders/project';
import { loadTagExport } from '../../shared/loaders/tag-export';
import type { Script } from '../../shared/source/script';
import { countScriptKinds } from '../../shared/source/script-kind';
import { writeTree } from '../support/write-tree';

const byKind = (project: Project, kind: Script['role']['kind']) => project.scripts.filter((s) => s.role.kind === kind);

describe('gateway-scope scripts of a project', () => {
  it('reads an 8.1 project\'s Gateway Events from data.bin, each as the gateway runs it', async () => {
    const [project] = await discoverProjects('test/fixtures/project-81');
    const events = byKind(project, 'gateway-event');
    assert.deepEqual(events.map((s) => s.title), ['startup', 'timer CountOpenOrders', 'tag-change FillerStopped', 'message addOrder']);
    const [startup, timer, tagChange, message] = events;
    // Startup, Timer and Tag Change scripts are module code; a Tag Change script finds its values as globals.
    assert.equal(startup.wrapper, undefined);
    assert.match(timer.text, /^count = plant\.orders\.openCount/);
    assert.deepEqual(tagChange.globals, ['initialChange', 'newValue', 'previousValue', 'event', 'executionCount']);
    // A message handler is a body the gateway puts under def handleMessage(payload).
    assert.deepEqual(message.wrapper, { name: 'handleMessage', params: ['payload'] });
    assert.match(message.text, /^def handleMessage\(payload\):\n\treturn plant\.orders\.add/);
    // Scripts out of a binary file point at it by place, and offer no fixes.
    assert.match(timer.origin.file, /ignition\/event-scripts\/data\.bin#timer\/CountOpenOrders$/);
    assert.equal(timer.editable, false);
    assert.deepEqual(timer.origin.position(timer.text.indexOf('system.tag')), { line: 2, column: 1 });
  });

  it('reads an editor\'s text of an 8.3 event file as the loader does: as it is when it starts with the def, else indented under one', async () => {
    const [project] = await discoverProjects('test/fixtures/project-83');
    const [timer] = byKind(project, 'gateway-event').filter((s) => s.title === 'timer CountOpenOrders');
    const file = timer.origin.file;
    const own = projectFileScripts(project, file, 'def handleTimerEvent():\n\tcount = 2\n');
    assert.equal(own.scripts[0].text, 'def handleTimerEvent():\n\tcount = 2\n');
    assert.deepEqual(own.scripts[0].role, timer.role);
    assert.deepEqual(own.problems, []);
    // The def line deleted: the gateway would indent the body under a def of its own, and so does the editor.
    const bare = projectFileScripts(project, file, 'count = 2\nreturn count\n');
    assert.deepEqual(bare.scripts[0].wrapper, { name: 'handleTimerEvent', params: [] });
    assert.match(bare.scripts[0].text, /^def handleTimerEvent\(\):\n\tcount = 2\n\treturn count/);
    assert.equal(bare.problems[0]?.severity, 'warning');
    // Read back with its def again, the wrapper goes.
    const back = projectFileScripts({ ...project, scripts: project.scripts.map((s) => (s === timer ? bare.scripts[0] : s)) }, file, 'def handleTimerEvent():\n\tpass\n');
    assert.equal(back.scripts[0].wrapper, undefined);
  });

  it('reads a report\'s script data source as def updateData(data, sample)', async () => {
    const [project] = await discoverProjects('test/fixtures/project-81');
    const [report] = byKind(project, 'report-data-source');
    assert.deepEqual(report.role, { kind: 'report-data-source', report: 'Open Orders', name: 'openOrders' });
    assert.match(report.text, /^def updateData\(data, sample\):\n\tline = data\["Line"\]/);
  });

  it('reads an 8.3 project\'s Gateway Events, WebDev handlers and pipeline scripts, leaving disabled methods out', async () => {
    const [project] = await discoverProjects('test/fixtures/project-83');
    assert.deepEqual(byKind(project, 'gateway-event').map((s) => s.title), ['startup', 'timer CountOpenOrders', 'tag-change FillerStopped', 'message addOrder']);
    assert.deepEqual(byKind(project, 'webdev').map((s) => s.role), [{ kind: 'webdev', resource: 'api/orders', method: 'doGet' }]);
    const [pipeline] = byKind(project, 'alarm-pipeline');
    assert.deepEqual(pipeline.role, { kind: 'alarm-pipeline', pipeline: 'Log Alarms', block: 'block 1' });
    assert.match(pipeline.text, /^def handleAlarm\(event\):\n\tlogger = /);
    assert.deepEqual(countScriptKinds(project.scripts.map((s) => s.role)), {
      'session-event': 8, 'session-message-handler': 2, 'key-event': 1, 'form-submission': 1, 'component-event': 6, 'component-message-handler': 3, 'custom-method': 1,
      transform: 2, 'property-change': 1, library: 2, 'gateway-event': 4, webdev: 1, 'alarm-pipeline': 1,
    });
  });

  describe('malformed 8.3 script files', () => {
    let dir: string;
    beforeEach(() => { dir = mkdtempSync(join(tmpdir(), 'periscope-gateway-')); });
    afterEach(() => rmSync(dir, { recursive: true, force: true }));

    it('indents a file that does not start with its def under one, as the gateway does, and says so', async () => {
      writeTree(join(dir, 'P'), {
        'project.json': '{}',
        'ignition/timer/Poll/resource.json': '{"files": ["handleTimerEvent.py"], "attributes": {"enabled": true}}',
        'ignition/timer/Poll/handleTimerEvent.py': '# polls the line\ndef handleTimerEvent():\n\tpass\n',
        'ignition/timer/Off/resource.json': '{"files": ["handleTimerEvent.py"], "attributes": {"enabled": false}}',
        'ignition/timer/Off/handleTimerEvent.py': 'def handleTimerEvent(:\n',
      });
      const [project] = await discoverProjects(join(dir, 'P'));
      const [poll] = project.scripts;
      assert.equal(project.scripts.length, 1, 'a disabled timer is not read');
      assert.equal(poll.text, 'def handleTimerEvent():\n\t# polls the line\n\tdef handleTimerEvent():\n\t\tpass\n');
      assert.deepEqual(project.problems.map((p) => `${p.position.line} ${p.severity} ${p.message.slice(0, 60)}`), [
        '1 warning the file does not start with "def handleTimerEvent():", so t',
      ]);
    });

    it('reads the session events of 8.3\'s folders, and of an older session-scripts/ folder for events not there', async () => {
      const P = 'com.inductiveautomation.perspective';
      const file = (event: string, body: string) => `def ${event}(session):\n\t${body}\n`;
      writeTree(join(dir, 'P'), {
        'project.json': '{}',
        [`${P}/startup/resource.json`]: '{"files": ["onStartup.py"]}',
        [`${P}/startup/onStartup.py`]: file('onStartup', 'session.custom.where = "gateway place"'),
        [`${P}/session-scripts/startup/resource.json`]: '{"files": ["onStartup.py"]}',
        [`${P}/session-scripts/startup/onStartup.py`]: file('onStartup', 'session.custom.where = "old place"'),
        [`${P}/session-scripts/shutdown/resource.json`]: '{"files": ["onShutdown.py"]}',
        [`${P}/session-scripts/shutdown/onShutdown.py`]: file('onShutdown', 'pass'),
      });
      const [project] = await discoverProjects(join(dir, 'P'));
      assert.equal(project.version, '8.3');
      assert.deepEqual(project.scripts.map((s) => [s.title, /gateway place|old place|pass/.exec(s.text)![0]]), [['onStartup', 'gateway place'], ['onShutdown', 'pass']]);
    });

    it('reports a Gateway Events data.bin it cannot decode, by byte, and loads the rest of the project', async () => {
      writeTree(join(dir, 'P'), {
        'project.json': '{}',
        'ignition/event-scripts/resource.json': '{"files": ["data.bin"]}',
        'ignition/event-scripts/data.bin': '\x1f\x8b not really gzip',
        'ignition/script-python/plant/code.py': 'def f():\n\treturn 1\n',
        'ignition/script-python/plant/resource.json': '{"files": ["code.py"]}',
      });
      const [project] = await discoverProjects(join(dir, 'P'));
      assert.deepEqual(project.scripts.map((s) => s.role.kind), ['library']);
      assert.deepEqual(project.problems.map((p) => [p.rule ?? 'invalid-resource', p.file.endsWith('event-scripts/data.bin'), /cannot read the Gateway Event scripts in this file/.test(p.message)]), [['invalid-resource', true, true]]);
    });

    it('reads a tag export\'s event scripts with each event\'s parameters, and says which entries it cannot read', () => {
      const text = JSON.stringify({
        name: '', tagType: 'Provider',
        tags: [{ name: 'Line', tagType: 'Folder', tags: [
          { name: 'State', tagType: 'AtomicTag', eventScripts: [{ eventid: 'valueChanged', script: '\tprint currentValue.value' }, { eventid: 'alarmActive', script: '\tprint alarmName', enabled: false }] },
          { name: 'Speed', tagType: 'AtomicTag', eventScripts: [{ script: '\tpass' }] },
        ] }],
      }, null, 2);
      const { scripts, problems } = loadTagExport('tags.json', text);
      assert.deepEqual(scripts.map((s) => [s.role, s.wrapper]), [[
        { kind: 'tag-event', tagPath: 'Line/State', event: 'valueChanged' },
        { name: 'valueChanged', params: ['tag', 'tagPath', 'previousValue', 'currentValue', 'initialChange', 'missedEvents'] },
      ]]);
      assert.deepEqual(problems.map((p) => p.message.slice(0, 39)), ['an event script needs an "eventid" such']);
    });
  });
});
