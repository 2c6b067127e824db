// The per-script time limit: --script-timeout and periscope.json set it, and a run ends saying what timeouts cost.
import { strict as assert } from 'node:assert';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../shared/cli/main';
import { captureIo } from '../unit/cli.test';

const runaway = [
  '# Runaway', '', '```python',
  'def configure_message_handlers():',
  '    return {"spin": {"handler": "onSpin", "script": """',
  'def onSpin(session, payload):',
  '    session.custom.spun = True',
  '    while True:',
  '        pass',
  '"""}}',
  '```', '',
].join('\n');

/** A folder with the runaway document, a scenario running it twice, and `periscope.json` when given. */
function folder(fixtures?: object): string {
  const dir = mkdtempSync(join(tmpdir(), 'periscope-timeout-'));
  writeFileSync(join(dir, 'scripts.md'), runaway);
  writeFileSync(join(dir, 'scenario.json'), JSON.stringify({ steps: [{ open: '/' }, { message: 'spin' }, { message: 'spin' }, { expect: { 'custom.spun': true } }] }));
  if (fixtures) writeFileSync(join(dir, 'periscope.json'), JSON.stringify(fixtures));
  return dir;
}

const stopped = (out: string): string[] => [...out.matchAll(/TimeoutError: the script ran longer than (\d+) ms/g)].map((m) => m[1]);

describe('the per-script time limit', function () {
  this.timeout(180_000);

  it('stops each runaway run at --script-timeout, keeping the state, and says what the timeouts cost', async () => {
    const io = captureIo();
    assert.equal(await main(['simulate', folder(), '--script-timeout', '1500ms', '--format', 'json'], io), 0);
    const result = JSON.parse(io.out) as { events: Array<{ error?: { message: string } }>; expectations: { failed: number }; timeouts: { scripts: number; lostMs: number } };
    assert.deepEqual(result.events.flatMap((e) => (e.error ? [e.error.message] : [])), Array(2).fill('the script ran longer than 1500 ms and was stopped'));
    assert.equal(result.expectations.failed, 0);
    assert.equal(result.timeouts.scripts, 2);
    assert.ok(result.timeouts.lostMs >= 3000, `${result.timeouts.lostMs} ms lost`);
  });

  it('takes the limit from periscope.json, and --script-timeout over it', async () => {
    const configured = captureIo();
    assert.equal(await main(['simulate', folder({ engine: { scriptTimeout: 1.5 } })], configured), 0);
    assert.deepEqual(stopped(configured.out), ['1500', '1500']);
    const overridden = captureIo();
    assert.equal(await main(['simulate', folder({ engine: { scriptTimeout: '1m' } }), '--script-timeout', '1.2'], overridden), 0);
    assert.deepEqual(stopped(overridden.out), ['1200', '1200']);
  });

  it('ends a text run and a periscope test run with the time lost, over every scenario', async () => {
    const tested = captureIo();
    assert.equal(await main(['test', folder(), folder(), '--script-timeout', '1500ms'], tested), 0);
    assert.match(tested.out, /\n2 passed, 0 failed\ntime lost to script timeouts: \d+\.\d s \(4 script runs stopped at the limit\); --script-timeout or periscope\.json's "engine": \{"scriptTimeout": 2\} changes the limit\n$/);
  });

  it('refuses a limit it cannot use, naming the option or the file', async () => {
    for (const bad of ['0', 'soon', '2h']) {
      const io = captureIo();
      assert.equal(await main(['simulate', folder(), '--script-timeout', bad], io), 2);
      assert.match(io.err, new RegExp(`--script-timeout takes seconds \\(2\\) or a duration \\("500ms", "1m"\\) of 1 ms to 60 minutes, not ${bad}`));
    }
    const io = captureIo();
    const dir = folder({ engine: { scriptTimeout: -1, jar: 'x' } });
    assert.equal(await main(['simulate', dir], io), 2);
    assert.match(io.err, /periscope\.json:1:\d+: engine\.scriptTimeout is how long one script may run: seconds \(5\) or a duration \("500ms", "2m"\) of 1 ms to 1 h, not -1/);
    assert.match(io.err, /unknown key "jar" in engine; expected jython, scriptTimeout/);
  });
});
