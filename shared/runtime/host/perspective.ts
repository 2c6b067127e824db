// Host calls of system.perspective: navigation, popups, docks, login/logout and session control.
import { HostError, type Json, type Value } from '../../engine/types';
import { bindArguments, findFunction, type ApiFunction } from '../../api/index';
import { logout } from '../auth-flow';
import { closePage, closePopup, closeSession, navigatePage } from '../page-lifecycle';
import type { RuntimeParts } from '../parts';
import { writePage, writeSession } from '../prop-writes';
import { challengeResult } from '../session-events';
import { sessionArg, type Page, type Session } from '../session';
import { isObject, plainCopy } from '../tree';
import { location, type HostCalls } from './types';
import { sendComponentMessage } from '../views/messages';
import { syncViews } from '../views/page-views';
import { unknownFunction } from './util';

type Named = Record<string, Json>;

interface Call {
  parts: RuntimeParts;
  fn: ApiFunction;
  args: Named;
  session: Session | undefined;
  page: Page | undefined;
  /** The calling script's line, when Python knew it. */
  where: ReturnType<typeof location>;
}

/** Python's call (positional + keyword) matched to the function's parameters, defaults filled in. */
function bind(fn: ApiFunction, positional: Json[], keywords: Named): Named {
  const bound = bindArguments(fn, positional.length, Object.keys(keywords));
  if (!bound.ok) {
    const problems = bound.problems.map((p) =>
      p.kind === 'unknown-keyword' ? `unexpected keyword '${p.keyword}'${p.suggestion ? ` (did you mean '${p.suggestion}'?)` : ''}` :
      p.kind === 'missing' ? `missing ${p.params.join(', ')}` :
      p.kind === 'too-many-positional' ? `takes at most ${p.max} positional arguments (${p.given} given)` :
      `'${p.name}' given twice`);
    throw new HostError('TypeError', `${fn.name}(): ${problems.join('; ')}`);
  }
  const names = Object.keys(keywords);
  const out: Named = {};
  for (const param of bound.signature.params) {
    if (param.default !== undefined) out[param.name] = pythonDefault(param.default);
  }
  for (const arg of bound.arguments) {
    out[arg.param.name] = 'positional' in arg.from ? positional[arg.from.positional] : keywords[names[arg.from.keyword]];
  }
  return out;
}

function pythonDefault(source: string): Json {
  if (source === 'None') return null;
  if (source === 'True' || source === 'False') return source === 'True';
  if (/^-?\d+(\.\d+)?$/.test(source)) return Number(source);
  const quoted = /^'(.*)'$|^"(.*)"$/.exec(source);
  return quoted ? (quoted[1] ?? quoted[2]) : null;
}

function needsPage(fn: ApiFunction, args: Named): boolean {
  const scoped = fn.pageScoped;
  if (scoped === undefined || scoped === false) return false;
  if (scoped === true) return true;
  return scoped.values.includes(String(args[scoped.param]));
}

function str(value: Json | undefined): string {
  return value === null || value === undefined ? '' : String(value);
}

