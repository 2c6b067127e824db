// Message storms: handlers that send, directly or through others, the message that runs them stop with a divergence
// naming the cycle, and the run goes on.
import { strict as assert } from 'node:assert';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { EngineHost } from '../../shared/runtime/engine-host';
import { MAX_MESSAGE_DEPTH, MAX_MESSAGES_PER_EVENT, cycleOf } from '../../shared/runtime/message-chain';
import { parseScenario } from '../../shared/runtime/scenario';
import { simulate, type SimulationResult } from '../../shared/runtime/simulation';
import type { TraceEvent } from '../../shared/runtime/trace';
import { describeEachEngine } from '../support/engines';

type Divergence = Extract<TraceEvent, { kind: 'divergence' }>;

const sessionDocument = [
  '# Storms', '', '```params', 'project: demo', '```', '', '```python',
  'def configure_message_handlers():',
  '    return {',
  '        "ping": {"handler": "onPing", "script": """',
  'def onPing(session, payload):',
  '    session.custom.pings = session.custom.get("pings", 0) + 1',
  '    system.util.sendMessage("demo", "ping", payload, scope="S")',
  '"""},',
  '        "left": {"handler": "onLeft", "script": """',
  'def onLeft(session, payload):',
  '    system.util.sendMessage("demo", "right", payload, scope="S")',
  '"""},',
  '        "right": {"handler": "onRight", "script": """',
  'def onRight(session, payload):',
  '    system.util.sendMessage("demo", "left", payload, scope="S")',
  '"""},',
  '        "fan": {"handler": "onFan", "script": """',
  'def onFan(session, payload):',
  '    session.custom.fans = session.custom.get("fans", 0) + 1',
  '    system.util.sendMessage("demo", "fan", payload, scope="S")',
  '    system.util.sendMessage("demo", "fan", payload, scope="S")',
  '"""},',
  '        "calm": {"handler": "onCalm", "script": """',
  'def onCalm(session, payload):',
  '    session.custom.calm = payload["n"]',
  '"""},',
  '    }',
  '```', '',
].join('\n');

/** An 8.1 project whose one view has a button and a label; the label's handler of "echo" sends "echo" again. */
function viewProject(): string {
  const root = mkdtempSync(join(tmpdir(), 'periscope-storm-'));
  const perspective = join(root, 'com.inductiveautomation.perspective');
  mkdirSync(join(perspective, 'views', 'Main'), { recursive: true });
  mkdirSync(join(perspective, 'page-config'), { recursive: true });
  writeFileSync(join(root, 'project.json'), JSON.stringify({ title: 'Storm', enabled: true, parent: '' }));
  writeFileSync(join(perspective, 'page-config', 'config.json'), JSON.stringify({ pages: { '/': { title: 'Main', viewPath: 'Main' } } }));
  const view = {
    custom: { echoes: 0 }, params: {}, props: {},
    root: {
      type: 'ia.container.flex', meta: { name: 'root' }, props: {},
      children: [
        {
          type: 'ia.input.button', meta: { name: 'Start' }, props: { text: 'Start' },
          events: { component: { onActionPerformed: { type: 'script', scope: 'G', config: { script: '\tsystem.perspective.sendMessage("echo", {"n": 1}, scope="page")' } } } },
        },
        {
          type: 'ia.display.label', meta: { name: 'Echo' }, props: { text: '' },
          scripts: {
            messageHandlers: [{
              messageType: 'echo', pageScope: true, sessionScope: false, viewScope: false,
              script: '\tself.view.custom.echoes += 1\n\tsystem.perspective.sendMessage("echo", payload, scope="page")',
            }],
          },
        },
      ],
    },
  };
  writeFileSync(join(perspective, 'views', 'Main', 'view.json'), JSON.stringify(view, null, 2));
  return root;
}

