import { strict as assert } from 'node:assert';
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
});
