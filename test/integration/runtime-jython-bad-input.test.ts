// Bad input on the Jython engine, seen from a session: a JVM that dies mid-run, a script that exhausts the heap, a
// script writing to System.out. Each is a clear error or output in the trace; the session keeps every prop and
// handles the next message on the JVM that replaced the lost one.
import { strict as assert } from 'node:assert';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EngineHost } from '../../shared/runtime/engine-host';
import { parseScenario } from '../../shared/runtime/scenario';
import { simulate } from '../../shared/runtime/simulation';
import type { TraceEvent } from '../../shared/runtime/trace';
import { testEngines } from '../support/engines';

const jython = testEngines.find((e) => e.name === 'jython');
const describeJython = jython && !jython.unavailable ? describe : describe.skip;

const handlers = `
def configure_message_handlers():
    return {
        "die": {"handler": "die", "script": '''
import java.lang
def die(session, payload):
    session.custom.beforeDeath = True
    exit = java.lang.Class.forName("java.lang.System").getMethod("exit", [java.lang.Integer.TYPE])
    exit.invoke(None, [9])
'''},
        "hog": {"handler": "hog", "script": '''
import jarray
def hog(session, payload):
    kept = []
    while True:
        kept.append(jarray.zeros(32 * 1024 * 1024, "b"))
'''},
        "talk": {"handler": "talk", "script": '''
from java.lang import System
def talk(session, payload):
    System.out.println("through System.out")
'''},
        "count": {"handler": "count", "script": "def count(session, payload):\\n    session.custom.n += 1\\n"},
    }

def initialize_custom_properties():
    return {"n": 0}
`;

describeJython(`bad input to a session on the Jython engine${jython?.unavailable ? ` (skipped: ${jython.unavailable})` : ''}`, function () {
  this.timeout(180_000);

  it('reports a dead JVM and an exhausted heap at their handlers, keeps every prop, and runs the next message', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'periscope-jvm-'));
    writeFileSync(join(dir, 'events.py'), handlers);
    const scenario = parseScenario(join(dir, 'scenario.json'), JSON.stringify({
      steps: [
        { open: '/' }, { message: 'count' }, { write: { 'custom.kept': 'yes' } },
        { message: 'die' }, { message: 'count' }, { message: 'hog' }, { message: 'count' }, { message: 'talk' },
        { expect: { 'custom.n': 3, 'custom.kept': 'yes', 'custom.beforeDeath': true } },
      ],
    }));
    // A smaller heap than a gateway's 1 GB, so that exhausting it takes a moment.
    const engine = await EngineHost.start((options) => jython!.create(options), { name: 'jython' });
    try {
      const result = await simulate({ source: join(dir, 'events.py'), scenario, engine });
      const runs = result.events.filter((e): e is Extract<TraceEvent, { kind: 'script' }> => e.kind === 'script' && e.event !== 'load');
      const failed = (name: string) => runs.find((r) => r.name === `message ${name}`)?.error;
      assert.deepEqual([failed('die')?.type, failed('die')?.cause], ['EngineCrash', 'crash']);
      assert.match(failed('die')?.message ?? '', /JVM stopped \(exit code 9\)/);
      assert.deepEqual([failed('hog')?.type, failed('hog')?.cause, failed('hog')?.line], ['java.lang.OutOfMemoryError', 'crash', 6]);
      const said = result.events.find((e): e is Extract<TraceEvent, { kind: 'log' }> => e.kind === 'log' && e.logger === 'stdout');
      assert.deepEqual([said?.message, said?.session], ['through System.out', 's1']);
      assert.deepEqual(result.expectations.failures, []);
    } finally {
      await engine.dispose();
    }
  });
});
