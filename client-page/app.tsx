// The client page's UI: the route, the primary view, docks and popups as labelled boxes (view path and params),
// the session's custom props, links to the configured pages, the login form and the idle warning.
import type { Json } from '../shared/engine/types';
import type { ViewSnapshot } from '../shared/runtime/views/snapshot';
import { useEffect, useState } from 'preact/hooks';
import type { PerspectiveClient } from './client';

function useClient(client: PerspectiveClient): void {
  const [, redraw] = useState(0);
  useEffect(() => client.onChange(() => redraw((n) => n + 1)), [client]);
}

function Params({ value }: { value: Json }) {
  const text = JSON.stringify(value ?? {});
  return text === '{}' ? null : <code class="params">{text}</code>;
}

function ViewBox({ kind, id, view, params, children }: { kind: string; id: string; view: string; params: Json; children?: preact.ComponentChildren }) {
  return (
    <section class={`view ${kind}`} data-view={view} data-id={id}>
      <header><span class="kind">{kind}</span> <strong>{view || '(no view)'}</strong> <Params value={params} /></header>
      {children}
    </section>
  );
}

function Embedded({ views, host }: { views: ViewSnapshot[]; host: string }) {
  const inside = views.filter((v) => v.embeddedIn?.instanceId === host);
  return <>{inside.map((v) => <ViewBox key={v.instanceId} kind="embedded" id={v.instanceId} view={v.path} params={v.params}><Embedded views={views} host={v.instanceId} /></ViewBox>)}</>;
}

function LoginForm({ client }: { client: PerspectiveClient }) {
  const users = client.view.users;
  const [user, setUser] = useState(users[0] ?? '');
  const [password, setPassword] = useState('');
  return (
    <form class="login" onSubmit={(e) => { e.preventDefault(); client.login(user, password); }}>
      <h2>Log in</h2>
      <label>User <select name="user" value={user} onChange={(e) => setUser((e.target as HTMLSelectElement).value)}>{users.map((u) => <option key={u} value={u}>{u}</option>)}</select></label>
      <label>Password <input name="password" type="password" value={password} onInput={(e) => setPassword((e.target as HTMLInputElement).value)} /></label>
      <button type="submit">Log in</button> <button type="button" onClick={() => client.askLogin(false)}>Cancel</button>
    </form>
  );
}

export function App({ client }: { client: PerspectiveClient }) {
  useClient(client);
  const { view } = client;
  const shape = view.shape;
  const views = shape?.views ?? [];
  const popups = shape?.popups ?? [];
  const idle = popups.find((p) => /idle/i.test(p.id));
  return (
    <div class="page">
      <header class="bar">
        <span class="project">{client.projectName}</span>
        <span class="route" data-route={shape?.path ?? ''}>{shape?.path ?? '…'}</span>
        <span class={`link ${view.connected ? 'up' : 'down'}`}>{view.connected ? 'connected' : 'reconnecting…'}</span>
        <span class="user">{view.user ? <>{view.user} <button type="button" onClick={() => client.logout()}>Log out</button></> : <a href="#login" onClick={(e) => { e.preventDefault(); client.askLogin(true); }}>Log in</a>}</span>
      </header>
      <nav class="pages">{view.pages.map((p) => (
        <a key={p.url} href={`/data/perspective/client/${encodeURIComponent(client.projectName)}${p.url}`} class={p.url === shape?.path ? 'here' : ''}
          onClick={(e) => { e.preventDefault(); client.navigate(p.url); }}>{p.title || p.url}</a>
      ))}</nav>
      {view.closed !== undefined && <p class="closed" role="alert">The session ended: {view.closed}. Reload the page to start a new one.</p>}
      {idle && <p class="idle-warning" role="alert">Idle warning: the session will time out soon (popup {idle.id}, view {idle.view || '(none)'}). Click anywhere to stay.</p>}
      {view.errors.map((e, i) => <p key={i} class="error" role="status">{e}</p>)}
      {view.loginWanted && !view.user && <LoginForm client={client} />}
      <main>
        {(shape?.docks ?? []).filter((d) => d.open).map((d) => <ViewBox key={d.id} kind="dock" id={d.id} view={views.find((v) => v.instanceId === `dock:${d.id}`)?.path ?? ''} params={d.params} />)}
        <ViewBox kind="primary" id="primary" view={shape?.primaryView ?? ''} params={client.page.pageProps.read('urlParams') ?? {}}><Embedded views={views} host="primary" /></ViewBox>
        {popups.map((p) => <ViewBox key={p.id} kind={`popup${p.modal ? ' modal' : ''}`} id={p.id} view={p.view} params={p.params}><Embedded views={views} host={`popup:${p.id}`} /></ViewBox>)}
      </main>
      <section class="custom">
        <h2>session.custom</h2>
        <pre id="session-custom">{JSON.stringify(client.page.sessionCustom.toPlainObject(), null, 2)}</pre>
      </section>
      <footer>session {client.sessionId} · page {view.pageId ?? '…'}</footer>
    </div>
  );
}
