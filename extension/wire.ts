// The messages the extension's shells pass among themselves (hook, relay, background, panel shell). They carry
// inspector protocol frames as opaque text plus what the hook found on the page; nothing here is protocol.

/** What the hook found on the inspected page. */
export interface PageInfo {
  url: string;
  /** Whether the page has a Perspective client (`window.__client`) yet. */
  client: boolean;
  sessionId?: string;
  projectName?: string;
  pageId?: string;
  /**
   * The dev gateway's inspector endpoint (a ws: URL that carries the run's token), when the page is served by
   * `periscope serve`; absent on a real gateway's client, where the panel reads the page surface instead.
   */
  inspector?: string;
}

/** Between the hook (page) and the relay (content script), and on from the relay to the background. */
export type PageMessage =
  | { type: 'info'; info: PageInfo }
  /** Opens, feeds and closes one page-surface inspector connection (one per panel). */
  | { type: 'open'; channel: number }
  | { type: 'frame'; channel: number; text: string }
  | { type: 'close'; channel: number }
  /** Every page-surface connection ended (the background restarted). */
  | { type: 'reset' };

/** From a panel shell to the background. */
export type PanelRequest =
  | { type: 'attach'; tabId: number }
  | { type: 'open' }
  | { type: 'frame'; text: string }
  | { type: 'close' };

/** From the background to a panel shell. */
export type PanelNotice =
  /** What the inspected tab offers now; null while it has no page with a hook (loading, reloading, elsewhere). */
  | { type: 'info'; info: PageInfo | null }
  | { type: 'frame'; text: string }
  /** The page-surface connection ended (the page went away). */
  | { type: 'closed' };

/** Port names, so that the background tells a page's relay from a panel. */
export const PORTS = { page: 'periscope-page', panel: 'periscope-panel' } as const;

/** window.postMessage tags of the hook's handshake with the relay; the rest goes over a private MessagePort. */
export const HANDSHAKE = { relayReady: 'periscope:relay-ready', hookPort: 'periscope:hook-port' } as const;
