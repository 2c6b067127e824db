import { strict as assert } from 'node:assert';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { EngineHost } from '../../shared/runtime/engine-host';
import { parseScenario } from '../../shared/runtime/scenario';
import { simulate, type SimulationResult } from '../../shared/runtime/simulation';
import type { TraceEvent } from '../../shared/runtime/trace';
import { describeEachEngine } from '../support/engines';

const fixtures = {
  project: { name: 'plant', version: '8.1' },
  clock: { start: '2026-03-01T06:00:00Z' },
  users: [{ username: 'ada', password: 'pw', roles: ['Engineer'] }],
  database: {
    schema: ['CREATE TABLE notes (id INTEGER PRIMARY KEY AUTOINCREMENT, author TEXT, body TEXT)'],
    rows: { notes: [{ author: 'ada', body: 'first' }] },
  },
  namedQueries: {
    Notes: { type: 'Query', sql: 'SELECT id, author, body FROM notes WHERE author = :author', parameters: { author: 'String' } },
    AddNote: { type: 'Update', sql: 'INSERT INTO notes (author, body) VALUES (:author, :body)', parameters: { author: 'String', body: 'String' } },
  },
  tags: { '[default]Line/Speed': 12.5 },
  alarms: [{ source: 'prov:default:/tag:Line/Speed:/alm:Fast', displayPath: 'Line/Speed', name: 'Fast', priority: 'High', state: 'ActiveUnacked' }],
  pages: { '/home': { title: 'Home', viewPath: 'Pages/Home' } },
};

async function run(engine: EngineHost, python: string, steps: unknown[], strict = false): Promise<SimulationResult> {
  const dir = mkdtempSync(join(tmpdir(), 'periscope-system-'));
  writeFileSync(join(dir, 'events.py'), python);
  writeFileSync(join(dir, 'periscope.json'), JSON.stringify(fixtures));
  const scenario = parseScenario(join(dir, 'scenario.json'), JSON.stringify({ steps }));
  return simulate({ source: join(dir, 'events.py'), scenario, engine, strict });
}

const logs = (result: SimulationResult) =>
  result.events.filter((e): e is Extract<TraceEvent, { kind: 'log' }> => e.kind === 'log' && e.logger === 't').map((e) => e.message);
const kinds = (result: SimulationResult, kind: TraceEvent['kind']) => result.events.filter((e) => e.kind === kind);

