import { strict as assert } from 'node:assert';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { EngineHost } from '../../shared/runtime/engine-host';
import { parseScenario } from '../../shared/runtime/scenario';
import { simulate, type SimulationResult } from '../../shared/runtime/simulation';
import type { TraceEvent } from '../../shared/runtime/trace';
import { describeEachEngine } from '../support/engines';

/** Runs a .py file of event functions through the given steps. */
async function run(engine: EngineHost, python: string, steps: unknown[], strict = false): Promise<SimulationResult> {
  const dir = mkdtempSync(join(tmpdir(), 'periscope-wrappers-'));
  writeFileSync(join(dir, 'events.py'), python);
  const scenario = parseScenario(join(dir, 'scenario.json'), JSON.stringify({ steps }));
  return simulate({ source: join(dir, 'events.py'), scenario, engine, strict });
}

const logs = (result: SimulationResult) =>
  result.events.filter((e): e is Extract<TraceEvent, { kind: 'log' }> => e.kind === 'log' && e.logger === 't').map((e) => e.message);

describeEachEngine('session objects as scripts see them', (testEngine) => {
  let engine: EngineHost;
  before(async () => { engine = await testEngine.start(); });
  after(async () => { await engine.dispose(); });

  it('behave like Ignition property-tree wrappers, not like dicts', async () => {
    const result = await run(engine, `
def initialize_custom_properties():
    return {"prefs": {"theme": "light", "language": "en"}, "count": 0, "alarms": [1, 2]}

def onStartup(session):
    log = system.util.getLogger("t")
    c = session.custom
    log.info("dict=%s hasattr=%s/%s" % (isinstance(c.prefs, dict), hasattr(c, "prefs"), hasattr(c, "nope")))
    log.info("has_key=%s get=%s item=%s" % (c.prefs.has_key("theme"), c.prefs.get("missing", "dflt"), c["prefs"]["language"]))
    log.info("keys=%s len=%d in=%s" % (", ".join(sorted(c.prefs.keys())), len(c.prefs), "theme" in c.prefs))
    c.count += 1
    c.alarms += [3]
    c.added = {"a": [1, 2, {"b": 3}]}
    log.info("nested=%s list=%s" % (c.added.a[2].b, c.alarms.tolist()))
    try:
        c.nope
    except AttributeError, e:
        log.info("missing: %s" % e)
`, [{ open: '/' }]);
    assert.deepEqual(logs(result), [
      'dict=False hasattr=True/False',
      'has_key=True get=dflt item=en',
      'keys=language, theme len=2 in=True',
      'nested=3 list=[1, 2, 3]',
      "missing: 'com.inductiveautomation.perspective.gateway.script.PropertyTreeScriptWrapper$ObjectWrapper' object has no attribute 'nope'",
    ]);
    const custom = result.sessions[0].custom as Record<string, unknown>;
    assert.equal(custom.count, 1);
    assert.deepEqual(custom.alarms, [1, 2, 3]);
    assert.deepEqual(custom.added, { a: [1, 2, { b: 3 }] });
  });

  it('trace every write as a prop event with the old value (none for a new key) and the new one', async () => {
    const result = await run(engine, `
def onStartup(session):
    session.custom.theme = "light"
    session.custom.theme = "dark"
    session.props.theme = "dark"
`, [{ open: '/' }]);
    const props = result.events.filter((e) => e.kind === 'prop').map((e) => e.kind === 'prop' && [e.path, e.old, e.new]);
    assert.deepEqual(props, [['custom.theme', undefined, 'light'], ['custom.theme', 'light', 'dark'], ['props.theme', 'light', 'dark']]);
  });

  it('keep system props read-only and say what to write instead', async () => {
    const result = await run(engine, `
def onStartup(session):
    try:
        session.props.id = "forged"
    except AttributeError, e:
        system.util.getLogger("t").info(str(e))
`, [{ open: '/' }]);
    assert.match(logs(result)[0], /session\.props\.id is read-only/);
    assert.equal((result.sessions[0].props as Record<string, unknown>).id, 's1');
  });

  it('serve session.id and session.auth leniently, reporting each use once per line', async () => {
    const python = `
def onStartup(session):
    for i in range(3):
        system.util.getLogger("t").info("%s %s" % (session.id, session.auth.authenticated))
`;
    const lenient = await run(engine, python, [{ open: '/' }]);
    assert.deepEqual(logs(lenient), ['s1 False', 's1 False', 's1 False']);
    const divergences = lenient.events.filter((e) => e.kind === 'divergence');
    assert.deepEqual(divergences.map((d) => d.kind === 'divergence' && [d.rule, d.line]), [['no-such-session-attr', 4], ['no-such-session-attr', 4]]);

    const strict = await run(engine, python, [{ open: '/' }], true);
    const script = strict.events.find((e) => e.kind === 'script' && e.name === 'onStartup');
    assert.ok(script?.kind === 'script' && script.status === 'error');
    assert.equal(script.error?.type, 'AttributeError');
    assert.match(script.error!.message, /SessionScriptWrapper' object has no attribute 'id'/);
    assert.ok(strict.strictFailures.length > 0);
  });

  it('give Page Startup a page whose props follow navigation', async () => {
    const result = await run(engine, `
def onPageStartup(page):
    system.util.getLogger("t").info("%s %s %s" % (page.id, page.props.path, page.session.props.id))
    system.perspective.navigate(page="/other")
    system.util.getLogger("t").info(page.props.path)
`, [{ open: '/start' }, { expect: { 'page.path': '/other' } }]);
    assert.deepEqual(logs(result), ['s1-p1 /start s1', '/other']);
    assert.equal(result.expectations.failed, 0);
  });
});
