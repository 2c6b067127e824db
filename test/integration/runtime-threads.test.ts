// Threads a session script starts on the Jython engine (java.lang.Thread, threading.Thread) reach system.* and the
// session as on a gateway while the script runs: their calls take turns with the script's and are traced in its run.
import { strict as assert } from 'node:assert';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseScenario } from '../../shared/runtime/scenario';
import { simulate } from '../../shared/runtime/simulation';
import type { TraceEvent } from '../../shared/runtime/trace';
import { testEngines } from '../support/engines';

const jython = testEngines.find((e) => e.name === 'jython');
const describeJython = jython && !jython.unavailable ? describe : describe.skip;

const startup = `
from java.lang import Thread, Runnable
import threading

def onStartup(session):
    class Stamp(Runnable):
        def run(self):
            session.custom.fromJavaThread = system.date.format(system.date.now(), "yyyy")
            system.util.getLogger("worker").info("stamped on " + Thread.currentThread().getName())
    worker = Thread(Stamp(), "stamper")
    worker.start()
    worker.join()
    helper = threading.Thread(target=lambda: setattr(session.custom, "fromPythonThread", 2))
    helper.start()
    helper.join()
    session.custom.afterThreads = session.custom.fromPythonThread + 1
`;

describeJython(`scripts' threads on the Jython engine${jython?.unavailable ? ` (skipped: ${jython.unavailable})` : ''}`, function () {
  this.timeout(120_000);

  it('change the session and log through system.*, traced in the run of the script that started them', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'periscope-threads-'));
    writeFileSync(join(dir, 'session.py'), startup);
    const scenario = parseScenario(join(dir, 'scenario.json'), JSON.stringify({
      steps: [{ open: '/' }, { expect: { 'custom.fromPythonThread': 2, 'custom.afterThreads': 3 } }],
    }));
    const engine = await jython!.start();
    try {
      const result = await simulate({ source: join(dir, 'session.py'), scenario, engine });
      assert.equal(result.expectations.failed, 0, JSON.stringify(result.events.filter((e) => e.kind === 'expect')));
      const changes = result.events.filter((e): e is Extract<TraceEvent, { kind: 'prop' }> => e.kind === 'prop');
      assert.deepEqual(changes.filter((e) => /fromJavaThread|fromPythonThread|afterThreads/.test(e.path)).map((e) => [e.session, e.path]), [
        ['s1', 'custom.fromJavaThread'], ['s1', 'custom.fromPythonThread'], ['s1', 'custom.afterThreads'],
      ]);
      const log = result.events.find((e): e is Extract<TraceEvent, { kind: 'log' }> => e.kind === 'log' && e.logger === 'worker');
      assert.equal(log?.message, 'stamped on stamper');
      assert.equal(log?.session, 's1');
      assert.deepEqual(result.events.filter((e) => e.kind === 'script' && e.status === 'error'), []);
    } finally {
      await engine.dispose();
    }
  });
});
