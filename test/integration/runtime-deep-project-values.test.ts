// A project's own data is not bounded by the limits on what scripts write: values nested 5,000 levels in a view's
// custom, params and props, a component's props and an embedding's params, and the session's custom defaults
// load, run, show in the trace and reach an inspector, and nothing in the run is a failure of Periscope itself.
import { strict as assert } from 'node:assert';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { jsonText } from '../../shared/engine/json-text';
import type { InspectorClient } from '../../shared/inspector/client';
import { InspectorServer } from '../../shared/inspector/server';
import type { EngineHost } from '../../shared/runtime/engine-host';
import { formatTrace } from '../../shared/runtime/format-text';
import { parseScenario } from '../../shared/runtime/scenario';
import { openRuntime, simulate, type SimulationResult } from '../../shared/runtime/simulation';
import type { Runtime } from '../../shared/runtime/runtime';
import { describeEachEngine } from '../support/engines';

const FIXTURE = resolve(import.meta.dirname, '../fixtures/project-81');
const PERSPECTIVE = 'com.inductiveautomation.perspective';
const DEPTH = 5_000;

type JsonMap = { [key: string]: unknown };

function nested(depth: number): unknown {
  let value: unknown = 'bottom';
  for (let i = 0; i < depth; i++) value = { a: value };
  return value;
}

/** What str() shows of the nested dicts (without Jython's u prefixes). */
function str(value: unknown): string {
  return typeof value === 'string' ? `'${value}'` : `{'a': ${str((value as JsonMap).a)}}`;
}

/** Rewrites one JSON file of the project, writing it back on one line at any depth. */
function edit(root: string, file: string, change: (json: JsonMap) => void): void {
  const path = join(root, file);
  const json = JSON.parse(readFileSync(path, 'utf8')) as JsonMap;
  change(json);
  writeFileSync(path, jsonText(json));
}

/** The 8.1 fixture project with deep values wherever a project holds data, and scripts that read and replace them. */
function deepProject(): string {
  const root = join(mkdtempSync(join(tmpdir(), 'periscope-deep-')), 'plant');
  cpSync(FIXTURE, root, { recursive: true });
  edit(root, `${PERSPECTIVE}/session-props/props.json`, (json) => { (json.custom as JsonMap).deep = nested(DEPTH); });
  edit(root, `${PERSPECTIVE}/views/Overview/view.json`, (json) => {
    (json.custom as JsonMap).deep = nested(DEPTH);
    (json.props as JsonMap).deep = nested(DEPTH);
    (json.params as JsonMap).deep = nested(DEPTH);
    const children = (json.root as { children: Array<{ meta: { name: string }; props: JsonMap; custom?: JsonMap }> }).children;
    const table = children.find((c) => c.meta.name === 'OrdersTable')!;
    table.custom = { ...table.custom, deep: nested(DEPTH) };
    const counter = children.find((c) => c.meta.name === 'Counter')!;
    (counter.props.params as JsonMap).deep = nested(DEPTH);
  });
  edit(root, `${PERSPECTIVE}/views/Widgets/Counter/view.json`, (json) => {
    json.custom = { changed: false };
    (json.propConfig as JsonMap)['params.deep'] = { onChange: { enabled: null, script: '\tself.custom.changed = currentValue.value is not None' } };
    const plus = (json.root as { children: Array<{ events: { component: { onActionPerformed: { config: { script: string } } } } }> }).children[0];
    plus.events.component.onActionPerformed.config.script =
      '\tsystem.util.getLogger("deep").info("%d" % len(str(self.view.params.deep).replace("u\'", "\'")))\n\tself.view.params.count += 1\n\tself.view.params.deep = "flat"';
  });
  return root;
}

const SCENARIO = {
  steps: [
    { open: '/' },
    { action: { view: 'Widgets/Counter', component: 'root/Plus', event: 'onActionPerformed' } },
    { expect: { 'view:Widgets/Counter.params.deep': 'flat', 'view:Widgets/Counter.params.count': 2, 'view:Widgets/Counter.custom.changed': true } },
    { expect: { 'custom.deep': nested(DEPTH) } },
    { write: { 'custom.deep': 'replaced' } },
    { expect: { 'custom.deep': 'replaced' } },
    { expect_trace: { kind: 'prop', path: 'custom.deep', old: nested(DEPTH), new: 'replaced' }, count: 1 },
    { navigate: '/area/filler' },
    { navigate: '/' },
    { expect: { 'page.primaryView': 'Overview' } },
    { close: true },
  ],
};

