// The devtools panel's own logic, without a browser: the rows its tree draws, the trace sorted into its tabs,
// the values and durations people type, and the diff between a session then and now.
import { strict as assert } from 'node:assert';
import { parseDuration, formatSpan } from '../../extension/panel/model/duration';
import { EventIndex } from '../../extension/panel/model/event-index';
import { parseJsonInput, parsePayloadInput } from '../../extension/panel/model/json-input';
import { eventsOfRun } from '../../extension/panel/model/run-events';
import { treeRows, type TreeSection } from '../../extension/panel/model/tree-rows';
import { jsonDiff } from '../../shared/inspector/diff';
import type { TraceEvent } from '../../shared/runtime/trace';

const custom: TreeSection = {
  id: 'custom', title: 'session.custom', path: 'custom', editable: true,
  root: { preferences: { theme: 'light', language: 'en' }, rows: [1, 2], big: { $more: { path: 'custom.big', kind: 'object', size: 10_000 } } },
};
const props: TreeSection = { id: 'props', title: 'session.props', path: 'props', editable: true, root: { id: 's1', theme: 'light', auth: { user: null } }, access: { id: 'system', theme: 'public', auth: 'private' } };

describe('the panel\'s property tree rows', () => {
  it('draws only the sections and the nodes under expanded parents, with protocol paths', () => {
    const rows = treeRows([custom], new Set(['custom:', 'custom:custom.preferences']));
    assert.deepEqual(rows.map((r) => [r.path, r.kind]), [
      ['custom', 'section'], ['custom.preferences', 'object'], ['custom.preferences.theme', 'value'], ['custom.preferences.language', 'value'],
      ['custom.rows', 'array'], ['custom.big', 'stub'],
    ]);
    assert.equal(rows.find((r) => r.path === 'custom.big')?.size, 10_000, 'a stub says how much waits behind it');
  });

  it('badges session props by access and never offers SYSTEM or PRIVATE props for editing', () => {
    const rows = treeRows([props], new Set(['props:', 'props:props.auth']));
    const byPath = new Map(rows.map((r) => [r.path, r]));
    assert.equal(byPath.get('props.id')?.badge, 'system');
    assert.equal(byPath.get('props.id')?.editable, false);
    assert.equal(byPath.get('props.theme')?.editable, true);
    assert.equal(byPath.get('props.auth.user')?.editable, false, 'nothing under a PRIVATE prop is editable either');
  });

  it('shows what a search matches, with its ancestors, whatever is expanded', () => {
    const rows = treeRows([custom, props], new Set(), 'LANG');
    assert.deepEqual(rows.filter((r) => r.kind !== 'section').map((r) => [r.path, r.match]), [['custom.preferences', false], ['custom.preferences.language', true]]);
  });

  it('leaves keys a property path cannot spell readable but not editable', () => {
    const rows = treeRows([{ ...custom, root: { 'a.b': 1 } }], new Set(['custom:']));
    assert.equal(rows[1].key, 'a.b');
    assert.equal(rows[1].editable, false);
  });
});

describe('the trace as the panel\'s tabs list it', () => {
  const base = { session: 's1', time: 0 };
  const events: TraceEvent[] = [
    { ...base, seq: 1, kind: 'message', name: 'updatePreference', payload: { name: 'theme' }, handled: true, scope: 'S', from: 'client' },
    { ...base, seq: 2, kind: 'log', logger: 'Session', level: 'info', message: 'hello' },
    { ...base, seq: 3, kind: 'prop', path: 'custom.preferences.theme', old: 'light', new: 'dark' },
    { ...base, seq: 4, kind: 'query', name: 'UpdateUserPreference', params: {}, rowsAffected: 1, durationMs: 0.4 },
    { ...base, seq: 5, kind: 'script', name: 'message updatePreference', event: 'message updatePreference', file: 'a.md', line: 9, status: 'ok', result: { status: 'updated' }, durationMs: 3 },
  ];

  it('pairs each handled message with its handler\'s run, and keeps logs and queries apart', () => {
    const index = new EventIndex();
    index.update({ events, dropped: 0 });
    assert.equal(index.messages.length, 1);
    assert.deepEqual(index.messages[0].run?.result, { status: 'updated' });
    assert.deepEqual(index.logs.map((l) => l.message), ['hello']);
    assert.deepEqual(index.queries.map((q) => q.durationMs), [0.4]);
  });

  it('reads only new events on each update, and forgets what the history cap dropped', () => {
    const index = new EventIndex();
    index.update({ events: events.slice(0, 2), dropped: 0 });
    index.update({ events: events.slice(1), dropped: 1 });
    assert.equal(index.logs.length, 1, 'the log was not read twice');
    assert.equal(index.messages.length, 0, 'the message before the cap is gone');
  });

  it('finds the events of a script run: what its session did since the run before', () => {
    assert.deepEqual(eventsOfRun(events, 4).map((e) => e.seq), [2, 3, 4]);
  });
});

describe('what people type into the panel', () => {
  it('takes JSON values and says how to fix text that is not JSON', () => {
    assert.deepEqual(parseJsonInput(' {"a": [1, true, null]} '), { ok: true, value: { a: [1, true, null] } });
    const bare = parseJsonInput('compact');
    assert.ok(!bare.ok && bare.message.includes('text needs quotes: "compact"'));
    const forbidden = parseJsonInput('{"__proto__": {"x": 1}}');
    assert.ok(!forbidden.ok && forbidden.message.includes('__proto__'));
  });

  it('takes only an object as a message payload', () => {
    assert.deepEqual(parsePayloadInput(''), { ok: true, value: {} });
    assert.ok(!parsePayloadInput('[1]').ok);
  });

  it('reads durations as people write them, and writes spans back in words', () => {
    assert.deepEqual(parseDuration('14m 1s'), { ok: true, ms: 841_000 });
    assert.deepEqual(parseDuration('1h30m'), { ok: true, ms: 5_400_000 });
    assert.deepEqual(parseDuration('250ms'), { ok: true, ms: 250 });
    assert.equal(parseDuration('soon').ok, false);
    assert.equal(formatSpan(840_000), '14 min');
    assert.equal(formatSpan(5_430_000), '1 h 30 min 30 s');
  });
});

describe('the diff between a session then and now', () => {
  it('names each added, removed and changed value by its path, and does not compare data not loaded', () => {
    const then = { preferences: { theme: 'light' }, temp: { a: 1 }, big: { $more: { path: 'custom.big', kind: 'object', size: 3 } } };
    const now = { preferences: { theme: 'dark' }, userProfile: { firstName: 'Ada' }, big: { a: 1 } };
    assert.deepEqual(jsonDiff(then, now, 'custom'), [
      { path: 'custom.preferences.theme', change: 'changed', before: 'light', after: 'dark' },
      { path: 'custom.temp', change: 'removed', before: { a: 1 } },
      { path: 'custom.userProfile', change: 'added', after: { firstName: 'Ada' } },
    ]);
  });
});