const effects: Record<string, (call: Call) => Value> = {
  navigate: ({ parts, args, page }) => {
    if (!page) return null;
    if (args.page !== null) navigatePage(parts, page, str(args.page));
    else if (args.url !== null) parts.trace.add({ kind: 'navigate', session: page.sessionId, page: page.id, from: page.path, to: str(args.url) });
    else if (args.view !== null) {
      parts.trace.add({ kind: 'navigate', session: page.sessionId, page: page.id, from: page.path, to: page.path, view: str(args.view) });
      writePage(parts.trace, page, ['primaryView'], str(args.view));
      syncViews(parts, page);
    } else throw new HostError('ValueError', 'navigate() needs page, url or view');
    return null;
  },
  navigateBack: ({ parts, page }) => {
    const to = page?.back.pop();
    if (page && to !== undefined) {
      page.forward.push(page.path);
      navigatePage(parts, page, to, 'back');
    }
    return null;
  },
  navigateForward: ({ parts, page }) => {
    const to = page?.forward.pop();
    if (page && to !== undefined) {
      page.back.push(page.path);
      navigatePage(parts, page, to, 'forward');
    }
    return null;
  },
  openPopup: (call) => openPopup(call, false),
  togglePopup: (call) => openPopup(call, true),
  closePopup: ({ parts, args, page }) => {
    if (page) closePopup(parts, page, str(args.id));
    return null;
  },
  openDock: (call) => dock(call, 'open'),
  closeDock: (call) => dock(call, 'close'),
  toggleDock: (call) => dock(call, call.page?.docks.get(str(call.args.id))?.open ? 'close' : 'open'),
  alterDock: ({ parts, args, page }) => {
    if (page) parts.trace.add({ kind: 'dock', session: page.sessionId, page: page.id, action: 'alter', id: str(args.dockId), params: args.config ?? null });
    return null;
  },
  login: (call) => client(call, { forceAuth: call.args.forceAuth ?? false }),
  logout: ({ parts, session }) => {
    // Inside onLogout, logout() completes the logout already under way rather than starting another.
    if (session && !session.loggingOut) void parts.queue.enqueue(session.id, () => logout(parts, session));
    return null;
  },
  authenticationChallenge: (call) => {
    client(call, { idp: call.args.idp ?? null });
    const { parts, session, args } = call;
    const handler = parts.project.sessionEvents.onAuthChallengeCompleted;
    // The simulated person passes the challenge; the result's exact shape on a gateway is not documented.
    if (session && handler) {
      const result = challengeResult(session, args.idp ?? 'default');
      void parts.queue.enqueue(session.id, async () => {
        await parts.scripts.invoke(handler, [sessionArg(session), args.payload ?? null, result], { session, page: call.page }, 'onAuthChallengeCompleted');
      });
    }
    return null;
  },
  closeSession: ({ parts, session, args }) => {
    if (session) void parts.queue.enqueue(session.id, () => closeSession(parts, session, str(args.message) || 'closed by closeSession()'));
    return null;
  },
  // The tab goes away after the calling script returns, as the browser's answer reaches the gateway later.
  closePage: ({ parts, page }) => {
    if (page && !page.closed) void parts.queue.enqueue(page.sessionId, () => closePage(parts, page));
    return null;
  },
  refresh: (call) => client(call, null),
  print: ({ parts, args, session, page }) => {
    parts.trace.add({ kind: 'log', session: session?.id ?? null, page: page?.id, logger: `perspective.print (${str(args.destination)})`, level: 'info', message: str(args.message) });
    return null;
  },
  download: (call) => client(call, { filename: call.args.filename ?? null, contentType: call.args.contentType ?? null }),
  setTheme: ({ parts, args, session }) => {
    if (session) writeSession(parts.trace, session, 'props', ['theme'], str(args.name));
    return null;
  },
  alterLogging: (call) => client(call, { level: call.args.level ?? null }),
  vibrateDevice: (call) => client(call, { duration: call.args.duration ?? null }),
  isAuthorized: ({ args, session }) => {
    const levels = Array.isArray(args.securityLevels) ? args.securityLevels.map(String) : [];
    const held = new Set(['Public', ...(session?.user ? ['Authenticated', ...session.user.roles.map((r) => `Authenticated/Roles/${r}`)] : [])]);
    return args.isAllOf ? levels.every((l) => held.has(l)) : levels.some((l) => held.has(l));
  },
  getSessionInfo: ({ parts, args }) => [...parts.sessions.values()]
    .filter((s) => !s.closed && (args.usernameFilter === null || args.usernameFilter === undefined || s.user?.username === args.usernameFilter))
    .map((s) => ({ id: s.id, userName: s.user?.username ?? null, project: parts.project.name, pageIds: s.openPages().map((p) => p.id), clientAddress: str(s.props.address) })),
  getProjectInfo: ({ parts }) => ({ name: parts.project.name, title: parts.project.name, pageConfigs: Object.keys(parts.fixtures.pages) }),
  sendMessage: ({ parts, args, session, page, where }) => {
    // Reaches component message handlers only, never Session Events handlers.
    sendComponentMessage(parts, { type: str(args.messageType), payload: args.payload ?? {}, scope: str(args.scope), session, page, where });
    return null;
  },
};

