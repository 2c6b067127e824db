// The session runtime: sessions, pages, the virtual clock and the trace, driven by scenario steps or a panel.
//
// State lives here, in the main thread. Python scripts run one at a time on the shared engine and reach this
// state only through host calls (see host/), so a replaced engine loses nothing and every change is traced.
import type { Json, Outcome, Value } from '../engine/types';
import { HostError } from '../engine/types';
import type { Gateway } from '../gateway/gateway';
import type { UserFixture } from '../fixtures/fixtures';
import { VirtualClock } from './clock';
import type { EngineClient, EngineHost } from './engine-host';
import { hostCalls } from './host/index';
import { prelude, PRELUDE_HAS_FUNCTION } from './prelude';
import type { Handler, ProjectModel, ProjectSource, ScriptLoad, ScriptRunner } from './project';
import { Page, Session, snapshotSession, type SessionSnapshot } from './session';
import { initialSessionProps, scriptMayWrite, signedOutUser, type Device } from './session-props';
import { Trace, type NewEvent, type ScriptErrorInfo, type TraceEvent, type TraceListener } from './trace';
import { TreeError, formatPath, getAt, isObject, plainCopy, setAt, deleteAt, type JsonObject, type PathPart } from './tree';
import { matchPageUrl } from './views/page-url';
import { syncViews, urlParamsOf } from './views/page-views';

export interface RuntimeOptions {
  source: ProjectSource;
  engine: EngineHost;
  /** Builds the simulated gateway once the runtime's clock exists (its tags and alarms read virtual time). */
  gateway?: (now: () => number) => Promise<Gateway>;
  /** Fail where a gateway would fail, instead of serving what the script evidently means. */
  strict?: boolean;
}

/** Who a running script is running for: host calls use it for "the current session / page". */
export interface ScriptContext {
  session?: Session;
  page?: Page;
  handler: Handler;
}

/** A script that failed where the gateway would have failed it, in `--strict` runs. */
export interface StrictFailure {
  rule: string;
  message: string;
}

/** A result as the trace shows it: Python objects kept by the engine are named, not numbered (numbers vary by run). */
function withoutRefs(value: Json): Json {
  if (Array.isArray(value)) return value.map(withoutRefs);
  if (isObject(value)) {
    if (Object.keys(value).length === 1 && typeof value.$ref === 'number') return '<python object>';
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, withoutRefs(v)]));
  }
  return value;
}

export class Runtime {
  readonly trace: Trace;
  readonly clock: VirtualClock;
  readonly sessions = new Map<string, Session>();
  readonly strict: boolean;
  gateway: Gateway | undefined;
  project!: ProjectModel;
  /** The script running right now, if any. */
  current: ScriptContext | undefined;
  /** Divergences and errors that make a `--strict` run fail. */
  readonly strictFailures: StrictFailure[] = [];
  private readonly reported = new Set<string>();
  private readonly queues = new Map<string, Promise<void>>();
  private readonly prefix: string;
  private sessionCount = 0;

  private constructor(private readonly options: RuntimeOptions) {
    this.strict = options.strict ?? false;
    const start = options.source.fixtures.clock?.start;
    const epoch = start ? Date.parse(start) : Date.UTC(2026, 0, 5, 8, 0, 0);
    this.clock = new VirtualClock(Number.isFinite(epoch) ? epoch : Date.UTC(2026, 0, 5, 8, 0, 0));
    this.trace = new Trace(() => this.clock.now());
    this.prefix = options.engine.namespacePrefix();
  }

  static async create(options: RuntimeOptions): Promise<Runtime> {
    const runtime = new Runtime(options);
    if (options.gateway) runtime.gateway = await options.gateway(() => runtime.clock.epochNow());
    runtime.project = await options.source.setUp(runtime.runner());
    return runtime;
  }

  get fixtures() {
    return this.options.source.fixtures;
  }

  // ---- observation -------------------------------------------------------------------------------------

  snapshot(): { time: number; epoch: number; sessions: SessionSnapshot[] } {
    return { time: this.clock.now(), epoch: this.clock.epoch, sessions: [...this.sessions.values()].map(snapshotSession) };
  }

