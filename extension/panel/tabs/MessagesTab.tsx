// The Messages tab: every message with who sent it, its type, scope, payload, the handler that ran, its result
// and duration; filter, search, pause, clear, a composer for session and component messages, and replay.
// It lists the page's WebSocket frames too (on a real client, only those), as the page's hook sees them.
import type { Json } from '../../../shared/engine/types';
import type { MessageScope } from '../../../shared/inspector/protocol';
import { useState } from 'preact/hooks';
import { clockText, brief } from '../../../shared/runtime/format-text';
import { formatDuration } from '../model/duration';
import type { FrameRow, MessageRow } from '../model/event-index';
import { parsePayloadInput } from '../model/json-input';
import { Detail, JsonBlock } from '../ui/Detail';
import { useRequest } from '../ui/hooks';
import { OutcomeLine } from '../ui/Outcome';
import { selectByKey, VirtualList } from '../ui/VirtualList';
import type { TabProps } from './props';

/** What the list shows: all rows up to a pause point, from a clear point on, matching the search. */
interface View {
  /** Which list: the runtime's messages, or the page's WebSocket frames. */
  list: 'messages' | 'frames';
  search: string;
  from: 'all' | 'client' | 'script';
  paused: number | undefined;
  cleared: number;
}

const isComponentMessage = (row: MessageRow) => row.event.view !== undefined || ['session', 'page', 'view'].includes(row.event.scope ?? '');

function handlerOf(row: MessageRow): string {
  if (row.event.component) return row.event.component;
  if (!row.event.handled) return row.event.reason ?? 'no handler';
  return row.run ? `${row.run.name} · ${fileName(row.run.file)}:${row.run.line}` : 'running…';
}

