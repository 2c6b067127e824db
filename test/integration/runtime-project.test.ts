import { strict as assert } from 'node:assert';
import { cpSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { EngineHost } from '../../shared/runtime/engine-host';
import { parseScenario } from '../../shared/runtime/scenario';
import { simulate } from '../../shared/runtime/simulation';
import { describeEachEngine } from '../support/engines';

const steps = [
  { open: '/' },
  { expect: { 'custom.orderCount': 2, 'custom.lastMessage': 'home', 'props.theme': 'dark' } },
  { message: 'refreshOrders', payload: { line: 'Capper' } },
  { expect: { 'custom.orderCount': 1 } },
  { message: 'legacyPing' },
  { expect: { 'custom.lastMessage': 'home' } },
  { close: true },
];

describeEachEngine('Ignition project folders in the runtime', (testEngine) => {
  let engine: EngineHost;
  before(async () => { engine = await testEngine.start(); });
  after(async () => { await engine.dispose(); });

  for (const version of ['81', '83']) {
    it(`runs a ${version[0]}.${version[1]} export: session events, enabled message handlers, the project library, session props`, async () => {
      const folder = `test/fixtures/project-${version}`;
      const scenario = parseScenario(`${folder}/walk.json`, JSON.stringify({ steps }));
      const result = await simulate({ source: folder, scenario, engine });
      assert.deepEqual(result.expectations.failures, []);
      const library = result.events.filter((e) => e.kind === 'script' && e.event === 'load' && /plant\./.test(e.name));
      assert.ok(library.length >= 2 && library.every((e) => e.kind === 'script' && e.status === 'ok'));
      const disabled = result.events.find((e) => e.kind === 'message' && e.name === 'legacyPing');
      assert.ok(disabled?.kind === 'message' && !disabled.handled);
      assert.ok(result.events.some((e) => e.kind === 'query' && e.name === 'Orders/Count'));
    });
  }

  it('fires the Perspective App, authentication and form submission events of an 8.3 export with the arguments given', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'periscope-fired-'));
    cpSync('test/fixtures/project-83', folder, { recursive: true });
    const perspective = join(folder, 'com.inductiveautomation.perspective');
    const event = (dir: string, text: string) => writeFileSync(join(perspective, dir), text);
    event('bluetooth/onBluetoothReceived.py', 'def onBluetoothReceived(session, data):\n\tsystem.perspective.print("bluetooth %s" % data.value)\n');
    event('accelerometer/onAccelerometerDataReceived.py', 'def onAccelerometerDataReceived(session, data, context):\n\tsystem.perspective.print("tilt %s on %s" % (data.x, context.pageId))\n');
    event('nfc-scan/onNdefDataReceived.py', 'def onNdefDataReceived(session, data, context):\n\tsystem.perspective.print("tag %s" % data["records"][0])\n');
    event('auth-challenge/onAuthChallengeCompleted.py', 'def onAuthChallengeCompleted(session, payload, result):\n\tsystem.perspective.print("challenge %s %s" % (payload["reason"], result.success))\n');
    mkdirSync(join(perspective, 'form-submission-handler/contact'), { recursive: true });
    event('form-submission-handler/contact/resource.json', JSON.stringify({ scope: 'G', version: 1, files: ['handleSubmission.py'], attributes: { enabled: true } }));
    event('form-submission-handler/contact/handleSubmission.py', 'def handleSubmission(session, name, data, files, formContext, sessionContext, retry):\n\tsystem.perspective.print("form %s from %s, %d files" % (name, data["email"], len(files)))\n');
    const scenario = parseScenario(join(folder, 'fired.json'), JSON.stringify({ steps: [
      { open: '/' },
      { event: 'onBluetoothReceived', args: { data: { value: 'AA:01' } } },
      { event: 'onAccelerometerDataReceived', args: { data: { x: 0.5 } } },
      { event: 'onNdefDataReceived', args: { data: { records: ['lot 7'] } } },
      { event: 'onAuthChallengeCompleted', args: { payload: { reason: 'sign-off' } } },
      { event: 'handleSubmission', name: 'contact', args: { data: { email: 'ada@example.com' } } },
      { event: 'handleSubmission', name: 'feedback' },
    ] }));
    const result = await simulate({ source: folder, scenario, engine });
    const printed = result.events.filter((e) => e.kind === 'log' && e.logger.startsWith('perspective.print')).map((e) => e.kind === 'log' && e.message);
    assert.deepEqual(printed, ['bluetooth AA:01', 'tilt 0.5 on s1-p1', 'tag lot 7', 'challenge sign-off True', 'form contact from ada@example.com, 0 files']);
    assert.deepEqual(result.expectations.failures.map((f) => f.message), [`${join(folder, 'fired.json')}: step 7: the project has no form submission handler "feedback"; it has "contact", "orderRequest"`]);
  });
});