  subscribe(listener: TraceListener): () => void {
    return this.trace.subscribe(listener);
  }

  event(event: NewEvent): TraceEvent {
    return this.trace.add(event);
  }

  /**
   * Records a divergence once per rule, script line and message; in strict runs it also becomes a failure.
   * `context` says whose script it is when it is not the one running now (results recorded after a run).
   */
  divergence(rule: string, message: string, where?: { file: string; line: number; column?: number }, context: ScriptContext | undefined = this.current): void {
    const at = where ?? (context ? { file: context.handler.file, line: context.handler.line } : { file: this.options.source.file, line: 1 });
    const key = `${rule}\u0000${at.file}\u0000${at.line}\u0000${message}`;
    if (this.strict) this.strictFailures.push({ rule, message: `${at.file}:${at.line}: ${message}` });
    if (this.reported.has(key)) return;
    this.reported.add(key);
    this.event({ kind: 'divergence', session: context?.session?.id ?? null, page: context?.page?.id, rule, message, file: at.file, line: at.line, ...(at.column ? { column: at.column } : {}) } as NewEvent);
  }

  // ---- the session queue ---------------------------------------------------------------------------------

  /** Runs `task` after everything already queued for the session; events of one session never overlap. */
  enqueue(sessionId: string, task: () => Promise<void>): Promise<void> {
    const previous = this.queues.get(sessionId) ?? Promise.resolve();
    const next = previous.then(task).catch((error: unknown) => {
      this.event({ kind: 'log', session: sessionId, logger: 'periscope', level: 'error', message: `internal error: ${(error as Error).stack ?? String(error)}` });
    });
    this.queues.set(sessionId, next);
    return next;
  }

  /** Resolves when every queued task of every session, including tasks they queue, has run. */
  async settle(): Promise<void> {
    for (;;) {
      const pending = [...this.queues.values()];
      await Promise.all(pending);
      if ([...this.queues.values()].every((q, i) => q === pending[i]) && this.queues.size === pending.length) return;
    }
  }

  // ---- running scripts -----------------------------------------------------------------------------------

  private runner(): ScriptRunner {
    return {
      load: (load) => this.load(load),
      call: async (namespace, name, label, file, line) => {
        const outcome = await this.invoke({ label, target: { namespace, name }, file, line }, [], {});
        return outcome.ok ? outcome.value : undefined;
      },
      hasFunction: async (namespace, name) => {
        const outcome = await this.options.engine.exclusive(this.client, () =>
          this.options.engine.engine.invoke({ target: { namespace: this.ns(namespace), name: PRELUDE_HAS_FUNCTION }, args: [name] }));
        return outcome.ok && outcome.value === true;
      },
      problem: (rule, message, file, line) => {
        this.event({ kind: 'log', session: null, logger: 'periscope', level: 'error', message: `${file}:${line}: ${message}` });
        if (this.strict) this.strictFailures.push({ rule, message: `${file}:${line}: ${message}` });
      },
    };
  }

  private ns(namespace: string): string {
    return this.prefix + namespace;
  }

  private readonly preludeLoaded = new Set<string>();

  private async load(load: ScriptLoad): Promise<boolean> {
    const engine = this.options.engine;
    const handler: Handler = { label: load.label, target: { namespace: load.namespace, name: '' }, file: load.script.origin.file, line: load.script.origin.position(0).line };
    const outcome = await engine.exclusive(this.client, async () => {
      this.current = { handler };
      try {
        if (!this.preludeLoaded.has(load.namespace)) {
          this.preludeLoaded.add(load.namespace);
          await engine.engine.load({ script: prelude(load.script.role), namespace: this.ns(load.namespace) });
        }
        return await engine.engine.load({ script: load.script, namespace: this.ns(load.namespace), strict: this.strict });
      } finally {
        this.current = undefined;
      }
    });
    if (!(load.quiet && outcome.ok)) this.record(outcome, handler, 'load', {});
    return outcome.ok;
  }

