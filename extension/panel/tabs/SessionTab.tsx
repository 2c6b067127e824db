// The Session tab: the session's props (with access badges), custom props and page props as one editable tree,
// beside its pages with their docks, popups and views.
import type { Json } from '../../../shared/engine/types';
import type { PageState, SessionState } from '../../../shared/inspector/protocol';
import type { TreeRow } from '../model/tree-rows';
import { JsonTree } from '../ui/JsonTree';
import { Value } from '../ui/Value';
import { sessionSections, type TabProps } from './props';

export function SessionTab({ store, session, live }: TabProps) {
  if (!session) return <div class="empty">No session yet: open the client page to start one.</div>;
  const write = async (row: TreeRow, value: Json) => {
    if (!live) throw new Error('not connected: the value was not written');
    await store.client.request('write', { session: session.id, path: row.path, value, ...(row.section.page ? { page: row.section.page } : {}) });
  };
  const expand = (row: TreeRow) => void store.expand(session.id, row.path, row.section.page);
  return (
    <div class="split">
      <section class="pane grow" aria-label="session props">
        <JsonTree key={session.id} sections={sessionSections(session, live)} label="session properties" onWrite={write} onExpandStub={expand} open={['custom:']} />
      </section>
      <aside class="pane side" aria-label="pages">
        <SessionSummary session={session} />
        {session.pages.map((page) => <PageCard key={page.id} page={page} last={page.id === session.lastPage} />)}
      </aside>
    </div>
  );
}

function SessionSummary({ session }: { session: SessionState }) {
  return (
    <div class="card">
      <div class="card-title">Session {session.id}</div>
      <dl class="facts">
        <dt>state</dt><dd>{session.closed ? <span class="pill bad">closed</span> : <span class="pill good">open</span>}</dd>
        <dt>user</dt><dd>{session.user ?? <span class="muted">not logged in</span>}</dd>
        <dt>pages</dt><dd>{session.pages.filter((p) => !p.closed).length} open</dd>
      </dl>
    </div>
  );
}

function PageCard({ page, last }: { page: PageState; last: boolean }) {
  return (
    <div class={`card ${page.closed ? 'closed' : ''}`} data-page={page.id}>
      <div class="card-title">
        Page {page.id} <span class="route">{page.path}</span>
        {last && <span class="pill">last used</span>}
        {page.closed && <span class="pill bad">closed</span>}
      </div>
      <dl class="facts">
        <dt>title</dt><dd>{page.title || <span class="muted">none</span>}</dd>
        <dt>primary view</dt><dd>{page.primaryView}</dd>
      </dl>
      {page.docks.length > 0 && (
        <div class="sub">
          <div class="sub-title">Docks</div>
          {page.docks.map((d) => <div class="item" key={d.id}><span class={`dot ${d.open ? 'on' : ''}`} />{d.id} <Value value={d.params} max={50} /></div>)}
        </div>
      )}
      {page.popups.length > 0 && (
        <div class="sub">
          <div class="sub-title">Popups</div>
          {page.popups.map((p) => <div class="item" key={p.id}><span class="dot on" />{p.id} · {p.view}{p.modal ? ' · modal' : ''} <Value value={p.params} max={50} /></div>)}
        </div>
      )}
      {page.views.length > 0 && (
        <div class="sub">
          <div class="sub-title">Views</div>
          {page.views.map((v) => (
            <div class="item" key={v.instanceId}>
              <span class="view-path">{v.path}</span> <span class="muted">{v.instanceId}</span> <Value value={v.params} max={40} />
            </div>
          ))}
        </div>
      )}
    </div>
  );
}
