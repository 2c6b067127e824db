// The Timeline tab: the session's events in order (script runs with their logs and errors at file:line, prop
// diffs per event); selecting an event shows the session as it was right after it (stateAt), with what changed
// since marked, as Redux DevTools shows a past state.
import type { SessionState } from '../../../shared/inspector/protocol';
import { jsonDiff, type Difference } from '../../../shared/inspector/diff';
import { brief, clockText, describeEvent } from '../../../shared/runtime/format-text';
import type { TraceEvent, TraceKind } from '../../../shared/runtime/trace';
import { useEffect, useMemo, useState } from 'preact/hooks';
import { formatDuration } from '../model/duration';
import { eventsOfRun, propChanges } from '../model/run-events';
import { Detail } from '../ui/Detail';
import { JsonTree } from '../ui/JsonTree';
import { selectByKey, VirtualList } from '../ui/VirtualList';
import { sessionSections, type TabProps } from './props';

const GROUPS: Array<{ name: string; kinds: TraceKind[] }> = [
  { name: 'Session', kinds: ['session', 'auth', 'clock'] },
  { name: 'Pages', kinds: ['page', 'navigate', 'popup', 'dock'] },
  { name: 'Scripts', kinds: ['script', 'divergence', 'internal'] },
  { name: 'Props', kinds: ['prop'] },
  { name: 'Messages', kinds: ['message'] },
  { name: 'Logs', kinds: ['log'] },
  { name: 'Data', kinds: ['query', 'tag', 'alarm', 'audit'] },
  { name: 'Other', kinds: ['call', 'client', 'expect'] },
];

function isProblem(event: TraceEvent): boolean {
  return (event.kind === 'script' && event.status === 'error') || event.kind === 'divergence' || event.kind === 'internal' || (event.kind === 'log' && /error|warn/i.test(event.level));
}

export function TimelineTab(props: TabProps) {
  const { store, session } = props;
  const [hidden, setHidden] = useState<Set<string>>(() => new Set(['Other']));
  const [search, setSearch] = useState('');
  const [selectedSeq, setSelectedSeq] = useState<number | undefined>(undefined);
  const needle = search.trim().toLowerCase();
  const shownKinds = new Set(GROUPS.filter((g) => !hidden.has(g.name)).flatMap((g) => g.kinds));
  const events = useMemo(
    () => store.events.filter((e) => (e.session === null || !session || e.session === session.id) && shownKinds.has(e.kind) && (needle === '' || describeEvent(e).toLowerCase().includes(needle))),
    [store.version, session?.id, [...shownKinds].join(), needle],
  );
  const selected = events.findIndex((e) => e.seq === selectedSeq);
  const toggle = (name: string) => {
    const next = new Set(hidden);
    if (next.has(name)) next.delete(name);
    else next.add(name);
    setHidden(next);
  };
  return (
    <div class="split">
      <section class="pane grow">
        <div class="toolbar">
          <input class="search" type="search" placeholder="Search events" value={search} onInput={(e) => setSearch(e.currentTarget.value)} aria-label="search the timeline" />
          {GROUPS.map((g) => (
            <button type="button" key={g.name} class={`chip ${hidden.has(g.name) ? '' : 'on'}`} aria-pressed={!hidden.has(g.name)} onClick={() => toggle(g.name)}>{g.name}</button>
          ))}
          <span class="hint">{events.length} events{store.dropped > 0 ? ` · ${store.dropped} older dropped` : ''}</span>
        </div>
        <VirtualList
          count={events.length}
          follow
          label="timeline"
          selected={selected}
          onKeyDown={(e) => selectByKey(e, selected, events.length, (next) => setSelectedSeq(events[next].seq))}
          renderRow={(i) => {
            const event = events[i];
            return (
              <div class={`line timeline-grid kind-${event.kind} ${isProblem(event) ? 'problem' : ''} ${i === selected ? 'selected' : ''}`} onClick={() => setSelectedSeq(event.seq)} data-seq={event.seq}>
                <span class="time">{clockText(event.time)}</span>
                <span class="num">#{event.seq}</span>
                <span class={`kind-tag kind-${event.kind}`}>{event.kind}</span>
                <span class="summary">{describeEvent(event)}</span>
              </div>
            );
          }}
        />
      </section>
      {selectedSeq !== undefined && <EventDetail {...props} seq={selectedSeq} />}
    </div>
  );
}