  /** Runs a handler for an event and traces it; never throws for a script's own failure. */
  async invoke(handler: Handler, args: Value[], context: { session?: Session; page?: Page }, event = 'call'): Promise<Outcome> {
    const ctx: ScriptContext = { ...context, handler };
    if (handler.simulatorOnly) {
      this.divergence('not-a-session-event', `${handler.label} is not a Perspective session event: a gateway never runs it (the document's convention runs it here)`, { file: handler.file, line: handler.line }, ctx);
    }
    const engine = this.options.engine;
    const run = (target: Handler['target']) => engine.exclusive(this.client, async () => {
      this.current = ctx;
      try {
        return await engine.engine.invoke({ target: 'ref' in target ? target : { namespace: this.ns(target.namespace), name: target.name }, args });
      } finally {
        this.current = undefined;
      }
    });
    let outcome = await run(handler.target);
    if (!outcome.ok && handler.refresh && /no longer kept by the engine/.test(outcome.error.message)) {
      const target = await handler.refresh();
      if (target) {
        handler.target = target;
        outcome = await run(target);
      }
    }
    this.record(outcome, handler, event, context);
    return outcome;
  }

  private record(outcome: Outcome, handler: Handler, event: string, context: { session?: Session; page?: Page }): void {
    for (const d of outcome.divergences) this.divergence(d.rule, d.message, d, { ...context, handler });
    const base = { kind: 'script' as const, session: context.session?.id ?? null, page: context.page?.id, name: handler.label, event, file: handler.file, line: handler.line, durationMs: Math.round(outcome.durationMs * 1000) / 1000 };
    if (outcome.ok) {
      this.event({ ...base, status: 'ok', ...(event !== 'load' && outcome.value !== null ? { result: withoutRefs(outcome.value) } : {}) } as NewEvent);
      return;
    }
    const error: ScriptErrorInfo = { ...outcome.error, traceback: outcome.error.traceback.map((f) => ({ ...f })) };
    this.event({ ...base, status: 'error', error } as NewEvent);
    if (this.strict) this.strictFailures.push({ rule: 'script-error', message: `${error.file}:${error.line}: ${error.type}: ${error.message}` });
  }

  private readonly client: EngineClient = {
    hostCall: (name, args, replaying) => this.hostCall(name, args, replaying),
    // print in a gateway-scope script goes to the gateway's wrapper log.
    output: (text, stream) => {
      this.event({ kind: 'log', session: this.current?.session?.id ?? null, page: this.current?.page?.id, logger: stream, level: stream === 'stderr' ? 'error' : 'info', message: text.replace(/\n$/, '') });
    },
  };

  /** Answers Python's host calls; handler failures become Python exceptions in the calling script. */
  private hostCall(name: string, args: Value[], replaying: boolean): Value {
    const call = hostCalls[name];
    if (!call) throw new HostError('AttributeError', `periscope has no host call '${name}'`);
    this.trace.muted = replaying;
    try {
      return call(this, args);
    } catch (error) {
      if (error instanceof HostError) throw error;
      if (error instanceof TreeError) throw new HostError(error.type, error.message);
      throw new HostError('RuntimeError', (error as Error).message);
    } finally {
      this.trace.muted = false;
    }
  }

  // ---- sessions and pages --------------------------------------------------------------------------------

  session(id: string): Session | undefined {
    return this.sessions.get(id);
  }

  sessionArg(session: Session): Value {
    return { $session: session.id };
  }

  pageArg(page: Page): Value {
    return { $page: [page.sessionId, page.id] };
  }

  /** Opens a page (browser tab); the first open of a session starts it and runs Startup. */
  async openPage(sessionId: string, path: string, device: Device = 'desktop'): Promise<Page | undefined> {
    let session = this.sessions.get(sessionId);
    if (!session || session.closed) {
      const open = [...this.sessions.values()].filter((s) => !s.closed).length;
      const limit = this.project.maxSessions;
      if (limit !== undefined && open >= limit) {
        this.event({ kind: 'session', session: sessionId, action: 'refused', reason: `the project allows ${limit} sessions and ${open} are open` });
        return undefined;
      }
      session = await this.startSession(sessionId, device);
    }
    return this.addPage(session, path);
  }

