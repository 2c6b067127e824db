import { strict as assert } from 'node:assert';
import { zoneOffset } from '../../shared/runtime/time-zones';

const HOUR = 3_600_000;

describe("time zone offsets for java.util.TimeZone", () => {
  it('follows daylight saving time, north and south', () => {
    assert.equal(zoneOffset('America/Chicago', Date.UTC(2024, 0, 11)), -6 * HOUR);
    assert.equal(zoneOffset('America/Chicago', Date.UTC(2024, 6, 3)), -5 * HOUR);
    assert.equal(zoneOffset('Australia/Sydney', Date.UTC(2024, 0, 11)), 11 * HOUR);
    assert.equal(zoneOffset('Australia/Sydney', Date.UTC(2024, 6, 3)), 10 * HOUR);
  });

  it('changes at the instant the clocks change, to the millisecond', () => {
    const change = Date.UTC(2024, 2, 10, 8); // 2 a.m. CST on 10 March 2024 is 3 a.m. CDT
    assert.equal(zoneOffset('America/Chicago', change - 1), -6 * HOUR);
    assert.equal(zoneOffset('America/Chicago', change), -5 * HOUR);
    assert.equal(zoneOffset('Asia/Kolkata', change - 1), 5.5 * HOUR);
  });

  it('knows UTC, and no zone it has never heard of', () => {
    assert.equal(zoneOffset('UTC', Date.UTC(2024, 0, 1)), 0);
    assert.equal(zoneOffset('Not/AZone', 0), undefined);
  });
});
