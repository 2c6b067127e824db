import { strict as assert } from 'node:assert';
import { brief, clockText, formatEvent } from '../../shared/runtime/format-text';

describe('the text trace', () => {
  it('shows virtual time as mm:ss.mmm, with hours once a run passes one', () => {
    assert.equal(clockText(0), '00:00.000');
    assert.equal(clockText(840_000), '14:00.000');
    assert.equal(clockText(3_723_004), '1:02:03.004');
  });

  it('shows dates as instants and cuts long values with an ellipsis', () => {
    assert.equal(brief({ at: { $date: Date.UTC(2026, 0, 5, 8) } }), '{"at":"@2026-01-05T08:00:00.000Z"}');
    assert.equal(brief('x'.repeat(200), 10), '"xxxxxxxx…');
  });

  it('writes one line per event naming session and page, new keys and failures plainly', () => {
    assert.equal(
      formatEvent({ seq: 1, time: 840_000, kind: 'prop', session: 's1', page: 's1-p1', path: 'custom.theme', new: 'dark' }),
      '14:00.000 s1/p1  prop custom.theme: (new) → "dark"',
    );
    assert.equal(
      formatEvent({ seq: 2, time: 0, kind: 'query', session: 's1', name: 'GetUserProfile', params: { username: 'admin' }, rowCount: 1 }),
      '00:00.000 s1     query GetUserProfile {"username":"admin"} → 1 rows',
    );
    assert.equal(
      formatEvent({ seq: 3, time: 0, kind: 'divergence', session: null, rule: 'py3-only', message: 'f-string', file: 'doc.md', line: 31 }),
      '00:00.000 -      divergence [py3-only] doc.md:31: f-string',
    );
  });

  it('colours only on a terminal', () => {
    const event = { seq: 1, time: 0, kind: 'auth', session: 's1', action: 'login', user: 'nobody', ok: false, reason: 'no user' } as const;
    assert.doesNotMatch(formatEvent(event, false), /\x1b\[/);
    assert.match(formatEvent(event, true), /\x1b\[31mfailed: no user\x1b\[0m/);
  });
});
