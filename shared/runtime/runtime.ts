// The session runtime: sessions, pages, the virtual clock and the trace, driven by scenario steps or a panel.
//
// State lives here, in the main thread. Python scripts run one at a time on the shared engine and reach this
// state only through host calls (see host/), so a replaced engine loses nothing and every change is traced.
// Each kind of work has its own file; the methods here are the one surface hosts, scenarios and panels use.
import type { Json, Outcome, Value } from '../engine/types';
import type { Gateway } from '../gateway/gateway';
import { login, logout } from './auth-flow';
import { VirtualClock } from './clock';
import type { EngineHost } from './engine-host';
import { activity } from './idle';
import { closePage, closePopup, closeSession, navigatePage, openPage, pageConfig } from './page-lifecycle';
import type { Handler, ProjectModel, ProjectSource } from './project';
import { deleteSession, writePage, writeSession } from './prop-writes';
import { ScriptRuns } from './script-runs';
import { barcode, key, message } from './session-events';
import { snapshotSession, type Page, type Session, type SessionSnapshot } from './session';
import type { Device } from './session-props';
import { Trace, type NewEvent, type TraceEvent, type TraceListener } from './trace';
import type { PathPart } from './tree';

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
  private readonly scripts: ScriptRuns;
  private sessionCount = 0;

  private constructor(private readonly options: RuntimeOptions) {
    this.strict = options.strict ?? false;
    const start = options.source.fixtures.clock?.start;
    const epoch = start ? Date.parse(start) : Date.UTC(2026, 0, 5, 8, 0, 0);
    this.clock = new VirtualClock(Number.isFinite(epoch) ? epoch : Date.UTC(2026, 0, 5, 8, 0, 0));
    this.trace = new Trace(() => this.clock.now());
    const { name, about, reason } = options.engine.identity;
    this.trace.add({ kind: 'engine', session: null, name, about, reason });
    this.scripts = new ScriptRuns(this, options.engine);
  }

  static async create(options: RuntimeOptions): Promise<Runtime> {
    const runtime = new Runtime(options);
    if (options.gateway) runtime.gateway = await options.gateway(() => runtime.clock.epochNow());
    runtime.project = await options.source.setUp(runtime.scripts.runner());
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

  /** Runs a handler for an event and traces it; never throws for a script's own failure. */
  invoke(handler: Handler, args: Value[], context: { session?: Session; page?: Page }, event = 'call'): Promise<Outcome> {
    return this.scripts.invoke(handler, args, context, event);
  }

  /** Lets the engine forget a Python object kept for a later invoke. */
  releaseRef(ref: number): void {
    this.scripts.release(ref);
  }

  // ---- sessions and pages --------------------------------------------------------------------------------

  session(id: string): Session | undefined {
    return this.sessions.get(id);
  }

  /** The number a new session gets in its props (sessions opened so far, this one included). */
  nextSessionIndex(): number {
    return ++this.sessionCount;
  }

  sessionArg(session: Session): Value {
    return { $session: session.id };
  }

  pageArg(page: Page): Value {
    return { $page: [page.sessionId, page.id] };
  }

  /** Opens a page (browser tab); the first open of a session starts it and runs Startup. */
  openPage(sessionId: string, path: string, device: Device = 'desktop'): Promise<Page | undefined> {
    return openPage(this, sessionId, path, device);
  }

  /** The page configuration of a URL: its title and primary view (a path with no configuration shows no view). */
  pageConfig(path: string): { title: string; viewPath: string } {
    return pageConfig(this, path);
  }

  /** Moves a page to another page URL, as navigate() does: the tab stays, Page Startup does not run again. */
  navigatePage(page: Page, to: string, record: 'back' | 'forward' | 'new' = 'new'): void {
    navigatePage(this, page, to, record);
  }

  closePopup(page: Page, id: string): boolean {
    return closePopup(this, page, id);
  }

  /** Closes one page of a session, as system.perspective.closePage() does: its views shut down first. */
  closePage(page: Page): Promise<void> {
    return closePage(this, page);
  }

  /** Ends a session: its views' onShutdown scripts, then the session's Shutdown. */
  close(session: Session, reason = 'closed'): Promise<void> {
    return closeSession(this, session, reason);
  }

  // ---- writes ----------------------------------------------------------------------------------------------

  /** Writes a session prop or custom prop and traces it (access levels are the caller's business). */
  writeSession(session: Session, tree: 'props' | 'custom', path: readonly PathPart[], value: unknown): void {
    writeSession(this, session, tree, path, value);
  }

  deleteSession(session: Session, tree: 'props' | 'custom', path: readonly PathPart[]): void {
    deleteSession(this, session, tree, path);
  }

  writePage(page: Page, path: readonly PathPart[], value: unknown): void {
    writePage(this, page, path, value);
  }

  // ---- what people and other scripts do ----------------------------------------------------------------------

  /** Simulated identity provider login; onLogin (a document convention) runs after it. */
  login(session: Session, username: string, password?: string): Promise<boolean> {
    return login(this, session, username, password);
  }

  /** Logs out: onLogout (a document convention) runs first; a logout() inside it completes this logout. */
  logout(session: Session): Promise<void> {
    return logout(this, session);
  }

  /** Delivers a session message (system.util.sendMessage with scope "S") to its Session Events handler. */
  message(session: Session, name: string, payload: Json, scope = 'S'): Promise<void> {
    return message(this, session, name, payload, scope);
  }

  /** A person touched the session: lastActivity moves, the idle timers restart and onIdleReset runs. */
  activity(session: Session): Promise<void> {
    return activity(this, session);
  }

  async advance(ms: number, sessionId: string): Promise<void> {
    const from = this.clock.now();
    this.event({ kind: 'clock', session: sessionId, from, to: from + ms });
    await this.clock.advance(ms);
  }

  key(session: Session, name: string, modifiers: Record<string, boolean> = {}): Promise<void> {
    return key(this, session, name, modifiers);
  }

  barcode(session: Session, data: string): Promise<void> {
    return barcode(this, session, data);
  }

  async dispose(): Promise<void> {
    await this.settle();
    await this.gateway?.close();
  }
}
