// What drives a runtime from outside, as a person, a scenario or an inspector does: open and close pages, log
// in, send messages, advance the clock, write from the client. The runtime implements it; drivers need no more.
import type { Json } from '../engine/types';
import type { Page, Session } from './session';
import type { FiredEvent } from './fired-events';
import type { Device } from './session-props';
import type { NewEvent, Trace, TraceEvent } from './trace';
import type { ComponentAction } from './views/actions';
import type { MessageScope } from './views/messages';

export interface SessionDriver {
  readonly trace: Trace;
  session(id: string): Session | undefined;
  event(event: NewEvent): TraceEvent;
  /** Runs `task` after everything already queued for the session; events of one session never overlap. */
  enqueue(sessionId: string, task: () => Promise<void>): Promise<void>;
  /** Resolves when every queued task of every session, including tasks they queue, has run. */
  settle(): Promise<void>;
  /** Opens a page (browser tab); the first open of a session starts it and runs Startup. */
  openPage(sessionId: string, path: string, device?: Device): Promise<Page | undefined>;
  navigatePage(page: Page, to: string): void;
  /** A person used this page (clicked, typed, navigated): it becomes its session's last page. */
  usePage(page: Page): void;
  closePage(page: Page): Promise<void>;
  close(session: Session, reason?: string): Promise<void>;
  login(session: Session, username: string, password?: string): Promise<boolean>;
  logout(session: Session): Promise<void>;
  message(session: Session, name: string, payload: Json, scope?: string): Promise<void>;
  activity(session: Session): Promise<void>;
  advance(ms: number, sessionId: string): Promise<void>;
  /** A keystroke to every keystroke handler, or to the one named `handler`; returns why not, if not. */
  key(session: Session, name: string, modifiers?: Record<string, boolean>, handler?: string): Promise<string | undefined>;
  barcode(session: Session, data: string): Promise<void>;
  /** Fires a device's, an identity provider's or a form's session event; returns why it could not run, if it could not. */
  fire(session: Session, event: FiredEvent, args: { [param: string]: Json }, name?: string): Promise<string | undefined>;
  /** Sends a component message on the session's last page, as system.perspective.sendMessage; returns why not, if not. */
  sendToComponents(session: Session, message: { type: string; payload: Json; scope: MessageScope; view?: string }): string | undefined;
  /** Runs a component's event script on the session's current page; returns why it could not, if it could not. */
  performAction(session: Session, action: ComponentAction): Promise<string | undefined>;
  /** A write from the client; returns why it could not be made, if it could not. */
  writeFromClient(session: Session, path: string, value: Json): string | undefined;
}
