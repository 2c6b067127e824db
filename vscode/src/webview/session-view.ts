/// <reference lib="dom" />
// The Perspective Session view (a webview): a live simulated session's props, custom props, pages and trace, kept
// current by the inspector protocol's store; editing a custom prop, sending a message, logging in or out as a
// fixture user, advancing the virtual clock, pressing a key, scanning a barcode and firing a device, sign-in or form
// event are protocol requests.
// Frames travel as text through postMessage to the extension, which relays them to the language server.
import { h, render, type ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import { InspectorClient } from '../../../shared/inspector/client';
import type { SessionState } from '../../../shared/inspector/protocol';
import { InspectorStore } from '../../../shared/inspector/store';
import type { Transport } from '../../../shared/inspector/transport';
import type { Json } from '../../../shared/engine/types';
import { parseDuration } from '../../../shared/runtime/clock';
import { clockText, formatEvent } from '../../../shared/runtime/format-text';
import { FIRED_EVENTS, type FiredEvent } from '../../../shared/runtime/fired-events';

declare function acquireVsCodeApi(): { postMessage(message: unknown): void };
const host = acquireVsCodeApi();
const root = document.getElementById('root')!;

type HostMessage = { frame: string } | { connected: { source: string } } | { closed: string };

let receive: ((text: string) => void) | undefined;
let closeListeners: Array<() => void> = [];

/** The inspector protocol over the webview's postMessage: one connection per `connected` message. */
function postMessageTransport(): Transport {
  closeListeners = [];
  return {
    send: (frame) => host.postMessage({ frame }),
    onFrame: (receiver) => void (receive = receiver),
    onClose: (listener) => void closeListeners.push(listener),
    close: () => closeListeners.forEach((l) => l()),
  };
}

window.addEventListener('message', (event: MessageEvent<HostMessage>) => {
  const message = event.data;
  if ('frame' in message) receive?.(message.frame);
  else if ('connected' in message) void connect(message.connected.source);
  else if ('closed' in message) {
    closeListeners.forEach((l) => l());
    render(h('p', { class: 'notice' }, `The session ended: ${message.closed}. Run "Periscope: Open Session Inspector" to start another.`), root);
  }
});

async function connect(source: string): Promise<void> {
  const client = new InspectorClient(postMessageTransport());
  const store = new InspectorStore(client, { schedule: (flush) => requestAnimationFrame(flush), history: 500 });
  await store.start();
  if (store.sessions.size === 0) await client.request('open', { path: store.hello?.pages[0]?.url ?? '/' });
  const draw = () => render(h(SessionPanel, { store, client, source }), root);
  store.onChange(draw);
  draw();
}

function SessionPanel({ store, client, source }: { store: InspectorStore; client: InspectorClient; source: string }) {
  const sessions = [...store.sessions.values()];
  const [chosen, choose] = useState<string | undefined>(undefined);
  const session = sessions.find((s) => s.id === chosen) ?? sessions[sessions.length - 1];
  const [error, setError] = useState('');
  const [status, setStatus] = useState('');
  // `done` says what happened when the request succeeded (nothing else may show it: a key no handler listens to).
  const act = (promise: Promise<unknown>, done = '') => promise.then(
    () => { setError(''); setStatus(done); },
    (e: Error) => { setError(e.message); setStatus(''); },
  );
  return h('div', { class: 'session' },
    h('header', null,
      h('span', { class: 'source' }, source.split('/').pop()),
      h('select', { value: session?.id, onChange: (e: Event) => choose((e.target as HTMLSelectElement).value) },
        sessions.map((s) => h('option', { value: s.id }, `${s.id}${s.closed ? ' (closed)' : ''}${s.user ? ` · ${s.user}` : ''}`))),
      h('button', { onClick: () => act(client.request('open', { path: store.hello?.pages[0]?.url ?? '/' })) }, 'New session'),
      session && !session.closed && h('button', { onClick: () => act(client.request('close', { session: session.id })) }, 'Close'),
    ),
    error && h('p', { class: 'error', role: 'alert' }, error),
    status && h('p', { class: 'status', role: 'status' }, status),
    session && h(SessionDetails, { session, client, act, handlers: store.hello?.messageHandlers ?? [] }),
    session && !session.closed && h(SessionActions, { store, session, client, act }),
    session && !session.closed && h(SessionInput, { session, client, act }),
    h(Section, { title: `Trace (${store.events.length})` },
      h('pre', { class: 'trace' }, store.events.filter((e) => !session || e.session === session.id || e.session === null).slice(-200).map((e) => formatEvent(e)).join('\n'))),
  );
}

function SessionDetails({ session, client, act, handlers }: { session: SessionState; client: InspectorClient; act: (p: Promise<unknown>) => void; handlers: string[] }) {
  const [message, setMessage] = useState(handlers[0] ?? '');
  const [payload, setPayload] = useState('{}');
  const send = () => {
    let parsed: { [key: string]: Json };
    try {
      parsed = JSON.parse(payload) as { [key: string]: Json };
    } catch (e) {
      act(Promise.reject(new Error(`the payload is not JSON: ${(e as Error).message}`)));
      return;
    }
    act(client.request('send', { session: session.id, message, payload: parsed, handler: 'session' }));
  };
  return h('div', null,
    h(Section, { title: 'Custom props' }, h(Tree, { value: session.custom, path: 'custom', edit: (path, value) => act(client.request('write', { session: session.id, path, value })) })),
    h(Section, { title: 'Session props' }, h(Tree, { value: session.props, path: 'props' })),
    h(Section, { title: `Pages (${session.pages.length})` }, h('ul', null, session.pages.map((p) =>
      h('li', null, `${p.id} ${p.path} → ${p.primaryView}${p.closed ? ' (closed)' : ''}${p.popups.length ? ` · popups: ${p.popups.map((x) => x.id).join(', ')}` : ''}`)))),
    handlers.length > 0 && !session.closed && h(Section, { title: 'Send a message to a Session Events handler' },
      h('select', { value: message, onChange: (e: Event) => setMessage((e.target as HTMLSelectElement).value) }, handlers.map((m) => h('option', { value: m }, m))),
      h('input', { class: 'payload', value: payload, onInput: (e: Event) => setPayload((e.target as HTMLInputElement).value) }),
      h('button', { onClick: send }, 'Send')),
  );
}

/** Log in as a fixture user or out, and advance the gateway's virtual clock (idle timeouts, timers, dates). */
function SessionActions({ store, session, client, act }: { store: InspectorStore; session: SessionState; client: InspectorClient; act: (p: Promise<unknown>) => void }) {
  const users = store.hello?.users ?? [];
  const [user, setUser] = useState(users[0]?.username ?? '');
  const [password, setPassword] = useState('');
  const [duration, setDuration] = useState('1m');
  const advance = () => {
    const ms = parseDuration(duration);
    if (ms === undefined) act(Promise.reject(new Error(`advance takes seconds (840) or a duration ("14m", "1h30m", "90s"), not "${duration}"`)));
    else act(client.request('advance', { ms, session: session.id }));
  };
  return h('div', null,
    h(Section, { title: session.user ? `Logged in as ${session.user}` : 'Not logged in' },
      users.length === 0 && h('p', null, 'The fixtures (periscope.json "users") name no users to log in as.'),
      users.length > 0 && h('select', { class: 'user', value: user, onChange: (e: Event) => setUser((e.target as HTMLSelectElement).value) },
        users.map((u) => h('option', { value: u.username }, `${u.username} (${u.roles.join(', ') || 'no roles'})`))),
      users.length > 0 && h('input', { type: 'password', class: 'password', placeholder: 'password (from periscope.json)', value: password, onInput: (e: Event) => setPassword((e.target as HTMLInputElement).value) }),
      users.length > 0 && h('button', { class: 'login', onClick: () => act(client.request('login', { session: session.id, user, ...(password ? { password } : {}) })) }, 'Log in'),
      session.user && h('button', { class: 'logout', onClick: () => act(client.request('logout', { session: session.id })) }, 'Log out')),
    h(Section, { title: `Virtual clock ${clockText(store.clock.time)}` },
      h('input', { class: 'duration', value: duration, placeholder: '14m, 90s, 1h30m', onInput: (e: Event) => setDuration((e.target as HTMLInputElement).value) }),
      h('button', { class: 'advance', onClick: advance }, 'Advance')),
  );
}

/** A key press or a barcode scan on the session's last page, and a device, sign-in or form event with its arguments. */
function SessionInput({ session, client, act }: { session: SessionState; client: InspectorClient; act: (p: Promise<unknown>, done?: string) => void }) {
  const [key, setKey] = useState('Enter');
  const [scan, setScan] = useState('');
  const [fired, setFired] = useState<FiredEvent>(FIRED_EVENTS[0]);
  const [formName, setFormName] = useState('');
  const [args, setArgs] = useState('{}');
  const fire = () => {
    let parsed: unknown;
    try {
      parsed = JSON.parse(args.trim() || '{}');
    } catch (e) {
      act(Promise.reject(new Error(`the arguments are not JSON: ${(e as Error).message}`)));
      return;
    }
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
      act(Promise.reject(new Error('the arguments are a JSON object of the event\'s parameters, such as {"data": {"value": "AA:01"}}')));
      return;
    }
    const form = fired === 'handleSubmission' ? { name: formName } : {};
    act(client.request('event', { session: session.id, event: fired, args: parsed as { [param: string]: Json }, ...form }), `fired ${fired}${form.name ? ` (${form.name})` : ''}`);
  };
  return h(Section, { title: 'Key press, barcode scan, device events' },
    h('div', null,
      h('input', { class: 'key', value: key, placeholder: 'Enter, F5, a', onInput: (e: Event) => setKey((e.target as HTMLInputElement).value) }),
      h('button', { class: 'press', disabled: !key, onClick: () => act(client.request('key', { session: session.id, key }), `pressed ${key}`) }, 'Press key')),
    h('div', null,
      h('input', { class: 'scan', value: scan, placeholder: 'scanned text', onInput: (e: Event) => setScan((e.target as HTMLInputElement).value) }),
      h('button', { class: 'scan', disabled: !scan, onClick: () => act(client.request('barcode', { session: session.id, data: scan }), `scanned ${scan}`) }, 'Scan barcode')),
    h('div', null,
      h('select', { class: 'fired', value: fired, onChange: (e: Event) => setFired((e.target as HTMLSelectElement).value as FiredEvent) }, FIRED_EVENTS.map((e) => h('option', { value: e }, e))),
      fired === 'handleSubmission' && h('input', { class: 'form-name', value: formName, placeholder: 'form submission handler', onInput: (e: Event) => setFormName((e.target as HTMLInputElement).value) }),
      h('input', { class: 'args', value: args, placeholder: '{"data": {"value": "AA:01"}}', onInput: (e: Event) => setArgs((e.target as HTMLInputElement).value) }),
      h('button', { class: 'fire', disabled: fired === 'handleSubmission' && !formName, onClick: fire }, 'Fire')),
  );
}

