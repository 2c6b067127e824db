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
import { exportedProject } from '../support/exported-project';

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
        { action: { view: 'Main', component: 'root/Schedule', event: 'onActionPerformed' } },
        { expect: { 'custom.scheduled': true } },
        { message: 'orders', payload: { line: 'Filler' } },
        { expect: { 'custom.count': 2, 'custom.capper': false } },
        { message: 'orders', payload: { line: "x' OR '1'='1" } },
        { expect: { 'custom.count': 3 } },
        { message: 'orders', payload: { line: "x'; DELETE FROM orders; --" } },
        { message: 'orders', payload: { line: 'Capper' } },
        { expect: { 'custom.count': 1, 'custom.capper': true } },
        { message: 'shared' },
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
    const missing = ofKind(result, 'divergence').filter((d) => d.rule === 'missing-view').map((d) => d.message.match(/the view "([^"]+)"/)?.[1]);
    assert.deepEqual([...new Set(missing)].sort(), ['Docks/Nav', 'Parts/Legend', 'Reports/Shift']);
    assert.match(ofKind(result, 'divergence').find((d) => d.rule === 'missing-view')!.message, /it may be a view of the parent project Global, which is not in the export/);
    assert.ok(ofKind(result, 'navigate').some((e) => e.to === '/report'));
  });

  it('leaves the missing parent\'s library undefined until a script uses it, where it fails with NameError', () => {
    const startup = ofKind(result, 'script').find((e) => e.name === 'onStartup' && e.event === 'onStartup');
    assert.equal(startup?.status, 'error');
    assert.deepEqual(startup?.error && [startup.error.type, startup.error.message, startup.error.line], ['NameError', "global name 'filters' is not defined", 4]);
    assert.equal(custom(result).ready, true, 'the lines before the use ran');
    assert.equal(custom(result).rate, 5, 'a library module whose folders hold no script of their own is imported by its dotted name');
  });

  it('leaves the missing parent\'s named queries undefined until a script runs one: a divergence there, and the session goes on', () => {
    const unknown = ofKind(result, 'divergence').filter((d) => d.rule === 'unknown-named-query');
    assert.deepEqual(unknown.map((d) => [d.message.match(/"([^"]+)"/)?.[1], d.line]), [['Shared/Lines', 2]]);
    assert.match(unknown[0].message, /it may be one of the parent project Global, which is not in the export/);
    assert.ok(ofKind(result, 'navigate').some((e) => e.to === '/report'));
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

  it('runs the change script of a param whose name the Designer quotes in propConfig', () => {
    const change = ofKind(result, 'script').find((e) => e.event === 'valueChanged' || /Schedule Meeting/.test(e.name));
    assert.equal(change?.status, 'ok');
    assert.equal(custom(result).scheduled, true);
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