describeEachEngine('a project holding values nested 5,000 levels', (testEngine) => {
  let engine: EngineHost;
  let root: string;
  before(async () => {
    engine = await testEngine.start();
    root = deepProject();
  });
  after(async () => { await engine.dispose(); });

  it('runs its scenario: expectations of deep values, writes over them, change scripts on them, deep params', async () => {
    const scenario = parseScenario(join(root, 'deep.scenario.json'), jsonText(SCENARIO));
    const result: SimulationResult = await simulate({ source: root, scenario, engine });
    assert.deepEqual(result.events.filter((e) => e.kind === 'internal'), []);
    assert.deepEqual(result.internalFailures, []);
    assert.deepEqual(result.expectations.failures, []);
    const logged = result.events.filter((e) => e.kind === 'log' && e.logger === 'deep').map((e) => e.kind === 'log' && e.message);
    assert.deepEqual(logged, [String(str(nested(DEPTH)).length)]);
    const replaced = result.events.find((e) => e.kind === 'prop' && e.path === 'custom.deep');
    assert.ok(replaced && replaced.kind === 'prop');
    assert.equal(jsonText(replaced.old).length, jsonText(nested(DEPTH)).length);
    const text = formatTrace(result.events);
    assert.match(text, /prop custom\.deep: \{"a":\{"a":.*… → "replaced"/);
    assert.doesNotMatch(text, /\n\s+at /);
  });

  it('ends a run with its views still open: the final state holds the deep values whole', async () => {
    const scenario = parseScenario(join(root, 'open.scenario.json'), JSON.stringify({ steps: [{ open: '/' }] }));
    const result = await simulate({ source: root, scenario, engine });
    assert.deepEqual(result.internalFailures, []);
    const overview = result.sessions[0].pages[0].views.find((v) => v.path === 'Overview')!;
    assert.equal(jsonText((overview.custom as JsonMap).deep).length, jsonText(nested(DEPTH)).length);
    assert.equal(jsonText((result.sessions[0].custom as JsonMap).deep).length, jsonText(nested(DEPTH)).length);
  });

  describe('through the inspector protocol', () => {
    let runtime: Runtime;
    let inspector: InspectorClient;
    beforeEach(async () => {
      runtime = await openRuntime({ source: root, engine });
      inspector = new InspectorServer(runtime, { source: root }).connectInProcess();
    });
    afterEach(async () => { await runtime.dispose(); });

    it('shows the deep values as far as a frame carries them, and reads further by path', async () => {
      const { session, page } = await inspector.request('open', { path: '/' });
      const snapshot = await inspector.request('snapshot', { session });
      const custom = snapshot.sessions[0].custom as JsonMap;
      let value: unknown = custom.deep;
      let depth = 0;
      while (typeof value === 'object' && value !== null && 'a' in value) {
        value = (value as JsonMap).a;
        depth++;
      }
      assert.ok(depth > 0 && depth < DEPTH, `depth ${depth}`);
      const stub = (value as { $more: { path: string; kind: string } }).$more;
      assert.equal(stub.kind, 'object');
      const further = await inspector.request('read', { session, page, path: stub.path, depth: 2 });
      assert.deepEqual(further, { found: true, value: { a: { a: { $more: { path: `${stub.path}.a.a`, kind: 'object', size: 1 } } } } });
    });

    it('pushes trace events holding deep values, rebuilds the state before a write over one, and exports', async () => {
      const { session } = await inspector.request('open', { path: '/' });
      const recorded = await inspector.request('exportScenario', {});
      const replay = parseScenario(join(root, recorded.fileName), recorded.text);
      const expected = replay.steps.find((s) => s.kind === 'expect');
      assert.ok(expected?.kind === 'expect');
      assert.equal(jsonText(expected.values['custom.deep']), jsonText(nested(DEPTH)));
      const events: unknown[] = [];
      inspector.onEvent((frame) => { if (frame.event === 'trace') events.push(frame.data); });
      await inspector.request('subscribe', { session, patches: false });
      await inspector.request('write', { session, path: 'custom.deep', value: 'replaced' });
      const write = events.find((e) => (e as { kind: string; path?: string }).kind === 'prop' && (e as { path: string }).path === 'custom.deep') as { seq: number; old: unknown; new: unknown };
      assert.ok(write, 'the prop event was pushed');
      assert.equal(write.new, 'replaced');
      const before = await inspector.request('stateAt', { seq: write.seq - 1, session, depth: 3 });
      assert.deepEqual((before.sessions[0].custom as JsonMap).deep, { a: { a: { $more: { path: 'custom.deep.a.a', kind: 'object', size: 1 } } } });
      const exported = await inspector.request('exportScenario', {});
      assert.match(exported.text, /"custom\.deep":"replaced"/);
      assert.deepEqual(runtime.internal.failures, []);
    });

    it('answers a snapshot larger than a reply may carry with an error saying to ask for less', async () => {
      const { session } = await inspector.request('open', { path: '/' });
      for (let i = 0; i < 17; i++) await inspector.request('write', { session, path: `custom.blob${i}`, value: 'x'.repeat(1_000_000) });
      await assert.rejects(inspector.request('snapshot', { session }), /the reply would be larger than the 16777216 bytes a reply may carry; ask for less/);
      const small = await inspector.request('read', { session, path: 'custom.blob0' });
      assert.equal((small.value as string).length, 1_000_000);
    });
  });
});