function Section({ title, children }: { title: string; children?: ComponentChildren }) {
  return h('details', { open: true }, h('summary', null, title), children);
}

/** A JSON tree; with `edit`, a leaf becomes an input on click and Enter writes its value (JSON, else text). */
function Tree({ value, path, edit }: { value: Json; path: string; edit?: (path: string, value: Json) => void }) {
  if (isLeaf(value)) return h(Leaf, { value, path, edit });
  const entries: Array<[string, Json]> = Array.isArray(value) ? value.map((v, i) => [String(i), v]) : Object.entries(value as { [key: string]: Json });
  return h('ul', { class: 'tree' }, entries.map(([key, child]) => {
    const childPath = Array.isArray(value) ? `${path}[${key}]` : `${path}.${key}`;
    return h('li', { 'data-path': childPath },
      h('span', { class: 'key' }, key), ': ',
      isLeaf(child) ? h(Leaf, { value: child, path: childPath, edit }) : h(Tree, { value: child, path: childPath, edit }));
  }));
}

/** Scalars, dates and empty containers show on one line. */
function isLeaf(value: Json): boolean {
  if (value === null || typeof value !== 'object') return true;
  return Object.keys(value).length === 0 || isDate(value);
}

function isDate(value: Json): value is { $date: number } {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && Object.keys(value).length === 1 && typeof value.$date === 'number';
}

function Leaf({ value, path, edit }: { value: Json; path: string; edit?: (path: string, value: Json) => void }) {
  const [editing, setEditing] = useState(false);
  const text = isDate(value) ? new Date(value.$date).toISOString() : JSON.stringify(value);
  if (!edit || !editing) return h('span', { class: `value${edit ? ' editable' : ''}`, title: edit ? 'Click to edit' : undefined, onClick: () => edit && setEditing(true) }, text);
  const commit = (input: string) => {
    setEditing(false);
    let next: Json;
    try {
      next = JSON.parse(input) as Json;
    } catch {
      next = input;
    }
    edit(path, next);
  };
  return h('input', {
    class: 'edit', value: text, autoFocus: true,
    onKeyDown: (e: KeyboardEvent) => {
      if (e.key === 'Enter') commit((e.target as HTMLInputElement).value);
      if (e.key === 'Escape') setEditing(false);
    },
    onBlur: () => setEditing(false),
  });
}

host.postMessage({ ready: true });