  private async startSession(sessionId: string, device: Device): Promise<Session> {
    const props = initialSessionProps({ id: sessionId, device, now: this.clock.epochNow(), version: this.project.version, index: ++this.sessionCount });
    // The project may set writable props (theme, locale...) for every session; the gateway's own stay as they are.
    for (const [key, value] of Object.entries(this.project.propsDefaults ?? {})) {
      if (scriptMayWrite([key])) props[key] = plainCopy(value);
    }
    const session = new Session(sessionId, props, plainCopy(this.project.customDefaults) as JsonObject, device);
    this.sessions.set(sessionId, session);
    this.event({ kind: 'session', session: sessionId, action: 'open', device });
    const startup = this.project.sessionEvents.onStartup;
    if (startup) await this.invoke(startup, [this.sessionArg(session)], { session }, 'onStartup');
    this.armIdle(session);
    return session;
  }

  private async addPage(session: Session, path: string): Promise<Page> {
    const id = session.nextPageId();
    const config = this.pageConfig(path);
    const page = new Page(id, session.id, {
      pageId: id,
      path,
      primaryView: config.viewPath,
      title: config.title,
      urlParams: urlParamsOf(this, path),
      dimensions: { viewport: { width: session.device === 'mobile' ? 390 : 1920, height: session.device === 'mobile' ? 844 : 1080 } },
      appBarVisible: true,
    });
    session.pages.push(page);
    session.lastPage = page;
    this.event({ kind: 'page', session: session.id, page: id, action: 'open', path });
    const startup = this.project.sessionEvents.onPageStartup;
    if (startup) await this.invoke(startup, [this.pageArg(page)], { session, page }, 'onPageStartup');
    syncViews(this, page);
    return page;
  }

  /** The page configuration of a URL: its title and primary view (a path with no configuration shows no view). */
  pageConfig(path: string): { title: string; viewPath: string } {
    const pages = this.fixtures.pages;
    const match = matchPageUrl(Object.keys(pages), path);
    const config = match ? pages[match.pattern] : undefined;
    return { title: config?.title ?? '', viewPath: config?.viewPath ?? '' };
  }

  /** Moves a page to another page URL, as navigate() does: the tab stays, Page Startup does not run again. */
  navigatePage(page: Page, to: string, record: 'back' | 'forward' | 'new' = 'new'): void {
    const from = page.path;
    const config = this.pageConfig(to);
    if (record === 'new') {
      page.back.push(from);
      page.forward.length = 0;
    }
    this.event({ kind: 'navigate', session: page.sessionId, page: page.id, from, to, view: config.viewPath });
    this.writePage(page, ['path'], to);
    this.writePage(page, ['primaryView'], config.viewPath);
    this.writePage(page, ['title'], config.title);
    this.writePage(page, ['urlParams'], urlParamsOf(this, to));
    for (const id of [...page.popups.keys()]) this.closePopup(page, id);
    syncViews(this, page);
  }

  closePopup(page: Page, id: string): boolean {
    const popup = page.popups.get(id);
    if (!popup) return false;
    page.popups.delete(id);
    this.event({ kind: 'popup', session: page.sessionId, page: page.id, action: 'close', id, view: popup.view });
    syncViews(this, page);
    return true;
  }

  // ---- writes ----------------------------------------------------------------------------------------------

  /** Writes a session prop or custom prop and traces it (access levels are the caller's business). */
  writeSession(session: Session, tree: 'props' | 'custom', path: readonly PathPart[], value: unknown): void {
    const root = tree === 'props' ? session.props : session.custom;
    const copy = plainCopy(value);
    const old = getAt(root, path);
    setAt(root, path, copy);
    this.tracePropChange(session.id, undefined, `${tree}.${formatPath(path)}`, old, copy);
  }

