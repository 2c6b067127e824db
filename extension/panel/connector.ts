// What the panel needs from its host (the extension's adapter, or a test page): what the inspected tab offers
// and a way to open a protocol transport to it. The panel knows nothing else of the browser.
import type { Transport } from '../../shared/inspector/transport';
import type { PageInfo } from '../wire';

export interface Connector {
  /** Calls `listener` now and whenever the inspected page changes (loads, reloads, finds its client); returns how to stop. */
  watch(listener: (info: PageInfo | null) => void): () => void;
  /** A transport to the inspector of `target`: the dev gateway's endpoint when it names one, else the page surface. */
  open(target: PageInfo): Transport;
  /**
   * Asks the dev gateway that served `target` for its inspector endpoint now: a restarted gateway has a new token
   * that the page, which reconnects without reloading, does not carry. Undefined when it cannot be asked.
   */
  rediscover(target: PageInfo): Promise<string | undefined>;
}