/** The file's own name: the folder is the same for every script of a project. */
export function fileName(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

function matchesSearch(text: string, needle: string): boolean {
  return needle === '' || text.toLowerCase().includes(needle);
}

export function MessagesTab(props: TabProps) {
  const [view, setView] = useState<View>({ list: 'messages', search: '', from: 'all', paused: undefined, cleared: 0 });
  const [selected, setSelected] = useState(-1);
  const { index, mode, frames } = props;
  const showFrames = mode === 'page' || view.list === 'frames';
  const total = showFrames ? frames.length : index.messages.length;
  const needle = view.search.trim().toLowerCase();
  // Frames are numbered by the page surface's own trace: pause and clear count in the list's own numbers.
  const lastSeq = (showFrames ? frames.at(-1)?.event.seq : props.store.events.at(-1)?.seq) ?? 0;

  const toolbar = (
    <div class="toolbar">
      {mode === 'gateway' && (
        <select value={view.list} onChange={(e) => { setView({ ...view, list: e.currentTarget.value as View['list'], paused: undefined, cleared: 0 }); setSelected(-1); }} aria-label="list">
          <option value="messages">messages</option>
          <option value="frames">WebSocket frames</option>
        </select>
      )}
      <input class="search" type="search" placeholder={showFrames ? 'Filter frames by type or payload' : 'Filter by type, payload, handler'} value={view.search} onInput={(e) => setView({ ...view, search: e.currentTarget.value })} aria-label="filter messages" />
      {!showFrames && (
        <select value={view.from} onChange={(e) => setView({ ...view, from: e.currentTarget.value as View['from'] })} aria-label="sender">
          <option value="all">all senders</option>
          <option value="client">from the client</option>
          <option value="script">from scripts</option>
        </select>
      )}
      <button type="button" class={view.paused !== undefined ? 'active' : ''} onClick={() => setView({ ...view, paused: view.paused === undefined ? lastSeq : undefined })} aria-pressed={view.paused !== undefined}>
        {view.paused !== undefined ? 'Resume' : 'Pause'}
      </button>
      <button type="button" onClick={() => { setView({ ...view, cleared: lastSeq }); setSelected(-1); }}>Clear</button>
      <span class="hint">{total} {showFrames ? 'frames' : 'messages'}{view.paused !== undefined ? ' · paused' : ''}</span>
    </div>
  );

  const visible = (seq: number) => seq > view.cleared && (view.paused === undefined || seq <= view.paused);

  if (showFrames) {
    const rows = frames.filter((f) => visible(f.event.seq) && matchesSearch(`${f.type} ${JSON.stringify(f.data)}`, needle));
    const row = rows[selected];
    return (
      <div class="split">
        <section class="pane grow">
          {toolbar}
          <div class="table-head frames-grid"><span>time</span><span>dir</span><span>type</span><span>payload</span><span>bytes</span></div>
          <VirtualList count={rows.length} follow label="WebSocket frames" selected={selected} onKeyDown={(e) => selectByKey(e, selected, rows.length, setSelected)} renderRow={(i) => <FrameLine row={rows[i]} selected={i === selected} onSelect={() => setSelected(i)} />} />
        </section>
        {row && (
          <Detail title={`${row.direction === 'in' ? '↓ from the gateway' : '↑ to the gateway'} · ${row.type}`}>
            <JsonBlock id={`frame-${row.event.seq}`} title="payload" value={row.data} />
          </Detail>
        )}
      </div>
    );
  }

  const rows = index.messages.filter((m) => {
    if (!visible(m.event.seq)) return false;
    if (view.from !== 'all' && (m.event.from ?? 'client') !== view.from) return false;
    return matchesSearch(`${m.event.name} ${JSON.stringify(m.event.payload)} ${handlerOf(m)} ${m.event.scope ?? ''}`, needle);
  });
  const row = rows[selected];
  return (
    <div class="split">
      <section class="pane grow">
        {toolbar}
        <div class="table-head messages-grid"><span>time</span><span>from</span><span>type</span><span>scope</span><span>payload</span><span>handler</span><span>result</span><span>duration</span></div>
        <VirtualList count={rows.length} follow label="messages" selected={selected} onKeyDown={(e) => selectByKey(e, selected, rows.length, setSelected)} renderRow={(i) => <MessageLine row={rows[i]} selected={i === selected} onSelect={() => setSelected(i)} />} />
        <Composer {...props} />
      </section>
      {row && <MessageDetail {...props} row={row} />}
    </div>
  );
}

function FrameLine({ row, selected, onSelect }: { row: FrameRow; selected: boolean; onSelect: () => void }) {
  return (
    <div class={`line frames-grid ${selected ? 'selected' : ''}`} onClick={onSelect}>
      <span class="time">{clockText(row.event.time)}</span>
      <span class={`dir ${row.direction}`}>{row.direction === 'in' ? '↓ in' : '↑ out'}</span>
      <span class="type">{row.type}</span>
      <span class="mono">{brief(row.data, 200)}</span>
      <span class="num">{row.bytes}</span>
    </div>
  );
}

function MessageLine({ row, selected, onSelect }: { row: MessageRow; selected: boolean; onSelect: () => void }) {
  const run = row.run;
  const status = !row.event.handled ? 'unhandled' : run?.status ?? 'pending';
  return (
    <div class={`line messages-grid status-${status} ${selected ? 'selected' : ''}`} onClick={onSelect}>
      <span class="time">{clockText(row.event.time)}</span>
      <span class={`dir ${row.event.from === 'script' ? 'out' : 'in'}`}>{row.event.from === 'script' ? 'script' : 'client'} →</span>
      <span class="type">{row.event.name}</span>
      <span>{row.event.scope ?? ''}</span>
      <span class="mono">{brief(row.event.payload, 160)}</span>
      <span class="handler">{handlerOf(row)}</span>
      <span class="mono">{run ? (run.status === 'error' ? `✖ ${run.error?.type ?? 'error'}` : brief(run.result, 80)) : status === 'unhandled' ? '—' : ''}</span>
      <span class="num">{formatDuration(run?.durationMs)}</span>
    </div>
  );
}

function MessageDetail({ store, session, live, row }: TabProps & { row: MessageRow }) {
  const [outcome, run] = useRequest();
  const { event } = row;
  const replay = () => run(async () => {
    if (!session) return 'no session';
    const payload = (event.payload ?? {}) as { [key: string]: Json };
    if (isComponentMessage(row)) {
      const scope = (['session', 'page', 'view'].includes(event.scope ?? '') ? event.scope : 'page') as MessageScope;
      await store.client.request('send', { session: session.id, message: event.name, payload, handler: 'component', scope, ...(event.page ? { page: event.page } : {}), ...(scope === 'view' && event.view ? { view: event.view } : {}) });
    } else {
      await store.client.request('send', { session: session.id, message: event.name, payload, handler: 'session' });
    }
    return `replayed ${event.name}`;
  });
  const error = row.run?.error;
  return (
    <Detail title={`${event.name} · #${event.seq}`}>
      <dl class="facts">
        <dt>sent by</dt><dd>{event.from === 'script' ? 'a script' : 'the client'}</dd>
        <dt>scope</dt><dd>{event.scope ?? '—'}</dd>
        <dt>handler</dt><dd>{handlerOf(row)}</dd>
        {row.run && <><dt>status</dt><dd class={row.run.status === 'error' ? 'bad' : 'good'}>{row.run.status} in {formatDuration(row.run.durationMs)}</dd></>}
      </dl>
      <div class="actions-row">
        <button type="button" disabled={!live || outcome.busy} onClick={replay}>↻ Replay</button>
        <OutcomeLine outcome={outcome} />
      </div>
      {error && (
        <div class="traceback">
          <div class="bad">{error.type}: {error.message}</div>
          {error.traceback.map((f, i) => <div key={i} class="frame">{f.file}:{f.line} in {f.function}{f.text ? ` · ${f.text}` : ''}</div>)}
        </div>
      )}
      <JsonBlock id={`payload-${event.seq}`} title="payload" value={event.payload} />
      {row.run?.result !== undefined && <JsonBlock id={`result-${event.seq}`} title="result" value={row.run.result} />}
    </Detail>
  );
}

function Composer({ store, session, live }: TabProps) {
  const hello = store.hello;
  const [handler, setHandler] = useState<'session' | 'component'>('session');
  const [name, setName] = useState('');
  const [scope, setScope] = useState<MessageScope>('page');
  const [viewId, setViewId] = useState('');
  const [payload, setPayload] = useState('{}');
  const [outcome, run] = useRequest();
  const names = handler === 'session' ? hello?.messageHandlers ?? [] : hello?.componentMessages ?? [];
  const send = () => run(async () => {
    if (!session) throw new Error('no session to send to');
    if (name.trim() === '') throw new Error('name the message type (the handler it is for)');
    const parsed = parsePayloadInput(payload);
    if (!parsed.ok) throw new Error(parsed.message);
    const body = parsed.value as { [key: string]: Json };
    if (handler === 'session') await store.client.request('send', { session: session.id, message: name.trim(), payload: body, handler });
    else await store.client.request('send', { session: session.id, message: name.trim(), payload: body, handler, scope, ...(scope === 'view' && viewId ? { view: viewId } : {}) });
    return `sent ${name.trim()}`;
  });
  return (
    <form class="composer" onSubmit={(e) => { e.preventDefault(); void send(); }} aria-label="message composer">
      <div class="composer-row">
        <select value={handler} onChange={(e) => setHandler(e.currentTarget.value as 'session' | 'component')} aria-label="handler kind">
          <option value="session">session message (Session Events handler)</option>
          <option value="component">component message (system.perspective.sendMessage)</option>
        </select>
        <input list="message-names" placeholder="message type" value={name} onInput={(e) => setName(e.currentTarget.value)} aria-label="message type" />
        <datalist id="message-names">{names.map((n) => <option key={n} value={n} />)}</datalist>
        {handler === 'component' && (
          <select value={scope} onChange={(e) => setScope(e.currentTarget.value as MessageScope)} aria-label="scope">
            <option value="session">session scope</option>
            <option value="page">page scope</option>
            <option value="view">view scope</option>
          </select>
        )}
        {handler === 'component' && scope === 'view' && <input placeholder="view instance (primary)" value={viewId} onInput={(e) => setViewId(e.currentTarget.value)} aria-label="view instance" />}
        <button type="submit" class="primary" disabled={!live || outcome.busy}>Send</button>
      </div>
      <textarea rows={2} spellcheck={false} value={payload} onInput={(e) => setPayload(e.currentTarget.value)} aria-label="payload (JSON object)" />
      <OutcomeLine outcome={outcome} />
    </form>
  );
}