function openPopup({ parts, args, page }: Call, toggle: boolean): Value {
  if (!page) return null;
  const id = str(args.id);
  if (toggle && page.popups.has(id)) {
    closePopup(parts, page, id);
    return null;
  }
  const popup = { id, view: str(args.view), params: plainCopy(args.params ?? {}), modal: args.modal === true, ...(args.title ? { title: str(args.title) } : {}) };
  page.popups.set(id, popup);
  parts.trace.add({ kind: 'popup', session: page.sessionId, page: page.id, action: 'open', id, view: popup.view, params: popup.params, modal: popup.modal });
  syncViews(parts, page);
  return null;
}

function dock({ parts, args, page }: Call, action: 'open' | 'close'): Value {
  if (!page) return null;
  const id = str(args.id);
  page.docks.set(id, { id, params: plainCopy(args.params ?? {}), open: action === 'open' });
  parts.trace.add({ kind: 'dock', session: page.sessionId, page: page.id, action, id, ...(action === 'open' ? { params: args.params ?? {} } : {}) });
  syncViews(parts, page);
  return null;
}

/** Something only a browser would do (a redirect, a download): recorded for people to see, no state changes. */
function client({ parts, fn, session, page }: Call, detail: Json): Value {
  parts.trace.add({ kind: 'client', session: session?.id ?? null, page: page?.id, action: fn.name.split('.').pop() ?? fn.name, detail });
  return null;
}

/** The session and page a call is for: explicit ids win, else the script's own. */
function target(parts: Pick<RuntimeParts, 'scripts' | 'sessions'>, args: Named): { session?: Session; page?: Page } {
  const current = parts.scripts.current;
  const sessionId = args.sessionId;
  const session = sessionId !== null && sessionId !== undefined ? parts.sessions.get(String(sessionId)) : current?.session;
  if (sessionId !== null && sessionId !== undefined && !session) throw new HostError('ValueError', `no session with id ${String(sessionId)}`);
  const pageId = args.pageId;
  if (pageId !== null && pageId !== undefined) {
    const page = session?.page(String(pageId));
    if (!page) throw new HostError('ValueError', `no page with id ${String(pageId)} in session ${session?.id ?? '?'}`);
    return { session, page };
  }
  const page = current?.page && current.page.sessionId === session?.id ? current.page : undefined;
  return { session, page };
}

export const perspectiveCalls: HostCalls = {
  perspective: (parts, [name, call, where]) => {
    const qualified = `system.perspective.${String(name)}`;
    const fn = findFunction(qualified);
    const effect = effects[String(name)];
    if (!fn || !effect) return unknownFunction(parts, qualified, where);
    const raw = isObject(call) ? call : {};
    const args = bind(fn, Array.isArray(raw.args) ? raw.args : [], isObject(raw.kwargs) ? raw.kwargs : {});
    const { session, page } = target(parts, args);
    if (!page && needsPage(fn, args)) {
      const running = parts.scripts.current?.handler.label ?? 'this script';
      parts.divergences.report('page-call-without-page', `${qualified} needs a page, and ${running} runs without one: pass sessionId and pageId, or call it from Page Startup (ignored here)`, location(where));
      if (parts.strict) throw new HostError('ValueError', 'No perspective page attached to this thread');
      return null;
    }
    return effect({ parts, fn, args, session, page, where: location(where) });
  },
};