  deleteSession(session: Session, tree: 'props' | 'custom', path: readonly PathPart[]): void {
    const root = tree === 'props' ? session.props : session.custom;
    const old = deleteAt(root, path);
    if (old !== undefined) this.tracePropChange(session.id, undefined, `${tree}.${formatPath(path)}`, old, undefined);
  }

  writePage(page: Page, path: readonly PathPart[], value: unknown): void {
    const copy = plainCopy(value);
    const old = getAt(page.props, path);
    if (JSON.stringify(old) === JSON.stringify(copy)) return;
    setAt(page.props, path, copy);
    this.tracePropChange(page.sessionId, page.id, `page.props.${formatPath(path)}`, old, copy);
  }

  private tracePropChange(session: string, page: string | undefined, path: string, old: Json | undefined, value: Json | undefined): void {
    // A key that did not exist has no `old`; a removed key has no `new`.
    this.event({
      kind: 'prop', session, page, path,
      ...(old === undefined ? {} : { old: structuredClone(old) }),
      ...(value === undefined ? {} : { new: structuredClone(value) }),
    } as NewEvent);
    this.trace.patch({ session, page, path, value });
  }

  // ---- authentication --------------------------------------------------------------------------------------

  /** Simulated identity provider login; onLogin (a document convention) runs after it, on the page it happened on. */
  async login(session: Session, username: string, password?: string): Promise<boolean> {
    const users = this.gateway?.users ?? this.fixtures.users;
    const user = users.find((u) => u.username === username);
    if (!user) {
      this.event({ kind: 'auth', session: session.id, action: 'login', user: username, ok: false, reason: `no user '${username}' in the fixtures; known users: ${users.map((u) => u.username).join(', ') || 'none'}` });
      return false;
    }
    if (password !== undefined && user.password !== undefined && password !== user.password) {
      this.event({ kind: 'auth', session: session.id, action: 'login', user: username, ok: false, reason: 'wrong password' });
      return false;
    }
    this.signIn(session, user);
    const onLogin = this.project.auth.onLogin;
    if (onLogin) await this.invoke(onLogin, [this.sessionArg(session)], { session, page: session.lastPage }, 'onLogin');
    return true;
  }

  private signIn(session: Session, user: UserFixture): void {
    session.user = user;
    this.writeSession(session, 'props', ['auth', 'authenticated'], true);
    this.writeSession(session, 'props', ['auth', 'user'], {
      id: user.username, userName: user.username, firstName: user.firstName ?? null, lastName: user.lastName ?? null,
      email: user.email ?? null, roles: [...user.roles], timestamp: { $date: this.clock.epochNow() },
    });
    this.writeSession(session, 'props', ['auth', 'securityLevels'], [
      { name: 'Authenticated', children: [{ name: 'Roles', children: user.roles.map((r) => ({ name: r, children: [] })) }] },
    ]);
    this.event({ kind: 'auth', session: session.id, action: 'login', user: user.username, ok: true });
  }

  /** Logs out: onLogout (a document convention) runs first; a logout() inside it completes this logout. */
  async logout(session: Session): Promise<void> {
    if (session.loggingOut) return;
    const onLogout = this.project.auth.onLogout;
    if (onLogout) {
      session.loggingOut = true;
      try {
        await this.invoke(onLogout, [this.sessionArg(session)], { session, page: session.lastPage }, 'onLogout');
      } finally {
        session.loggingOut = false;
      }
    }
    const user = session.user?.username ?? String(getAt(session.props, ['auth', 'user', 'userName']) ?? '');
    session.user = undefined;
    this.writeSession(session, 'props', ['auth', 'authenticated'], false);
    this.writeSession(session, 'props', ['auth', 'user'], signedOutUser());
    this.writeSession(session, 'props', ['auth', 'securityLevels'], [{ name: 'Public', children: [] }]);
    this.event({ kind: 'auth', session: session.id, action: 'logout', user, ok: true });
  }

  // ---- messages, activity, idle --------------------------------------------------------------------------

