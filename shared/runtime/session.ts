// The state of one simulated session and its pages: plain data the runtime owns and Python only addresses.
import type { Json, Value } from '../engine/types';
import type { UserFixture } from '../gateway-config/fixtures';
import type { Device } from './session-props';
import type { JsonObject } from './tree';

export interface Popup {
  id: string;
  view: string;
  params: Json;
  title?: string;
  modal: boolean;
}

export interface Dock {
  id: string;
  params: Json;
  open: boolean;
}

export class Page {
  readonly popups = new Map<string, Popup>();
  readonly docks = new Map<string, Dock>();
  /** Paths visited before / after the current one, for navigateBack and navigateForward. */
  readonly back: string[] = [];
  readonly forward: string[] = [];
  closed = false;

  constructor(
    readonly id: string,
    readonly sessionId: string,
    /** pageId, path, primaryView, title, urlParams, dimensions, appBarVisible. */
    readonly props: JsonObject,
  ) {}

  get path(): string {
    return String(this.props.path);
  }
}

export class Session {
  readonly pages: Page[] = [];
  user: UserFixture | undefined;
  closed = false;
  /** The page a person last used; simulator-only events without a page of their own run there. */
  lastPage: Page | undefined;
  /** Clock timers of the idle detection, cancelled on activity. */
  idleTimers: number[] = [];
  /** Set while onLogout runs, so that a logout() inside it completes this logout instead of starting another. */
  loggingOut = false;
  /** The clock timer that ends the session once no page has kept it alive for the session timeout. */
  timeoutTimer: number | undefined;
  private pageCount = 0;

  constructor(
    readonly id: string,
    readonly props: JsonObject,
    readonly custom: JsonObject,
    readonly device: Device,
  ) {}

  nextPageId(): string {
    return `${this.id}-p${++this.pageCount}`;
  }

  openPages(): Page[] {
    return this.pages.filter((p) => !p.closed);
  }

  page(id: string): Page | undefined {
    return this.pages.find((p) => p.id === id);
  }
}

/** Every session the runtime has seen, open or closed, by id. */
export class Sessions extends Map<string, Session> {
  private opened = 0;

  /** The number a new session gets in its props (sessions opened so far, this one included). */
  nextIndex(): number {
    return ++this.opened;
  }
}

/** A session as a script's argument: Python builds the session wrapper from it. */
export function sessionArg(session: Session): Value {
  return { $session: session.id };
}

/** A page as a script's argument: Python builds the page wrapper from it. */
export function pageArg(page: Page): Value {
  return { $page: [page.sessionId, page.id] };
}