describeEachEngine('message storms', function (testEngine) {
  let engine: EngineHost;
  before(async function () {
    this.timeout(180_000);
    engine = await testEngine.start();
  });
  after(async () => { await engine.dispose(); });

  async function runDocument(steps: unknown[]): Promise<SimulationResult> {
    const dir = mkdtempSync(join(tmpdir(), 'periscope-storm-'));
    writeFileSync(join(dir, 'scripts.md'), sessionDocument);
    return simulate({ source: join(dir, 'scripts.md'), scenario: parseScenario(join(dir, 'scenario.json'), JSON.stringify({ steps })), engine });
  }

  const storms = (result: SimulationResult): Divergence[] => result.events.filter((e): e is Divergence => e.kind === 'divergence' && e.rule === 'message-storm');

  it('stops a session message handler that sends its own message, names the cycle at the sending line, and goes on', async () => {
    const result = await runDocument([
      { open: '/' }, { message: 'ping' }, { expect: { 'custom.pings': MAX_MESSAGE_DEPTH } },
      { message: 'calm', payload: { n: 7 } }, { expect: { 'custom.calm': 7 } },
    ]);
    assert.deepEqual(result.expectations.failures, []);
    const [storm] = storms(result);
    assert.equal(storm.message, `message storm: "ping" → "ping" (${MAX_MESSAGE_DEPTH} messages in a chain); stopped delivering here, a gateway would keep going`);
    assert.equal(storm.line, sessionDocument.split('\n').findIndex((l) => l.includes('sendMessage("demo", "ping"')) + 1);
    const refused = result.events.filter((e) => e.kind === 'message' && e.name === 'ping' && !e.handled);
    assert.deepEqual(refused.map((e) => e.kind === 'message' && e.reason), [`message storm: ${MAX_MESSAGE_DEPTH} messages in a chain`]);
  });

  it('names a cycle through two handlers, and stops a handler that doubles its message at the count per event', async () => {
    const result = await runDocument([{ open: '/' }, { message: 'left' }, { message: 'fan' }, { message: 'calm', payload: { n: 1 } }, { expect: { 'custom.calm': 1 } }]);
    assert.deepEqual(result.expectations.failures, []);
    const messages = storms(result).map((d) => d.message);
    assert.ok(messages.some((m) => m.startsWith('message storm: "left" → "right" → "left"') || m.startsWith('message storm: "right" → "left" → "right"')), messages.join('\n'));
    assert.ok(messages.some((m) => m.includes(`(${MAX_MESSAGES_PER_EVENT} messages from one event)`) || m.includes(`(${MAX_MESSAGE_DEPTH} messages in a chain)`)), messages.join('\n'));
    const fans = (result.sessions[0].custom as Record<string, number>).fans;
    assert.ok(fans > 0 && fans <= MAX_MESSAGES_PER_EVENT + 1, `fan ran ${fans} times`);
  });

  it('stops a component message handler that sends its own message, through sendMessage scope "page"', async () => {
    const project = viewProject();
    const scenario = parseScenario(join(project, 'scenario.json'), JSON.stringify({ steps: [
      { open: '/' },
      { action: { view: 'Main', component: 'root/Start', event: 'onActionPerformed' } },
      { expect: { 'view:Main.custom.echoes': MAX_MESSAGE_DEPTH } },
      { action: { view: 'Main', component: 'root/Start', event: 'onActionPerformed' } },
      { expect: { 'view:Main.custom.echoes': 2 * MAX_MESSAGE_DEPTH } },
    ] }));
    const result = await simulate({ source: project, scenario, engine });
    assert.deepEqual(result.expectations.failures, []);
    const [storm, ...again] = storms(result);
    assert.match(storm.message, /^message storm: "echo" → "echo" \(32 messages in a chain\)/);
    assert.match(storm.file, /view\.json$/);
    assert.deepEqual(again, [], 'the same storm is reported once');
  });

  it('reads the cycle of a chain as people would', () => {
    assert.equal(cycleOf(['a', 'a', 'a']), '"a" → "a"');
    assert.equal(cycleOf(['start', 'a', 'b', 'a', 'b']), '"a" → "b" → "a"');
    assert.equal(cycleOf(['a', 'b', 'c', 'd', 'e']), '… → "b" → "c" → "d" → "e"');
  });
});
