// Unusual values from scripts, projects and scenarios: each a clear Python error or a faithful value, never a crash.
import { strict as assert } from 'node:assert';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { EngineHost } from '../../shared/runtime/engine-host';
import { parseScenario } from '../../shared/runtime/scenario';
import { simulate, type SimulationResult } from '../../shared/runtime/simulation';
import type { TraceEvent } from '../../shared/runtime/trace';
import { describeEachEngine } from '../support/engines';

type ScriptEvent = Extract<TraceEvent, { kind: 'script' }>;

/** A document whose session message handlers are `handlers` (name → body lines of `def on<name>(session, payload)`). */
function document(handlers: Record<string, string[]>): string {
  const entries = Object.entries(handlers).map(([name, body]) =>
    [`        "${name}": {"handler": "on_${name}", "script": '''`, `def on_${name}(session, payload):`, ...body.map((l) => `    ${l}`), "'''},"].join('\n'));
  return ['# Values', '', '```python', 'def configure_message_handlers():', '    return {', ...entries, '    }', '```', ''].join('\n');
}

/** The line of the document that holds `text` (1-based). */
const lineOf = (text: string, needle: string): number => text.split('\n').findIndex((l) => l.includes(needle)) + 1;

describeEachEngine('unusual values', function (testEngine) {
  let engine: EngineHost;
  before(async function () {
    this.timeout(180_000);
    engine = await testEngine.start();
  });
  after(async () => { await engine.dispose(); });

  async function run(text: string, steps: unknown[]): Promise<SimulationResult> {
    const dir = mkdtempSync(join(tmpdir(), 'periscope-values-'));
    writeFileSync(join(dir, 'scripts.md'), text);
    return simulate({ source: join(dir, 'scripts.md'), scenario: parseScenario(join(dir, 'scenario.json'), JSON.stringify({ steps })), engine });
  }

  const runOf = (result: SimulationResult, name: string): ScriptEvent =>
    result.events.find((e): e is ScriptEvent => e.kind === 'script' && e.name === `message ${name}` && e.event !== 'load')!;

  it('keeps a dict a script made with a $date key a dict, whatever number it holds', async () => {
    const text = document({
      store: ['session.custom.plain = {"$date": 5}', 'session.custom.huge = {"$date": 10**20}'],
      check: ['session.custom.kinds = [type(session.custom.plain.tolist()).__name__, session.custom.huge["$date"] == 10**20]'],
    });
    const result = await run(text, [
      { open: '/' }, { message: 'store' }, { message: 'check' },
      { expect: { 'custom.plain': { $date: 5 }, 'custom.kinds': ['dict', true] } },
    ]);
    assert.equal(runOf(result, 'store').status, 'ok');
    assert.deepEqual(result.expectations.failures, []);
    const props = result.events.filter((e) => e.kind === 'prop' && e.path === 'custom.huge');
    assert.deepEqual(props.map((e) => e.kind === 'prop' && e.new), [{ $date: 1e20 }]);
  });

  it('makes a date no calendar holds a Python error at the script\'s line', async () => {
    const text = document({
      tooLong: ['session.custom.before = 1', 'session.custom.d = system.date.fromMillis(10**20)'],
      tooFar: ['d = system.date.fromMillis(86400000000000000)'],
      java: ['from java.util import Date', 'Date(10**20)'],
    });
    const result = await run(text, [{ open: '/' }, { message: 'tooLong' }, { message: 'tooFar' }, { message: 'java' }, { expect: { 'custom.before': 1 } }]);
    const tooLong = runOf(result, 'tooLong').error!;
    assert.deepEqual([tooLong.type, tooLong.line], ['TypeError', lineOf(text, 'fromMillis(10**20)')]);
    assert.match(tooLong.message, /can't be coerced to long/);
    const tooFar = runOf(result, 'tooFar').error!;
    assert.deepEqual([tooFar.type, tooFar.line], ['ValueError', lineOf(text, 'fromMillis(86400000000000000)')]);
    assert.match(tooFar.message, /beyond the dates the simulator holds/);
    assert.equal(runOf(result, 'java').error!.type, 'TypeError');
    assert.match(runOf(result, 'java').error!.message, /^java\.util\.Date\(\): 1st arg can't be coerced to long/);
    assert.deepEqual(result.expectations.failures, []);
    assert.ok(!result.events.some((e) => e.kind === 'internal' || (e.kind === 'log' && /Invalid time value/.test(e.message))));
  });

  it('refuses a structure 100 000 deep and a million keys at the writing line, keeping the session as it was', async () => {
    const text = document({
      deep: ['session.custom.before = 1', 'x = []', 'for i in range(100000):', '    x = [x]', 'session.custom.deep = x'],
      wide: ['session.custom.wide = dict(("k%d" % i, i) for i in range(1000000))'],
      after: ['session.custom.after = session.custom.before + 1'],
    });
    const result = await run(text, [{ open: '/' }, { message: 'deep' }, { message: 'wide' }, { message: 'after' }, { expect: { 'custom.before': 1, 'custom.after': 2 } }]);
    const deep = runOf(result, 'deep').error!;
    assert.deepEqual([deep.type, deep.line, deep.cause], ['ValueError', lineOf(text, 'session.custom.deep = x'), 'exception']);
    assert.match(deep.message, /nested deeper than 64 levels/);
    const wide = runOf(result, 'wide').error!;
    assert.deepEqual([wide.type, wide.line], ['ValueError', lineOf(text, 'session.custom.wide')]);
    assert.match(wide.message, /more than 100000 elements/);
    assert.deepEqual(result.expectations.failures, []);
    assert.deepEqual(Object.keys(result.sessions[0].custom ?? {}).sort(), ['after', 'before']);
  });

  it('decodes JSON text with a $date key into a dict', async () => {
    const text = document({ decode: ['session.custom.decoded = type(system.util.jsonDecode(\'{"$date": 5}\')).__name__'] });
    const result = await run(text, [{ open: '/' }, { message: 'decode' }, { expect: { 'custom.decoded': 'dict' } }]);
    assert.deepEqual(result.expectations.failures, []);
  });

  it('refuses a clock advance past the last date as a failed step, and the scenario goes on', async () => {
    const text = document({ mark: ['session.custom.marked = True'] });
    const result = await run(text, [{ open: '/' }, { advance: 8_640_000_000_000 }, { message: 'mark' }, { expect: { 'custom.marked': true } }]);
    assert.equal(result.expectations.failed, 1);
    assert.match(result.expectations.failures[0].message, /step 2: cannot advance the clock by 8640000000000000 ms: it would pass \+275760-09-13T00:00:00\.000Z, the last date a simulation holds; advance at most \d+ ms from here/);
    assert.equal(result.expectations.passed, 1);
    assert.ok(!result.events.some((e) => e.kind === 'clock'));
  });

  it('opens a view holding a 50 MB string and runs the project scenario on it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'periscope-big-view-'));
    cpSync('test/fixtures/project-81', dir, { recursive: true });
    const file = join(dir, 'com.inductiveautomation.perspective/views/Overview/view.json');
    const view = JSON.parse(readFileSync(file, 'utf8')) as { custom?: Record<string, unknown> };
    view.custom = { ...view.custom, blob: 'x'.repeat(50_000_000) };
    writeFileSync(file, JSON.stringify(view));
    const scenario = parseScenario(join(dir, 'scenario.json'), readFileSync(join(dir, 'scenario.json'), 'utf8'));
    const result = await simulate({ source: dir, scenario, engine });
    assert.deepEqual(result.expectations.failures, []);
    assert.deepEqual(result.internalFailures, []);
    assert.ok(!result.events.some((e) => e.kind === 'script' && e.status === 'error'));
  });
});
