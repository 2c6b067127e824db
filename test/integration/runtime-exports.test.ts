// A project shaped like real exports runs as a gateway runs it: a missing parent and missing views fail where they
// are used, QueryString values are spliced (and traced), text Jython drops is dropped, and a stored body whose
// lines disagree fails when it loads; none of it stops the run.
import { strict as assert } from 'node:assert';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createPyodideEngine } from '../../shared/engine/pyodide';
import { EngineHost } from '../../shared/runtime/engine-host';
import { parseScenario } from '../../shared/runtime/scenario';
import { simulate, type SimulationResult } from '../../shared/runtime/simulation';
import type { TraceEvent } from '../../shared/runtime/trace';
import { writeTree } from '../unit/loader-bad-input.test';

const P = 'com.inductiveautomation.perspective';
const resource = (file: string) => JSON.stringify({ scope: 'G', version: 1, files: [file], attributes: { enabled: true } });

/** An 8.3 export of one project whose parent (Global) was not exported. */
function exportedProject(root: string): void {
  const view = (root: object) => JSON.stringify({ custom: {}, params: {}, props: {}, root });
  writeTree(root, {
    'project.json': JSON.stringify({ title: 'Plant', parent: 'Global', enabled: true }),
    'periscope.json': JSON.stringify({
      project: { name: 'Plant', version: '8.3' },
      database: {
        schema: ['CREATE TABLE orders (id INTEGER PRIMARY KEY AUTOINCREMENT, line TEXT NOT NULL, qty INTEGER NOT NULL)'],
        rows: { orders: [{ line: 'Filler', qty: 10 }, { line: 'Filler', qty: 20 }, { line: 'Capper', qty: 5 }] },
      },
    }),
    [`${P}/page-config/config.json`]: JSON.stringify({
      pages: { '/': { title: 'Home', viewPath: 'Main' }, '/report': { title: 'Report', viewPath: 'Reports/Shift' } },
      sharedDocks: { left: [{ id: 'nav', viewPath: 'Docks/Nav', show: 'visible' }] },
    }),
    [`${P}/page-config/resource.json`]: resource('config.json'),
    [`${P}/views/Main/view.json`]: view({
      type: 'ia.container.flex', meta: { name: 'root' },
      // Stored by hand: the first line indented, the second not, so it falls outside runAction.
      events: { system: { onStartup: { type: 'script', scope: 'G', config: { script: '\tself.custom.started = True\nself.custom.outside = True' } } } },
      children: [{ type: 'ia.display.view', meta: { name: 'Legend' }, props: { path: 'Parts/Legend' } }],
    }),
    [`${P}/views/Main/resource.json`]: resource('view.json'),
    [`${P}/startup/resource.json`]: resource('onStartup.py'),
    [`${P}/startup/onStartup.py`]: 'def onStartup(session):\n\tsession.custom.ready = True\n\tsession.custom.label = filters.label("Filler")\n',
    [`${P}/message/orders/resource.json`]: resource('handleMessage.py'),
    [`${P}/message/orders/handleMessage.py`]: [
      'def handleMessage(session, payload):',
      '\trows = system.db.runNamedQuery("Orders/ByLine", {"line": payload["line"], "column": "id"})',
      '\tsession.custom.count = rows.getRowCount()',
      // Jython drops the lone `!` and the space after it: this is `==`.
      '\tsession.custom.capper = False',
      '\tif payload["line"] ! == "Capper":',
      '\t\tsession.custom.capper = True',
      '\t"""',
      '\tsession.custom.never = True',
      '',
    ].join('\n'),
    'ignition/named-query/Orders/ByLine/query.sql': "SELECT id, qty FROM orders WHERE line = '{line}' ORDER BY {column}",
    'ignition/named-query/Orders/ByLine/resource.json': JSON.stringify({
      scope: 'DG', version: 2, files: ['query.sql'],
      attributes: { type: 'Query', enabled: true, parameters: [{ type: 'QueryString', identifier: 'line' }, { type: 'QueryString', identifier: 'column' }] },
    }),
  });
}

/** session.custom of the run's first session, as plain data. */
const custom = (result: SimulationResult) => result.sessions[0].custom as Record<string, unknown>;