  /** Delivers a session message (system.util.sendMessage with scope "S") to its Session Events handler. */
  async message(session: Session, name: string, payload: Json, scope = 'S'): Promise<void> {
    const handler = this.project.messageHandlers.get(name);
    this.event({ kind: 'message', session: session.id, name, payload, handled: handler !== undefined, scope });
    if (handler) await this.invoke(handler, [this.sessionArg(session), payload], { session }, `message ${name}`);
  }

  /** A person touched the session: lastActivity moves, the idle timers restart and onIdleReset runs. */
  async activity(session: Session): Promise<void> {
    const now = this.clock.epochNow();
    if ((getAt(session.props, ['lastActivity']) as { $date?: number } | undefined)?.$date !== now) this.writeSession(session, 'props', ['lastActivity'], { $date: now });
    const reset = this.project.idle?.onIdleReset;
    if (reset) await this.invoke(reset, [this.sessionArg(session)], { session, page: session.lastPage }, 'onIdleReset');
    this.armIdle(session);
  }

  private armIdle(session: Session): void {
    for (const id of session.idleTimers) this.clock.cancel(id);
    session.idleTimers = [];
    const idle = this.project.idle;
    if (!idle || session.closed) return;
    const now = this.clock.now();
    const fire = (handler: Handler | undefined, event: string) => async () => {
      if (!handler || session.closed) return;
      await this.enqueue(session.id, async () => {
        await this.invoke(handler, [this.sessionArg(session)], { session, page: session.lastPage }, event);
      });
    };
    if (idle.warningMs > 0 && idle.warningMs < idle.timeoutMs) {
      session.idleTimers.push(this.clock.schedule(now + idle.timeoutMs - idle.warningMs, `${session.id} onIdle`, fire(idle.onIdle, 'onIdle')));
    }
    session.idleTimers.push(this.clock.schedule(now + idle.timeoutMs, `${session.id} onIdleTimeout`, fire(idle.onIdleTimeout, 'onIdleTimeout')));
  }

  async advance(ms: number, sessionId: string): Promise<void> {
    const from = this.clock.now();
    this.event({ kind: 'clock', session: sessionId, from, to: from + ms });
    await this.clock.advance(ms);
  }

  // ---- keystrokes, barcodes, client writes, close -----------------------------------------------------------

  async key(session: Session, key: string, modifiers: Record<string, boolean> = {}): Promise<void> {
    const page = session.lastPage;
    if (!page) return;
    const event: Value = { $record: { key, code: key, altKey: false, ctrlKey: false, metaKey: false, shiftKey: false, ...modifiers } };
    for (const handler of this.project.keyEvents) await this.invoke(handler, [this.pageArg(page), event], { session, page }, 'onKeyEvent');
  }

  async barcode(session: Session, data: string): Promise<void> {
    const handler = this.project.sessionEvents.onBarcodeDataReceived;
    if (!handler) return;
    // Perspective passes the scan as an object (data.text), with the page it came from in the context.
    const scan: Value = { $record: { text: data, timestamp: { $date: this.clock.epochNow() } } };
    const context: Value = { $record: { pageId: session.lastPage?.id ?? null } };
    await this.invoke(handler, [this.sessionArg(session), scan, context], { session, page: session.lastPage }, 'onBarcodeDataReceived');
  }

  async close(session: Session, reason = 'closed'): Promise<void> {
    if (session.closed) return;
    const shutdown = this.project.sessionEvents.onShutdown;
    if (shutdown) await this.invoke(shutdown, [this.sessionArg(session)], { session }, 'onShutdown');
    for (const id of session.idleTimers) this.clock.cancel(id);
    session.idleTimers = [];
    for (const page of session.openPages()) {
      page.closed = true;
      this.event({ kind: 'page', session: session.id, page: page.id, action: 'close', path: page.path });
    }
    session.closed = true;
    this.event({ kind: 'session', session: session.id, action: 'close', reason });
  }

  /** Lets the engine forget a Python object kept for a later invoke. */
  releaseRef(ref: number): void {
    this.options.engine.engine.release(ref);
  }

  async dispose(): Promise<void> {
    await this.settle();
    await this.gateway?.close();
  }
}
