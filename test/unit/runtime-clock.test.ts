import { strict as assert } from 'node:assert';
import { ClockError, parseDuration, VirtualClock } from '../../shared/runtime/clock';

describe('the virtual clock', () => {
  it('fires each timer at its own instant, in time order, while advancing', async () => {
    const clock = new VirtualClock(Date.UTC(2026, 0, 5));
    const fired: Array<[string, number]> = [];
    clock.schedule(900_000, 'timeout', async () => { fired.push(['timeout', clock.now()]); });
    clock.schedule(840_000, 'warning', async () => { fired.push(['warning', clock.now()]); });
    await clock.advance(600_000);
    assert.deepEqual(fired, []);
    await clock.advance(600_000);
    assert.deepEqual(fired, [['warning', 840_000], ['timeout', 900_000]]);
    assert.equal(clock.now(), 1_200_000);
    assert.equal(clock.epochNow(), Date.UTC(2026, 0, 5) + 1_200_000);
  });

  it('fires timers of the same instant in the order they were set, and forgets cancelled ones', async () => {
    const clock = new VirtualClock(0);
    const fired: string[] = [];
    clock.schedule(10, 'a', async () => { fired.push('a'); });
    const b = clock.schedule(10, 'b', async () => { fired.push('b'); });
    clock.schedule(10, 'c', async () => { fired.push('c'); });
    clock.cancel(b);
    await clock.advance(10);
    assert.deepEqual(fired, ['a', 'c']);
  });

  it('fires a timer set by another timer when it falls inside the same advance', async () => {
    const clock = new VirtualClock(0);
    const fired: number[] = [];
    clock.schedule(5, 'first', async () => {
      fired.push(clock.now());
      clock.schedule(clock.now() + 5, 'second', async () => { fired.push(clock.now()); });
    });
    await clock.advance(20);
    assert.deepEqual(fired, [5, 10]);
  });

  it('refuses to go backwards', async () => {
    await assert.rejects(new VirtualClock(0).advance(-1), /positive duration/);
  });

  it('refuses endless and too long moves with a ClockError that says how far it can go, and stays where it was', async () => {
    const clock = new VirtualClock(Date.UTC(2026, 0, 5));
    for (const ms of [Infinity, NaN, 1e308]) await assert.rejects(clock.advance(ms), ClockError);
    const room = 8.64e15 - Date.UTC(2026, 0, 5);
    await assert.rejects(clock.advance(room + 1), (error: Error) => error instanceof ClockError && error.message.includes(`advance at most ${room} ms`) && error.message.includes('+275760-09-13'));
    assert.equal(clock.now(), 0);
    await clock.advance(room);
    assert.equal(new Date(clock.epochNow()).toISOString(), '+275760-09-13T00:00:00.000Z');
  });
});

describe('scenario durations', () => {
  it('reads seconds as numbers and "14m", "1h30m", "90s", "500ms" as text', () => {
    assert.equal(parseDuration(840), 840_000);
    assert.equal(parseDuration('840'), 840_000);
    assert.equal(parseDuration('14m'), 840_000);
    assert.equal(parseDuration('1h30m'), 5_400_000);
    assert.equal(parseDuration('90s'), 90_000);
    assert.equal(parseDuration('500ms'), 500);
  });

  it('rejects what it cannot read', () => {
    for (const bad of ['soon', '14 minutes', '-5', -5, '', null, {}]) assert.equal(parseDuration(bad), undefined, String(bad));
  });

  it('rejects durations no number holds: 1e308 seconds, a 400-digit number, 1e400 days', () => {
    for (const bad of [1e308, '9'.repeat(400), `${'9'.repeat(400)}d`, Infinity]) assert.equal(parseDuration(bad), undefined, String(bad).slice(0, 20));
  });
});
