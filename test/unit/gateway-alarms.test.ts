import { strict as assert } from 'node:assert';
import type { AlarmFixture } from '../../shared/gateway-config/fixtures';
import { FixtureAlarmStore } from '../../shared/gateway/alarms';

const alarms: AlarmFixture[] = [
  { source: 'prov:default:/tag:Tank/Level:/alm:High', displayPath: 'Tank 1/Level High', name: 'High', priority: 'High', state: 'ActiveUnacked', activeTime: '2026-03-02T06:00:00Z' },
  { source: 'Tank/Level', name: 'Low', priority: 'Low', state: 'ClearUnacked' },
  { source: 'prov:default:/tag:Pump/Fault:/alm:Fault', displayPath: 'Pump 1/Fault', name: 'Fault', priority: 4, state: 'ActiveAcked' },
  { source: 'prov:edge:/tag:Door/Open:/alm:Open', name: 'Open', priority: 'Diagnostic', state: 'ClearAcked' },
];

describe('alarm status queries', () => {
  const store = new FixtureAlarmStore(alarms, 1000);
  const names = (q: Parameters<typeof store.queryStatus>[0]) => store.queryStatus(q).map((e) => e.name);

  it('returns every alarm when no filter is given, with states, priorities and times', () => {
    const [high, low] = store.queryStatus({});
    assert.deepEqual(
      { priority: high.priority, acked: high.acked, cleared: high.cleared, activeTime: high.activeTime },
      { priority: 3, acked: false, cleared: false, activeTime: Date.parse('2026-03-02T06:00:00Z') },
    );
    assert.equal(low.source, 'prov:default:/tag:Tank/Level:/alm:Low');
    assert.equal(low.activeTime, 1000);
  });

  it('filters by priority given as names or numbers', () => {
    assert.deepEqual(names({ priority: ['High', 4] }), ['High', 'Fault']);
    assert.deepEqual(names({ priority: ['diagnostic'] }), ['Open']);
  });

  it('filters by state', () => {
    assert.deepEqual(names({ state: ['ActiveUnacked', 'ActiveAcked'] }), ['High', 'Fault']);
  });

  it('matches source, path and display path filters with * wildcards', () => {
    assert.deepEqual(names({ source: ['*Tank/Level*'] }), ['High', 'Low']);
    assert.deepEqual(names({ path: ['[default]Pump/*'] }), ['Fault']);
    assert.deepEqual(names({ displaypath: ['Tank 1/*'] }), ['High']);
    assert.deepEqual(names({ provider: ['edge'] }), ['Open']);
  });

  it('treats regular expression characters in a filter literally', () => {
    assert.deepEqual(names({ displaypath: ['Tank 1/Level.High'] }), []);
  });
});
