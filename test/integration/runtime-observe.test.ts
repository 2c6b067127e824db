import { strict as assert } from 'node:assert';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadScriptSource } from '../../shared/runtime/document-project';
import type { EngineHost } from '../../shared/runtime/engine-host';
import { runScenario } from '../../shared/runtime/run-scenario';
import { Runtime } from '../../shared/runtime/runtime';
import { parseScenario } from '../../shared/runtime/scenario';
import type { PropPatch, TraceEvent } from '../../shared/runtime/trace';
import { describeEachEngine } from '../support/engines';

const document = [
  '# Scripts', '', '```params', 'project: plant', 'max_sessions: 1', '```', '',
  '```python', 'def onStartup(session):', '    session.custom.greeting = "hello"', '',
  'def onPageStartup(page):', '    page.session.custom.pages += 1', '',
  'def initialize_custom_properties():', '    return {"pages": 0}', '```', '',
].join('\n');

async function runtimeFor(engine: EngineHost): Promise<Runtime> {
  const dir = mkdtempSync(join(tmpdir(), 'periscope-observe-'));
  writeFileSync(join(dir, 'scripts.md'), document);
  return Runtime.create({ source: await loadScriptSource(join(dir, 'scripts.md')), engine });
}

describeEachEngine('observing a live runtime (the devtools panel and the language server build on this)', (testEngine) => {
  let engine: EngineHost;
  before(async () => { engine = await testEngine.start(); });
  after(async () => { await engine.dispose(); });

  it('streams trace events and prop patches to subscribers, and stops when they unsubscribe', async () => {
    const runtime = await runtimeFor(engine);
    const events: TraceEvent[] = [];
    const patches: PropPatch[] = [];
    const unsubscribe = runtime.subscribe((item) => (item.type === 'event' ? events.push(item.event) : patches.push(item.patch)));
    await runtime.enqueue('s1', async () => { await runtime.openPage('s1', '/home'); });
    assert.deepEqual(patches, [
      { session: 's1', page: undefined, path: 'custom.greeting', value: 'hello' },
      { session: 's1', page: undefined, path: 'custom.pages', value: 1 },
    ]);
    assert.deepEqual(events.map((e) => e.kind), ['session', 'prop', 'script', 'page', 'prop', 'script']);
    unsubscribe();
    await runtime.enqueue('s1', () => runtime.activity(runtime.session('s1')!));
    assert.equal(events.length, 6);
  });

  it('gives a snapshot of sessions, pages and the clock that later changes do not alter', async () => {
    const runtime = await runtimeFor(engine);
    await runtime.enqueue('s1', async () => { await runtime.openPage('s1', '/home'); });
    const snapshot = runtime.snapshot();
    assert.equal(snapshot.time, 0);
    assert.deepEqual(snapshot.sessions.map((s) => [s.id, s.custom, s.pages.map((p) => p.path)]), [['s1', { pages: 1, greeting: 'hello' }, ['/home']]]);
    runtime.writeSession(runtime.session('s1')!, 'custom', ['greeting'], 'changed');
    assert.equal((snapshot.sessions[0].custom as Record<string, unknown>).greeting, 'hello');
  });

  it('refuses a session beyond the project limit and lets a person write custom props', async () => {
    const runtime = await runtimeFor(engine);
    const scenario = parseScenario('limit.json', JSON.stringify({
      steps: [
        { open: '/home' }, { open: '/home', session: 's2' },
        { write: { 'custom.greeting': 'hi', 'props.theme': 'dark' } },
        { write: { 'props.id': 'forged' } },
        { expect: { 'custom.greeting': 'hi', 'props.theme': 'dark', 'props.id': 's1' } },
      ],
    }));
    const result = await runScenario(runtime, scenario);
    const refused = runtime.trace.events.find((e) => e.kind === 'session' && e.action === 'refused');
    assert.ok(refused?.kind === 'session' && refused.session === 's2' && /allows 1 sessions/.test(refused.reason ?? ''));
    assert.deepEqual(result.failures.map((f) => f.message), ['limit.json: step 4: props.id is SYSTEM: a client cannot write it (the gateway owns it)']);
  });
});