const ofKind = <K extends TraceEvent['kind']>(result: SimulationResult, kind: K) => result.events.filter((e): e is Extract<TraceEvent, { kind: K }> => e.kind === kind);

describe('a project shaped like real exports, run as a gateway runs it', function () {
  let engine: EngineHost;
  let dir: string;
  let result: SimulationResult;

  before(async () => {
    engine = await EngineHost.start(createPyodideEngine);
    dir = mkdtempSync(join(tmpdir(), 'periscope-export-'));
    exportedProject(join(dir, 'Plant'));
    const scenario = parseScenario(join(dir, 'scenario.json'), JSON.stringify({
      steps: [
        { open: '/' },
        { expect: { 'custom.ready': true } },
        { message: 'orders', payload: { line: 'Filler' } },
        { expect: { 'custom.count': 2, 'custom.capper': false } },
        { message: 'orders', payload: { line: "x' OR '1'='1" } },
        { expect: { 'custom.count': 3 } },
        { message: 'orders', payload: { line: "x'; DELETE FROM orders; --" } },
        { message: 'orders', payload: { line: 'Capper' } },
        { expect: { 'custom.count': 1, 'custom.capper': true } },
        { navigate: '/report' },
        { close: true },
      ],
    }));
    result = await simulate({ source: join(dir, 'Plant'), scenario, engine });
  });
  after(async () => {
    await engine.dispose();
    rmSync(dir, { recursive: true, force: true });
  });

  it('runs to the end and keeps the project\'s problems beside the trace, each with its rule', () => {
    assert.deepEqual(result.expectations.failures, []);
    assert.deepEqual([...new Set(result.tolerated.map((p) => p.rule))].sort(), ['missing-parent-project', 'missing-view', 'sql-injection-risk']);
  });

  it('shows a missing view as a divergence when the page, dock or Embedded View shows it, and the page goes on', () => {
    const missing = ofKind(result, 'divergence').filter((d) => d.rule === 'missing-view').map((d) => d.message.match(/"([^"]+)"/)?.[1]);
    assert.deepEqual([...new Set(missing)].sort(), ['Docks/Nav', 'Parts/Legend', 'Reports/Shift']);
    assert.ok(ofKind(result, 'navigate').some((e) => e.to === '/report'));
  });

  it('leaves the missing parent\'s library undefined until a script uses it, where it fails with NameError', () => {
    const startup = ofKind(result, 'script').find((e) => e.name === 'onStartup' && e.event === 'onStartup');
    assert.equal(startup?.status, 'error');
    assert.deepEqual(startup?.error && [startup.error.type, startup.error.message, startup.error.line], ['NameError', "global name 'filters' is not defined", 3]);
    assert.equal(custom(result).ready, true, 'the lines before the use ran');
  });

  it('splices QueryString values into the SQL, traces the statement as sent, and reports the one the database refused', () => {
    const queries = ofKind(result, 'query').filter((q) => q.name === 'Orders/ByLine');
    assert.deepEqual(queries.map((q) => q.sql), [
      "SELECT id, qty FROM orders WHERE line = 'Filler' ORDER BY id",
      "SELECT id, qty FROM orders WHERE line = 'x' OR '1'='1' ORDER BY id",
      "SELECT id, qty FROM orders WHERE line = 'x'; DELETE FROM orders; --' ORDER BY id",
      "SELECT id, qty FROM orders WHERE line = 'Capper' ORDER BY id",
    ]);
    assert.ok(queries[2].error, 'SQLite refuses two statements in one');
  });

  it('drops what Jython drops: a lone ! (so != is ==), and everything after an unclosed triple quote', () => {
    assert.equal(custom(result).capper, true);
    assert.equal(custom(result).never, undefined);
  });

  it('loads a stored body whose lines disagree as the gateway does: the line outside the function fails when the view loads', () => {
    const load = ofKind(result, 'script').find((e) => e.name === 'Main root onStartup' && e.event === 'load');
    assert.equal(load?.status, 'error');
    assert.deepEqual(load?.error && [load.error.type, load.error.message], ['NameError', "name 'self' is not defined"]);
  });
});
