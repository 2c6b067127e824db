import { strict as assert } from 'node:assert';
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { EngineHost } from '../../shared/runtime/engine-host';
import { parseScenario } from '../../shared/runtime/scenario';
import { simulate, type SimulationResult } from '../../shared/runtime/simulation';
import type { TraceEvent } from '../../shared/runtime/trace';
import { swallowsInterrupt } from '../support/runaway';
import { describeEachEngine } from '../support/engines';

type ScriptEvent = Extract<TraceEvent, { kind: 'script' }>;

/**
 * The seed document as its user wrote it, plus a key handler that swallows the interrupt (so the engine must
 * replace its worker) and a barcode handler that hands work to invokeAsynchronous.
 */
function seedWithRunaway(): string {
  const dir = mkdtempSync(join(tmpdir(), 'periscope-recovery-'));
  copyFileSync('examples/seed/periscope.json', join(dir, 'periscope.json'));
  const extra = [
    '', '```python',
    'def onKeyEvent(page, event):',
    ...swallowsInterrupt,
    '',
    'def onBarcodeDataReceived(session, data, context):',
    '    def later():',
    '        session.custom.scanned = data.text',
    '    system.util.invokeAsynchronous(later)',
    '```', '',
  ].join('\n');
  writeFileSync(join(dir, 'session-scripts.md'), readFileSync('examples/seed/session-scripts.md', 'utf8') + extra);
  return dir;
}

describeEachEngine('the runtime after the engine replaced a worker stopped by a runaway script', (testEngine) => {
  let engine: EngineHost;
  let result: SimulationResult;
  const scripts = (): ScriptEvent[] => result.events.filter((e): e is ScriptEvent => e.kind === 'script');

  before(async () => {
    engine = await testEngine.start({ scriptTimeoutMs: 1000 });
    const dir = seedWithRunaway();
    const scenario = parseScenario(join(dir, 'scenario.json'), JSON.stringify({
      steps: [
        { open: '/home' },
        { open: '/home', session: 's2' },
        { write: { 'custom.note': 'kept' }, session: 's2' },
        { key: 'Enter' },
        { expect: { 'custom.pageViews': 1, 'custom.userRole': 'Operator', 'page.path': '/unauthorized' } },
        { login: 'admin', password: 'admin-pass' },
        { expect: { 'props.auth.user.userName': 'admin', 'custom.permissions.canDelete': true, 'custom.userProfile.department': 'IT' } },
        { barcode: 'LOT-42' },
        { expect: { 'custom.scanned': 'LOT-42' } },
        { logout: true },
        { expect: { 'props.auth.authenticated': false, 'custom.permissions': {} } },
        { expect: { 'custom.note': 'kept', 'custom.pageViews': 1 }, session: 's2' },
        { close: true },
      ],
    }));
    result = await simulate({ source: join(dir, 'session-scripts.md'), scenario, engine });
  });
  after(async () => { await engine.dispose(); });

  it('reports the runaway key handler as a timeout', () => {
    const key = scripts().find((s) => s.name === 'onKeyEvent');
    assert.equal(key?.status, 'error');
    assert.equal(key?.error?.cause, 'timeout');
  });

  it('runs the onLogin and onLogout functions configure_auth_events() returned, from the new worker', () => {
    const auth = scripts().filter((s) => s.name === 'onLogin' || s.name === 'onLogout').map((s) => [s.name, s.status]);
    assert.deepEqual(auth, [['onLogin', 'ok'], ['onLogout', 'ok']]);
    assert.deepEqual(result.expectations.failures, []);
    assert.equal(result.expectations.passed, 11);
  });

  it('runs an invokeAsynchronous callable handed over after the replacement', () => {
    const later = scripts().find((s) => s.event === 'invokeAsynchronous');
    assert.equal(later?.status, 'ok');
  });

  it('keeps session props, custom props and pages as they were before the worker was replaced, in every session', () => {
    assert.deepEqual(result.sessions.map((s) => [s.id, s.closed]), [['s1', true], ['s2', false]]);
    const session = result.sessions[0];
    assert.deepEqual(session.pages.map((p) => p.id), ['s1-p1']);
    assert.equal((session.custom as { pageViews: number }).pageViews, 1);
    assert.equal((session.props as { id: string }).id, 's1');
  });

  it('records nothing twice: every load, configuration call and log appears once', () => {
    const loads = scripts().filter((s) => s.event === 'load').map((s) => `${s.name}@${s.line}`);
    assert.deepEqual(loads, [...new Set(loads)]);
    assert.equal(scripts().filter((s) => s.name === 'configure_auth_events').length, 1);
    assert.equal(scripts().filter((s) => s.name === 'onStartup').length, 2, 'one Startup per session');
    const sessionOpens = result.events.filter((e) => e.kind === 'session' && e.action === 'open');
    assert.equal(sessionOpens.length, 2);
    const profileQueries = result.events.filter((e) => e.kind === 'query' && e.name === 'GetUserProfile');
    assert.equal(profileQueries.length, 1, 'onLogin ran its body once, after getting its function back');
    const seqs = result.events.map((e) => e.seq);
    assert.deepEqual(seqs, seqs.map((_, i) => seqs[0] + i));
  });
});
