import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { formatJavaDate, parseJavaDate } from '../../shared/runtime/java-date-format';

describe('system.date.format and parse patterns', () => {
  const instant = Date.UTC(2026, 0, 5, 14, 7, 9, 42);

  it('formats the Java patterns scripts use', () => {
    assert.equal(formatJavaDate(instant, 'yyyy-MM-dd HH:mm:ss'), '2026-01-05 14:07:09');
    assert.equal(formatJavaDate(instant, 'MM/dd/yyyy'), '01/05/2026');
    assert.equal(formatJavaDate(instant, 'EEE, d MMM yy h:mm a'), 'Mon, 5 Jan 26 2:07 PM');
    assert.equal(formatJavaDate(instant, "HH:mm:ss.SSS 'UTC'"), '14:07:09.042 UTC');
  });

  it('parses what it formats, for any instant', () => {
    const pattern = 'yyyy-MM-dd HH:mm:ss.SSS';
    fc.assert(fc.property(fc.integer({ min: 0, max: Date.UTC(9999, 11, 31) }), (ms) => {
      assert.equal(parseJavaDate(formatJavaDate(ms, pattern), pattern), ms);
    }));
  });

  it('returns nothing for text that does not match the pattern', () => {
    assert.equal(parseJavaDate('05/01/2026', 'yyyy-MM-dd'), undefined);
    assert.equal(parseJavaDate('2026-01-05 extra', 'yyyy-MM-dd'), undefined);
  });
});
