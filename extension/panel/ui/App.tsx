// The panel: a header saying what is inspected and how (dev gateway or a real client's page surface), the tabs,
// and the connection's state. Tabs that need the dev gateway say so plainly on a real client.
import { useMemo, useState } from 'preact/hooks';
import { clockText } from '../../../shared/runtime/format-text';
import type { PanelLink } from '../link';
import { EventIndex } from '../model/event-index';
import { ActionsTab } from '../tabs/ActionsTab';
import { LogsTab } from '../tabs/LogsTab';
import { MessagesTab } from '../tabs/MessagesTab';
import type { TabProps } from '../tabs/props';
import { QueriesTab } from '../tabs/QueriesTab';
import { SessionTab } from '../tabs/SessionTab';
import { TimelineTab } from '../tabs/TimelineTab';
import { useChanges } from './hooks';

const TABS = [
  { id: 'session', title: 'Session', view: SessionTab, gatewayOnly: false },
  { id: 'messages', title: 'Messages', view: MessagesTab, gatewayOnly: false },
  { id: 'timeline', title: 'Timeline', view: TimelineTab, gatewayOnly: false },
  { id: 'logs', title: 'Logs', view: LogsTab, gatewayOnly: true },
  { id: 'queries', title: 'Queries', view: QueriesTab, gatewayOnly: true },
  { id: 'actions', title: 'Actions', view: ActionsTab, gatewayOnly: true },
] as const;

type TabId = (typeof TABS)[number]['id'];

function initialTab(): TabId {
  const wanted = new URLSearchParams(location.search).get('view');
  return TABS.find((t) => t.id === wanted)?.id ?? 'session';
}

export function App({ link }: { link: PanelLink }) {
  useChanges((listener) => link.onChange(listener));
  const [tab, setTab] = useState<TabId>(initialTab);
  const store = link.store;
  const index = useMemo(() => new EventIndex(), [store]);
  if (store) index.update(store);
  const surface = link.pageSurface;
  const surfaceIndex = useMemo(() => new EventIndex(), [surface]);
  if (surface) surfaceIndex.update(surface);
  const status = link.status;
  const live = status.state === 'live';
  const mode = live ? status.mode : store?.hello?.server === 'page surface' ? 'page' : 'gateway';
  const session = store ? pickSession(store, status.state === 'live' ? status.target.sessionId : undefined) : undefined;
  const current = TABS.find((t) => t.id === tab)!;

  return (
    <div class={`panel mode-${mode}`}>
      <header class="topbar">
        <span class="brand">Periscope</span>
        {store?.hello && (
          <span class={`mode-badge ${mode}`} title={mode === 'gateway' ? 'Connected to the dev gateway: everything is inspectable' : 'A real Perspective client: only what the page itself holds'}>
            {mode === 'gateway' ? 'dev gateway' : 'real client · page surface'}
          </span>
        )}
        {store?.hello?.project.name && <span class="fact">project <b>{store.hello.project.name}</b></span>}
        {session && <span class="fact">session <b>{session.id}</b>{session.user ? ` · ${session.user}` : ''}{session.closed ? ' · closed' : ''}</span>}
        {store && mode === 'gateway' && <span class="fact" title="the session's virtual clock">clock <b class="clock">{clockText(store.clock.time)}</b></span>}
        <span class="spacer" />
        {store && <HistorySetting link={link} dropped={store.dropped} kept={store.events.length} />}
        <span class={`status ${status.state}`} role="status">{statusText(link)}</span>
      </header>
      <nav class="tabs" role="tablist">
        {TABS.map((t) => (
          <button type="button" role="tab" key={t.id} aria-selected={t.id === tab} class={`tab ${t.id === tab ? 'active' : ''} ${t.gatewayOnly && mode === 'page' ? 'unavailable' : ''}`} onClick={() => setTab(t.id)}>
            {t.title}
          </button>
        ))}
      </nav>
      {status.state !== 'live' && status.state !== 'connecting' && <div class={`banner ${status.state}`} role="alert">{status.message}{store ? ' · showing the last state' : ''}</div>}
      {status.state === 'live' && status.notice && <div class="banner waiting" role="status">{status.notice}</div>}
      {store && store.missed > 0 && <MissedBanner missed={store.missed} kept={store.hello?.history?.events} />}
      <div class="content" role="tabpanel" aria-label={current.title}>
        {!store ? (
          <div class="empty">{status.state === 'connecting' ? 'connecting…' : 'Open a Perspective client page (or the dev gateway\u2019s, from periscope serve) in this tab.'}</div>
        ) : current.gatewayOnly && mode === 'page' ? (
          <NeedsGateway title={current.title} />
        ) : (
          <current.view {...({ store, session, mode, index, live, frames: mode === 'page' ? index.frames : surfaceIndex.frames } satisfies TabProps)} />
        )}
      </div>
    </div>
  );
}

function pickSession(store: NonNullable<PanelLink['store']>, wanted: string | undefined) {
  if (wanted && store.sessions.has(wanted)) return store.sessions.get(wanted);
  const all = [...store.sessions.values()];
  return all.find((s) => !s.closed) ?? all.at(-1);
}

function statusText(link: PanelLink): string {
  const status = link.status;
  if (status.state === 'live') return status.mode === 'gateway' ? '● live' : '● live (page)';
  if (status.state === 'connecting') return '◌ connecting';
  if (status.state === 'lost') return '○ disconnected';
  return '○ waiting';
}

function HistorySetting({ link, dropped, kept }: { link: PanelLink; dropped: number; kept: number }) {
  return (
    <label class="history" title="Trace events the panel keeps; older ones are dropped first">
      keep last
      <input type="number" min={100} step={1000} value={link.historyLimit} aria-label="events kept" onChange={(e) => {
        const value = Number(e.currentTarget.value);
        if (Number.isFinite(value) && value >= 1) link.setHistory(value);
      }} />
      events <span class="muted">({kept}{dropped > 0 ? `, ${dropped} dropped` : ''})</span>
    </label>
  );
}

/** Events the gateway dropped before the panel got them, said plainly with how to keep them next time. */
function MissedBanner({ missed, kept }: { missed: number; kept: number | undefined }) {
  return (
    <div class="banner missed" role="status">
      {missed.toLocaleString('en')} trace {missed === 1 ? 'event was' : 'events were'} dropped by the dev gateway before the panel got {missed === 1 ? 'it' : 'them'}
      {kept !== undefined ? `: it keeps the latest ${kept.toLocaleString('en')} (periscope serve --history ${kept}); start it with a larger --history to keep more` : ''}.
    </div>
  );
}

function NeedsGateway({ title }: { title: string }) {
  return (
    <div class="needs-gateway" role="note">
      <h2>{title} needs the dev gateway</h2>
      <p>
        This page is a real Perspective client. Periscope sees what the page itself holds: the session, custom and page props
        (Session tab, custom props editable), the page's WebSocket frames (Messages tab) and the prop changes as they arrive (Timeline).
      </p>
      <p>
        Logs, named queries, script runs, the virtual clock, logins and the state at an earlier event live in the gateway. Run the
        project under <code>periscope serve &lt;project&gt;</code> and open its client page to see them.
      </p>
    </div>
  );
}
