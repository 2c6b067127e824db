// The state of one simulated session and its pages: plain data the runtime owns and Python only addresses.
import type { Json } from '../engine/types';
import type { UserFixture } from '../fixtures/fixtures';
import type { Device } from './session-props';
import type { JsonObject } from './tree';
import { snapshotViews, type ViewSnapshot } from './views/snapshot';

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

/** What the devtools panel, the language server and `--format json` see of a session. */
export interface SessionSnapshot {
  id: string;
  closed: boolean;
  props: Json;
  custom: Json;
  pages: Array<{ id: string; path: string; primaryView: string; closed: boolean; popups: Popup[]; docks: Dock[]; views: ViewSnapshot[] }>;
}

export function snapshotSession(session: Session): SessionSnapshot {
  return {
    id: session.id,
    closed: session.closed,
    props: structuredClone(session.props),
    custom: structuredClone(session.custom),
    pages: session.pages.map((p) => ({
      id: p.id,
      path: p.path,
      primaryView: String(p.props.primaryView),
      closed: p.closed,
      popups: [...p.popups.values()].map((x) => structuredClone(x)),
      docks: [...p.docks.values()].map((x) => structuredClone(x)),
      views: snapshotViews(p),
    })),
  };
}
