// The Actions tab: drive the session as a person or the gateway would (log in as a fixture user, log out,
// advance the virtual clock, a key press, a barcode scan, a device, sign-in or form event, navigation, closing), and
// export the steps taken so far as a scenario file that `periscope test` replays.
import type { ComponentChildren } from 'preact';
import type { Json } from '../../../shared/engine/types';
import { useState } from 'preact/hooks';
import { clockText } from '../../../shared/runtime/format-text';
import { formatSpan, parseDuration } from '../model/duration';
import { parsePayloadInput } from '../model/json-input';
import { FIRED_EVENTS, type FiredEvent } from '../../../shared/runtime/fired-events';
import { useRequest, type Outcome } from '../ui/hooks';
import { copyText } from '../ui/Value';
import { OutcomeLine } from '../ui/Outcome';
import type { TabProps } from './props';

function Box({ title, children, outcome }: { title: string; children: ComponentChildren; outcome: Outcome }) {
  return (
    <section class="card action" aria-label={title}>
      <div class="card-title">{title}</div>
      {children}
      <OutcomeLine outcome={outcome} />
    </section>
  );
}

export function ActionsTab({ store, session, live }: TabProps) {
  const hello = store.hello;
  const id = session?.id ?? '';
  const page = session?.lastPage ?? undefined;
  const disabled = !live || !session || session.closed;
  const [user, setUser] = useState(hello?.users[0]?.username ?? '');
  const [password, setPassword] = useState('');
  const [duration, setDuration] = useState('1m');
  const [key, setKey] = useState('Enter');
  const [modifiers, setModifiers] = useState<Record<string, boolean>>({});
  const [scan, setScan] = useState('');
  const [fired, setFired] = useState<FiredEvent>(FIRED_EVENTS[0]);
  const [firedArgs, setFiredArgs] = useState('');
  const [formName, setFormName] = useState('');
  const [route, setRoute] = useState(hello?.pages[0]?.url ?? '/');
  const [scenarioName, setScenarioName] = useState('recorded in the devtools panel');
  const [exported, setExported] = useState<{ fileName: string; text: string; steps: number } | undefined>(undefined);
  const [auth, runAuth] = useRequest();
  const [clock, runClock] = useRequest();
  const [input, runInput] = useRequest();
  const [device, runDevice] = useRequest();
  const [nav, runNav] = useRequest();
  const [close, runClose] = useRequest();
  const [exporting, runExport] = useRequest();

  const advance = (ms: number) => runClock(async () => {
    const after = await store.client.request('advance', { ms, ...(id ? { session: id } : {}) });
    return `clock at ${clockText(after.time)}`;
  });

  const download = (file: { fileName: string; text: string }) => {
    const url = URL.createObjectURL(new Blob([file.text], { type: 'application/json' }));
    const anchor = document.createElement('a');
    anchor.href = url;
    anchor.download = file.fileName;
    anchor.click();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  };

  const idle = hello?.idle;
  return (
    <div class="actions-grid">
      <Box title="Log in / log out" outcome={auth}>
        <div class="form-row">
          <select value={user} onChange={(e) => setUser(e.currentTarget.value)} aria-label="fixture user">
            {hello?.users.map((u) => <option key={u.username} value={u.username}>{u.username} ({u.roles.join(', ') || 'no roles'})</option>)}
          </select>
          <input type="password" placeholder="password (from periscope.json)" value={password} onInput={(e) => setPassword(e.currentTarget.value)} aria-label="password" />
          <button type="button" class="primary" disabled={disabled || !user} onClick={() => runAuth(async () => {
            await store.client.request('login', { session: id, user, ...(password ? { password } : {}) });
            return `logged in as ${user}`;
          })}>Log in</button>
          <button type="button" disabled={disabled || !session?.user} onClick={() => runAuth(async () => {
            await store.client.request('logout', { session: id });
            return 'logged out';
          })}>Log out</button>
        </div>
        <div class="muted">Now: {session?.user ? `logged in as ${session.user}` : 'not logged in'}</div>
      </Box>

      <Box title="Virtual clock" outcome={clock}>
        <div class="clock-now">{clockText(store.clock.time)} <span class="muted">{new Date(store.clock.epoch + store.clock.time).toISOString().replace('T', ' ').slice(0, 19)} UTC</span></div>
        <div class="form-row">
          <input value={duration} onInput={(e) => setDuration(e.currentTarget.value)} aria-label="advance by" placeholder="14m, 90s, 1h 30m" />
          <button type="button" class="primary" disabled={!live} onClick={() => {
            const parsed = parseDuration(duration);
            if (!parsed.ok) return runClock(async () => { throw new Error(parsed.message); });
            return advance(parsed.ms);
          }}>Advance</button>
          {[['+1 m', 60_000], ['+5 m', 300_000], ['+15 m', 900_000]].map(([label, ms]) => <button type="button" key={label} disabled={!live} onClick={() => advance(ms as number)}>{label}</button>)}
        </div>
        {idle && <div class="muted">Idle detection: the warning after {formatSpan(idle.timeoutMs - idle.warningMs)} without activity, the timeout after {formatSpan(idle.timeoutMs)}</div>}
      </Box>

      <Box title="Key press and barcode scan" outcome={input}>
        <div class="form-row">
          <input value={key} onInput={(e) => setKey(e.currentTarget.value)} aria-label="key" placeholder="Enter, F5, a…" />
          {['ctrlKey', 'shiftKey', 'altKey'].map((m) => (
            <label key={m} class="check"><input type="checkbox" checked={modifiers[m] ?? false} onChange={(e) => setModifiers({ ...modifiers, [m]: e.currentTarget.checked })} />{m.replace('Key', '')}</label>
          ))}
          <button type="button" disabled={disabled || !key} onClick={() => runInput(async () => {
            const chosen = Object.fromEntries(Object.entries(modifiers).filter(([, on]) => on));
            await store.client.request('key', { session: id, key, ...(page ? { page } : {}), ...(Object.keys(chosen).length ? { modifiers: chosen } : {}) });
            return `pressed ${key}`;
          })}>Press key</button>
        </div>
        <div class="form-row">
          <input value={scan} onInput={(e) => setScan(e.currentTarget.value)} aria-label="barcode" placeholder="scanned text" />
          <button type="button" disabled={disabled || !scan} onClick={() => runInput(async () => {
            await store.client.request('barcode', { session: id, data: scan, ...(page ? { page } : {}) });
            return `scanned ${scan}`;
          })}>Scan barcode</button>
        </div>
      </Box>

      <Box title="Device, sign-in and form events" outcome={device}>
        <div class="form-row">
          <select value={fired} onChange={(e) => setFired(e.currentTarget.value as FiredEvent)} aria-label="fired event">
            {FIRED_EVENTS.map((e) => <option key={e} value={e}>{e}</option>)}
          </select>
          {fired === 'handleSubmission' && <input value={formName} onInput={(e) => setFormName(e.currentTarget.value)} aria-label="form handler" placeholder="form submission handler" />}
          <input value={firedArgs} onInput={(e) => setFiredArgs(e.currentTarget.value)} aria-label="event arguments" placeholder='arguments: {"data": {"value": "AA:01"}}' />
          <button type="button" disabled={disabled || (fired === 'handleSubmission' && !formName)} onClick={() => runDevice(async () => {
            const args = parsePayloadInput(firedArgs);
            if (!args.ok) throw new Error(args.message.replace('a message payload', 'the arguments'));
            await store.client.request('event', { session: id, event: fired, args: args.value as { [param: string]: Json }, ...(page ? { page } : {}), ...(fired === 'handleSubmission' ? { name: formName } : {}) });
            return `fired ${fired}${fired === 'handleSubmission' ? ` (${formName})` : ''}`;
          })}>Fire</button>
        </div>
      </Box>

      <Box title="Navigate" outcome={nav}>
        <div class="form-row">
          <select value={route} onChange={(e) => setRoute(e.currentTarget.value)} aria-label="page">
            {hello?.pages.map((p) => <option key={p.url} value={p.url}>{p.url} · {p.title || p.viewPath}</option>)}
          </select>
          <button type="button" disabled={disabled} onClick={() => runNav(async () => {
            await store.client.request('navigate', { session: id, path: route, ...(page ? { page } : {}) });
            return `navigated to ${route}`;
          })}>Navigate this page</button>
          <button type="button" disabled={!live || !session} onClick={() => runNav(async () => {
            const opened = await store.client.request('open', { session: id, path: route });
            return `opened page ${opened.page}`;
          })}>Open in a new page</button>
        </div>
      </Box>

      <Box title="Close" outcome={close}>
        <div class="form-row">
          <button type="button" disabled={disabled || !page} onClick={() => runClose(async () => {
            await store.client.request('close', { session: id, page: page! });
            return `closed page ${page}`;
          })}>Close page {page ?? ''}</button>
          <button type="button" class="danger" disabled={disabled} onClick={() => runClose(async () => {
            await store.client.request('close', { session: id });
            return 'session closed (Shutdown ran)';
          })}>Close session</button>
        </div>
      </Box>

      <Box title="Export the recording as a scenario" outcome={exporting}>
        <div class="form-row">
          <input value={scenarioName} onInput={(e) => setScenarioName(e.currentTarget.value)} aria-label="scenario name" />
          <button type="button" class="primary" disabled={!live} onClick={() => runExport(async () => {
            const file = await store.client.request('exportScenario', scenarioName.trim() ? { name: scenarioName.trim() } : {});
            setExported(file);
            download(file);
            return `${file.fileName}: ${file.steps} steps, replay it with periscope test ${file.fileName}`;
          })}>Export scenario</button>
          {exported && <button type="button" onClick={() => void copyText(exported.text)}>Copy JSON</button>}
        </div>
        {exported && <pre class="scenario" aria-label="exported scenario">{exported.text}</pre>}
      </Box>
    </div>
  );
}
