// `periscope serve --history`: the built gateway says in its banner and in the inspector's hello how much history
// it keeps, and keeps no more. Its trace in the terminal names files as `periscope simulate` does.
import { strict as assert } from 'node:assert';
import { inspectorAt, serve, type Served } from '../support/serve';

describe('periscope serve --history', function () {
  let served: Served | undefined;
  afterEach(async () => { await served?.stop(); });

  it('keeps 50,000 events by default and says so in its banner', async () => {
    served = await serve(['examples/seed', '--port', '0', '--quiet']);
    assert.match(await served.waitFor(/^\s+history\s/), /^ {2}history {9}the last 50000 trace events and recorded steps \(--history\)$/);
  });

  it('keeps the number asked for, tells inspectors, and drops older events as sessions run', async () => {
    served = await serve(['examples/seed', '--port', '0', '--quiet', '--history', '20']);
    assert.match(await served.waitFor(/^\s+history\s/), /the last 20 trace events/);
    const inspector = await inspectorAt(served.inspectorUrl!);
    const { session } = await inspector.request('open', { path: '/home' });
    for (let i = 0; i < 5; i++) await inspector.request('send', { session, message: 'updatePreference', payload: { name: 'theme', value: `t${i}` }, handler: 'session' });
    const hello = await inspector.request('hello', {});
    assert.equal(hello.history?.events, 20);
    const { last } = await inspector.request('subscribe', { patches: false, events: false });
    assert.ok(last > 22, `${last} events so far`);
    await assert.rejects(inspector.request('trace', { after: 0 }), /this server keeps only the last 20 \(periscope serve --history\)/);
    const kept = await inspector.request('trace', { after: hello.history!.firstSeq - 1 });
    assert.ok(kept.events.length >= 20 && kept.events.length <= 22, `${kept.events.length} kept`);
    inspector.close();
  });
});

describe('periscope serve\'s trace in the terminal', function () {
  let served: Served | undefined;
  afterEach(async () => { await served?.stop(); });

  it('names script files in its trace as periscope simulate does: relative to the working folder', async () => {
    served = await serve(['examples/seed', '--port', '0']);
    const load = await served.waitFor(/ load Session Startup /);
    assert.match(load, /load Session Startup \(examples\/seed\/session-scripts\.md:\d+\)/);
    assert.doesNotMatch(served.output(), /\/examples\/seed\//, 'no absolute path to the seed');
  });
});