function EventDetail({ store, session, mode, seq }: TabProps & { seq: number }) {
  const index = store.events.findIndex((e) => e.seq === seq);
  const event = store.events[index];
  if (!event) return null;
  const during = eventsOfRun(store.events, index);
  const changes = propChanges(during);
  return (
    <Detail title={`#${event.seq} · ${event.kind} · ${clockText(event.time)}`}>
      <div class="summary-block">{describeEvent(event)}</div>
      {event.kind === 'script' && (
        <dl class="facts">
          <dt>script</dt><dd>{event.name} · {event.file}:{event.line}</dd>
          <dt>status</dt><dd class={event.status === 'error' ? 'bad' : 'good'}>{event.status} in {formatDuration(event.durationMs)}</dd>
        </dl>
      )}
      {event.kind === 'script' && event.error && (
        <div class="traceback">
          <div class="bad">{event.error.type}: {event.error.message} at {event.error.file}:{event.error.line}</div>
          {event.error.traceback.map((f, i) => <div key={i} class="frame">{f.file}:{f.line} in {f.function}{f.text ? ` · ${f.text}` : ''}</div>)}
        </div>
      )}
      {event.kind === 'script' && during.filter((e) => e.kind !== 'prop').length > 0 && (
        <div class="sub">
          <div class="sub-title">During this run</div>
          {during.filter((e) => e.kind !== 'prop').map((e) => <div class={`item kind-${e.kind} ${isProblem(e) ? 'problem' : ''}`} key={e.seq}><span class={`kind-tag kind-${e.kind}`}>{e.kind}</span> {describeEvent(e)}</div>)}
        </div>
      )}
      {changes.length > 0 && (
        <div class="sub">
          <div class="sub-title">Prop changes</div>
          <DiffTable rows={changes.map((c) => ({ path: c.path, change: c.old === undefined ? 'added' : c.new === undefined ? 'removed' : 'changed', before: c.old, after: c.new }))} />
        </div>
      )}
      {mode === 'gateway' ? <StateThen store={store} session={session} seq={seq} /> : <div class="note">The state as it was then needs the dev gateway (stateAt): a real client keeps no history.</div>}
    </Detail>
  );
}

function DiffTable({ rows }: { rows: Difference[] }) {
  return (
    <table class="diff">
      <tbody>
        {rows.map((d) => (
          <tr key={d.path} class={`d-${d.change}`}>
            <td class="mono">{d.path}</td>
            <td class="mono before">{d.before === undefined ? '' : brief(d.before, 60)}</td>
            <td class="arrow">→</td>
            <td class="mono after">{d.after === undefined ? '(removed)' : brief(d.after, 60)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function StateThen({ store, session, seq }: Pick<TabProps, 'store' | 'session'> & { seq: number }) {
  const [then, setThen] = useState<{ seq: number; state?: SessionState; error?: string }>({ seq });
  useEffect(() => {
    if (!session) return;
    let current = true;
    setThen({ seq });
    store.client.request('stateAt', { seq, session: session.id }).then(
      (result) => current && setThen({ seq, state: result.sessions[0], ...(result.sessions[0] ? {} : { error: 'the session did not exist yet' }) }),
      (error: Error) => current && setThen({ seq, error: error.message }),
    );
    return () => { current = false; };
  }, [seq, session?.id]);
  if (!session) return null;
  if (then.error) return <div class="note">{then.error}</div>;
  if (!then.state) return <div class="note">loading the state after #{seq}…</div>;
  const state = then.state;
  const since = [
    ...jsonDiff(state.custom, session.custom, 'custom'),
    ...jsonDiff(state.props, session.props, 'props'),
  ];
  return (
    <div class="state-then" data-seq={seq}>
      <div class="sub-title">State after #{seq} {state.user ? `· user ${state.user}` : '· not logged in'} · page {state.pages.find((p) => p.id === state.lastPage)?.path ?? '—'}</div>
      {since.length > 0 && (
        <details class="since">
          <summary>{since.length} {since.length === 1 ? 'change' : 'changes'} since then</summary>
          <DiffTable rows={since} />
        </details>
      )}
      <div class="then-tree">
        <JsonTree key={`then-${seq}`} label="state then" sections={sessionSections(state, false)} changed={new Set(since.map((d) => d.path))} open={['custom:']} />
      </div>
    </div>
  );
}
