// Puts the panel on a page: a link over the host's connector, redrawn once per animation frame at most.
import { render } from 'preact';
import type { Connector } from './connector';
import { PanelLink } from './link';
import { App } from './ui/App';

/** Trace events the panel keeps at first; the header lets people change it. */
export const DEFAULT_HISTORY = 20_000;

export function mountPanel(root: HTMLElement, connector: Connector): PanelLink {
  const link = new PanelLink(connector, { depth: 3, history: DEFAULT_HISTORY, schedule: (flush) => requestAnimationFrame(flush) });
  render(<App link={link} />, root);
  return link;
}