describeEachEngine('the simulated system.* of a session', (testEngine) => {
  let engine: EngineHost;
  before(async () => { engine = await testEngine.start(); });
  after(async () => { await engine.dispose(); });

  it('reads the virtual clock: dates move only when the scenario advances time', async () => {
    const result = await run(engine, `
def onStartup(session):
    session.custom.start = system.date.now()

def onShutdown(session):
    log = system.util.getLogger("t")
    now = system.date.now()
    log.info("%d s, %d min, %s" % (system.date.secondsBetween(session.custom.start, now), system.date.minutesBetween(session.custom.start, now), system.date.format(now, "yyyy-MM-dd HH:mm")))
    log.info(system.date.format(system.date.addHours(now, 2), "HH:mm"))
`, [{ open: '/home' }, { advance: '90m' }, { close: true }]);
    assert.deepEqual(logs(result), ['5400 s, 90 min, 2026-03-01 07:30', '09:30']);
  });

  it('records each system.* call that has no event of its own, with its arguments and result', async () => {
    const result = await run(engine, `
def onStartup(session):
    start = system.date.now()
    later = system.date.addMinutes(start, 5)
    session.custom.gap = system.date.minutesBetween(start, later)
    session.custom.text = system.util.jsonEncode({"a": [1, 2]})
    system.db.runNamedQuery("Notes", {"author": "ada"})
`, [{ open: '/home' }]);
    const calls = kinds(result, 'call').map((e) => e.kind === 'call' && [e.function, e.args, e.result]);
    assert.deepEqual(calls, [
      ['system.date.now', [], { $date: Date.parse('2026-03-01T06:00:00Z') }],
      ['system.date.addMinutes', [{ $date: Date.parse('2026-03-01T06:00:00Z') }, 5], { $date: Date.parse('2026-03-01T06:05:00Z') }],
      ['system.date.minutesBetween', [{ $date: Date.parse('2026-03-01T06:00:00Z') }, { $date: Date.parse('2026-03-01T06:05:00Z') }], 5],
      ['system.util.jsonEncode', [{ a: [1, 2] }], '{"a":[1,2]}'],
    ]);
    assert.equal(kinds(result, 'query').length, 1, 'the named query is traced as a query, not again as a call');
  });

  it('runs named queries on the fixtures database, both arities, and traces them', async () => {
    const result = await run(engine, `
def onStartup(session):
    log = system.util.getLogger("t")
    system.db.runNamedQuery("AddNote", {"author": "ada", "body": "second"})
    notes = system.db.runNamedQuery("plant", "Notes", {"author": "ada"})
    log.info("%d rows %s: %s" % (notes.rowCount, ", ".join(notes.getColumnNames()), ", ".join(row["body"] for row in notes)))
    log.info(notes.getValueAt(1, "body") + " " + str(notes.getValueAt(0, 0)))
`, [{ open: '/home' }]);
    assert.deepEqual(logs(result), ['2 rows id, author, body: first, second', 'second 1']);
    assert.deepEqual(kinds(result, 'query').map((q) => q.kind === 'query' && [q.name, q.rowCount ?? q.rowsAffected]), [['AddNote', 1], ['Notes', 2]]);
  });

  it('answers an unknown named query with an empty dataset and a divergence, and goes on', async () => {
    const result = await run(engine, `
def onStartup(session):
    rows = system.db.runNamedQuery("NoSuchQuery", {})
    system.util.getLogger("t").info("rows=%d" % rows.rowCount)
`, [{ open: '/home' }]);
    assert.deepEqual(logs(result), ['rows=0']);
    const divergence = kinds(result, 'divergence')[0];
    assert.ok(divergence.kind === 'divergence' && divergence.rule === 'unknown-named-query' && divergence.line === 3);
  });

  it('reads and writes tags with quality, and queries alarms', async () => {
    const result = await run(engine, `
def onStartup(session):
    log = system.util.getLogger("t")
    qv = system.tag.readBlocking(["[default]Line/Speed", "[default]Missing"])
    log.info("%s %s %s" % (qv[0].value, qv[0].quality.isGood(), qv[1].quality.isGood()))
    q = system.tag.writeBlocking(["[default]Line/Speed"], [20])
    log.info("%s %s" % (q[0].isGood(), system.tag.readBlocking(["[default]Line/Speed"])[0].value))
    alarms = system.alarm.queryStatus(priority=["High"], state=["ActiveUnacked"])
    log.info("%d %s %s %s" % (len(alarms), alarms[0].getName(), alarms[0].priority, alarms[0].getDisplayPath()))
`, [{ open: '/home' }]);
    assert.deepEqual(logs(result), ['12.5 True False', 'True 20', '1 Fast High Line/Speed']);
    assert.deepEqual(kinds(result, 'tag').map((t) => t.kind === 'tag' && t.action), ['read', 'write', 'read']);
    const unknown = kinds(result, 'divergence')[0];
    assert.ok(unknown?.kind === 'divergence' && unknown.rule === 'unknown-tag' && unknown.line === 4 && /\[default\]Missing/.test(unknown.message));
    assert.equal(kinds(result, 'alarm').length, 1);
  });

  it('answers the forms Ignition 8.1 deprecated (read, readAll, write, writeAll) as the gateway does', async () => {
    const result = await run(engine, `
def onStartup(session):
    log = system.util.getLogger("t")
    log.info("%s %s" % (system.tag.read("[default]Line/Speed").value, system.tag.read("[default]Missing").value))
    log.info("%s" % [qv.quality.isGood() for qv in system.tag.readAll(["[default]Line/Speed", "[default]Missing"])])
    log.info("%d %s" % (system.tag.write("[default]Line/Speed", 30), system.tag.writeAll(["[default]Line/Speed"], [40])))
    system.tag.writeSynchronous("[default]Line/Speed", 50)
    log.info("%s" % system.tag.read("[default]Line/Speed").value)
`, [{ open: '/home' }]);
    assert.deepEqual(logs(result), ['12.5 None', '[True, False]', '1 [1]', '50']);
    assert.deepEqual(kinds(result, 'divergence').map((d) => d.kind === 'divergence' && d.rule), ['unknown-tag', 'unknown-tag']);
  });

  it('delivers system.util.sendMessage with scope S to the session handler, after the sending script', async () => {
    const result = await run(engine, `
def configure_message_handlers():
    return {"ping": {"handler": "onPing", "script": "def onPing(session, payload):\\n    system.util.getLogger('t').info('got %s' % payload['n'])\\n"}}

def onStartup(session):
    system.util.sendMessage("plant", "ping", {"n": 1}, scope="S")
    system.util.invokeAsynchronous(lambda: system.util.getLogger("t").info("async"))
    system.util.getLogger("t").info("sent")
`, [{ open: '/home' }]);
    assert.deepEqual(logs(result), ['sent', 'got 1', 'async']);
  });

  it('tracks popups per page and reports page calls made without a page', async () => {
    const result = await run(engine, `
def onStartup(session):
    system.perspective.openPopup("early", "Popups/Early")

def onPageStartup(page):
    system.perspective.openPopup(id="welcome", view="Popups/Welcome", params={"who": "ada"}, modal=True)
`, [{ open: '/home' }, { expect: { 'page.popups': ['welcome'] } }]);
    assert.equal(result.expectations.failed, 0);
    const divergence = kinds(result, 'divergence').find((d) => d.kind === 'divergence' && d.rule === 'page-call-without-page');
    assert.ok(divergence?.kind === 'divergence' && divergence.line === 3);
    assert.deepEqual(result.sessions[0].pages[0].popups, [{ id: 'welcome', view: 'Popups/Welcome', params: { who: 'ada' }, modal: true }]);
  });

  it('sends print output to the log, and runs keystroke and barcode events with their event objects', async () => {
    const result = await run(engine, `
def onPageStartup(page):
    print "page", page.props.path

def onKeyEvent(page, event):
    system.util.getLogger("t").info("key %s on %s" % (event.key, page.props.path))

def onBarcodeDataReceived(session, data, context):
    system.util.getLogger("t").info("scanned %s" % data.text)
`, [{ open: '/home' }, { key: 'Enter' }, { barcode: 'LOT-42' }]);
    const printed = result.events.find((e) => e.kind === 'log' && e.logger === 'stdout');
    assert.ok(printed?.kind === 'log' && printed.message === 'page /home');
    assert.deepEqual(logs(result), ['key Enter on /home', 'scanned LOT-42']);
  });

  it('moves pages back and forward, tracks docks and the theme, and closes the session from a script', async () => {
    const result = await run(engine, `
def configure_message_handlers():
    return {"leave": {"handler": "leave", "script": "def leave(session, payload):\\n    system.perspective.closeSession('bye')\\n"}}

def onPageStartup(page):
    system.perspective.navigate("/a")
    system.perspective.navigate("/b")
    system.perspective.navigateBack()
    system.perspective.openDock("nav", params={"x": 1})
    system.perspective.setTheme("dark")
    system.util.getLogger("t").info(system.util.jsonEncode({"path": page.props.path, "at": system.date.fromMillis(0)}))
`, [{ open: '/home' }, { expect: { 'page.path': '/a', 'page.docks': ['nav'], 'props.theme': 'dark' } }, { message: 'leave' }, { expect: { closed: true } }]);
    assert.deepEqual(result.expectations.failures, []);
    assert.deepEqual(JSON.parse(logs(result)[0]), { path: '/a', at: 0 });
    const navigations = kinds(result, 'navigate').map((e) => e.kind === 'navigate' && `${e.from}→${e.to}`);
    assert.deepEqual(navigations, ['/home→/a', '/a→/b', '/b→/a']);
    const closed = result.events.find((e) => e.kind === 'session' && e.action === 'close');
    assert.ok(closed?.kind === 'session' && closed.reason === 'bye');
  });

  it('completes an authentication challenge by running onAuthChallengeCompleted with its payload', async () => {
    const result = await run(engine, `
def onPageStartup(page):
    system.perspective.authenticationChallenge(payload={"why": "sign batch"})

def onAuthChallengeCompleted(session, payload, result):
    system.util.getLogger("t").info("%s %s" % (payload["why"], result.success))
`, [{ open: '/home' }]);
    assert.deepEqual(logs(result), ['sign batch True']);
  });

  it('traces what each system.* call does and answers unknown queries, tags and functions with empty results, never crashing', async () => {
    const result = await run(engine, `
def onStartup(session):
    log = system.util.getLogger("t")
    now = system.date.now()
    later = system.date.addMinutes(now, 5)
    parsed = system.date.parse("2026-03-01 07:15", "yyyy-MM-dd HH:mm")
    log.info("%d %s" % (system.date.minutesBetween(now, later), system.date.format(parsed, "HH:mm")))
    system.util.audit(action="CHECK", actionTarget="sweep")
    log.info(system.util.jsonEncode(system.util.jsonDecode('{"a": [1, 2]}')))
    empty = system.dataset.toPyDataSet(system.db.runNamedQuery("Missing", {}))
    log.info("%d %d %s" % (empty.rowCount, empty.getRowCount(), list(empty.getColumnNames())))
    notes = system.dataset.toPyDataSet(system.db.runNamedQuery("Notes", {"author": "ada"}))
    log.info(", ".join(row["body"] for row in notes))
    nope = system.tag.readBlocking(["[default]Nope"])[0]
    log.info("%s %s" % (nope.value, nope.quality.isGood()))
    log.info("%d alarms" % len(system.alarm.queryStatus(priority=["Critical"])))
    log.info("%s" % system.util.noSuchThing(1))
    system.perspective.openPopup("early", "Popups/Early")

def onPageStartup(page):
    system.perspective.openPopup("help", "Popups/Help", {"topic": "sweep"})
    system.util.audit(action="OPEN", actionTarget=page.props.path)
`, [{ open: '/home' }]);
    assert.deepEqual(logs(result), ['5 07:15', '{"a":[1,2]}', '0 0 []', 'first', 'None False', '0 alarms', 'None']);
    const scriptsRun = result.events.filter((e) => e.kind === 'script' && e.event !== 'load');
    assert.deepEqual(scriptsRun.map((e) => e.kind === 'script' && [e.name, e.status]), [['onStartup', 'ok'], ['onPageStartup', 'ok']]);
    const traced = result.events.filter((e) => ['audit', 'query', 'tag', 'alarm', 'popup'].includes(e.kind)).map((e) => e.kind);
    assert.deepEqual(traced, ['audit', 'query', 'query', 'tag', 'alarm', 'popup', 'audit']);
    assert.deepEqual(kinds(result, 'audit').map((a) => a.kind === 'audit' && [a.action, a.page ?? null]), [['CHECK', null], ['OPEN', 's1-p1']], 'events name the page when one applies');
    const popup = kinds(result, 'popup')[0];
    assert.ok(popup.kind === 'popup' && popup.page === 's1-p1' && popup.id === 'help', 'a page-level call is traced on its page');
    const rules = kinds(result, 'divergence').map((d) => d.kind === 'divergence' && [d.rule, d.line]);
    assert.deepEqual(rules, [['unknown-named-query', 10], ['unknown-tag', 14], ['unknown-system-function', 17], ['page-call-without-page', 18]]);
  });

  it('raises what a gateway raises for unknown queries, functions and page-less calls under --strict; unknown tags stay Bad', async () => {
    const result = await run(engine, `
def onStartup(session):
    log = system.util.getLogger("t")
    attempts = [
        lambda: system.db.runNamedQuery("Missing", {}),
        lambda: system.util.noSuchThing(),
        lambda: system.perspective.openPopup("p", "Popups/P"),
        lambda: system.tag.readBlocking(["[default]Nope"])[0].quality.isGood(),
    ]
    for attempt in attempts:
        try:
            log.info("returned %s" % attempt())
        except Exception, e:
            log.info(type(e).__name__)
`, [{ open: '/home' }], true);
    assert.deepEqual(logs(result), ['Exception', 'AttributeError', 'ValueError', 'returned False']);
    assert.deepEqual(result.strictFailures.map((f) => f.rule), ['unknown-named-query', 'unknown-system-function', 'page-call-without-page', 'unknown-tag']);
  });

  it('reports a system function Ignition does not have, and logs in fixture users', async () => {
    const result = await run(engine, `
def onStartup(session):
    system.util.frobnicate()
    system.perspective.teleport("/mars")
`, [{ open: '/home' }, { login: 'ada', password: 'pw' }, { expect: { 'props.auth.user.roles': ['Engineer'], user: 'ada' } }]);
    const unknown = kinds(result, 'divergence').filter((d) => d.kind === 'divergence' && d.rule === 'unknown-system-function');
    assert.deepEqual(unknown.map((d) => d.kind === 'divergence' && [d.line, d.message]), [
      [3, 'system.util.frobnicate does not exist in Ignition'],
      [4, 'system.perspective.teleport does not exist in Ignition'],
    ]);
    assert.equal(result.expectations.failed, 0);
  });
});
