// The session runtime: sessions, pages, the virtual clock and the trace, driven by scenario steps or a panel.
//
// State lives here, in the main thread. Python scripts run one at a time on the shared engine and reach this
// state only through host calls (see host/), so a replaced engine loses nothing and every change is traced.
// Each kind of work has its own file, handed only the parts it uses (parts.ts), so no helper imports this one;
// the methods here are the one surface scenarios, the inspector and tests use.
import type { Json } from '../engine/types';
import type { Gateway } from '../gateway/gateway';
import { login, logout } from './auth-flow';
import { writeFromClient } from './client-writes';
import { VirtualClock } from './clock';
import { Divergences } from './divergences';
import type { SessionDriver } from './driver';
import type { EngineHost } from './engine-host';
import { activity } from './idle';
import { closePage, closeSession, navigatePage, openPage } from './page-lifecycle';
import { InternalFailures } from './internal-failures';
import type { RuntimeParts } from './parts';
import type { ProjectModel, ProjectSource } from './project';
import { writeSession } from './prop-writes';
import { SessionQueue } from './queue';
import { ScriptRuns } from './script-runs';
import { barcode, fireEvent, key, message } from './session-events';
import type { FiredEvent } from './fired-events';
import { Sessions, type Page, type Session } from './session';
import { snapshotSession, type SessionSnapshot } from './session-snapshot';
import type { Device } from './session-props';
import { Trace, type NewEvent, type TraceEvent, type TraceListener } from './trace';
import type { PathPart } from './tree';
import { performAction, type ComponentAction } from './views/actions';
import { sendComponentMessage, type MessageScope } from './views/messages';

export interface RuntimeOptions {
  source: ProjectSource;
  engine: EngineHost;
  /** Builds the simulated gateway once the runtime's clock exists (its tags and alarms read virtual time). */
  gateway?: (now: () => number) => Promise<Gateway>;
  /** Fail where a gateway would fail, instead of serving what the script evidently means. */
  strict?: boolean;
  /** The limit on each script run, over periscope.json's `engine.scriptTimeout` and the engine's default. */
  scriptTimeoutMs?: number;
}

/**
 * The runtime is its parts (trace, clock, sessions, queue, scripts, divergences) plus the project and gateway;
 * each helper is handed the parts it uses, never the runtime itself.
 */
export class Runtime implements RuntimeParts, SessionDriver {
  readonly trace: Trace;
  readonly clock: VirtualClock;
  readonly sessions = new Sessions();
  readonly queue: SessionQueue;
  readonly scripts: ScriptRuns;
  readonly divergences: Divergences;
  /** The runtime's own failures during sessions (bugs in Periscope), each also an `internal` trace event. */
  readonly internal: InternalFailures;
  readonly strict: boolean;
  gateway: Gateway | undefined;
  project!: ProjectModel;

  private constructor(private readonly options: RuntimeOptions) {
    this.strict = options.strict ?? false;
    const start = options.source.fixtures.clock?.start;
    const epoch = start ? Date.parse(start) : Date.UTC(2026, 0, 5, 8, 0, 0);
    this.clock = new VirtualClock(Number.isFinite(epoch) ? epoch : Date.UTC(2026, 0, 5, 8, 0, 0));
    this.trace = new Trace(() => this.clock.now());
    const { name, about, reason } = options.engine.identity;
    this.trace.add({ kind: 'engine', session: null, name, about, reason });
    this.internal = new InternalFailures(this.trace);
    this.queue = new SessionQueue(this.internal);
    this.scripts = new ScriptRuns(this, options.engine, options.scriptTimeoutMs);
    this.divergences = new Divergences(this.trace, this.strict, options.source.file, () => this.scripts.current);
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

  /** Problems of the project's files the runtime runs with, as a gateway does (see ProjectSource.tolerated). */
  get tolerated() {
    return this.options.source.tolerated ?? [];
  }

  /** Divergences and errors that make a `--strict` run fail. */
  get strictFailures() {
    return this.divergences.strictFailures;
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

  // ---- the session queue ---------------------------------------------------------------------------------

  /** Runs `task` after everything already queued for the session; events of one session never overlap. */
  enqueue(sessionId: string, task: () => Promise<void>): Promise<void> {
    return this.queue.enqueue(sessionId, task);
  }

  /** Resolves when every queued task of every session, including tasks they queue, has run. */
  settle(): Promise<void> {
    return this.queue.settle();
  }

  // ---- sessions and pages --------------------------------------------------------------------------------

  session(id: string): Session | undefined {
    return this.sessions.get(id);
  }

  /** Opens a page (browser tab); the first open of a session starts it and runs Startup. */
  openPage(sessionId: string, path: string, device: Device = 'desktop'): Promise<Page | undefined> {
    return openPage(this, sessionId, path, device);
  }

  /** Moves a page to another page URL, as navigate() does: the tab stays, Page Startup does not run again. */
  navigatePage(page: Page, to: string, record: 'back' | 'forward' | 'new' = 'new'): void {
    navigatePage(this, page, to, record);
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
    writeSession(this.trace, session, tree, path, value);
  }


  /** A write from the client (a person, the panel, a scenario): custom props, writable props, view props. */
  writeFromClient(session: Session, path: string, value: Json): string | undefined {
    return writeFromClient(this, session, path, value);
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

  /** Moves the virtual clock; throws ClockError (nothing happens) for a duration it cannot take. */
  async advance(ms: number, sessionId: string): Promise<void> {
    this.clock.checkAdvance(ms);
    const from = this.clock.now();
    this.event({ kind: 'clock', session: sessionId, from, to: from + ms });
    await this.clock.advance(ms);
  }

  key(session: Session, name: string, modifiers: Record<string, boolean> = {}, handler?: string): Promise<string | undefined> {
    return key(this, session, name, modifiers, handler);
  }

  barcode(session: Session, data: string): Promise<void> {
    return barcode(this, session, data);
  }

  fire(session: Session, event: FiredEvent, args: { [param: string]: Json }, name?: string): Promise<string | undefined> {
    return fireEvent(this, session, event, args, name);
  }

  /** A person used this page (clicked, typed, navigated): it becomes its session's last page. */
  usePage(page: Page): void {
    const session = this.sessions.get(page.sessionId);
    if (session && !page.closed) session.lastPage = page;
  }

  /** Sends a component message on the session's last page, as system.perspective.sendMessage; returns why not, if not. */
  sendToComponents(session: Session, message: { type: string; payload: Json; scope: MessageScope; view?: string }): string | undefined {
    const page = session.lastPage && !session.lastPage.closed ? session.lastPage : undefined;
    if (!page && message.scope !== 'session') return 'the session has no open page';
    sendComponentMessage(this, { ...message, session, page });
    return undefined;
  }

  /** Runs a component's event script on the session's current page; returns why it could not, if it could not. */
  performAction(session: Session, action: ComponentAction): Promise<string | undefined> {
    return performAction(this, session, action);
  }

  async dispose(): Promise<void> {
    await this.settle();
    await this.gateway?.close();
  }
}
