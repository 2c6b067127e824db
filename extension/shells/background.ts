// The background service worker: routes between each tab's relay and the panels inspecting that tab. It keeps
// only what the ports tell it (a restarted worker is told again), and understands no protocol frame.
import browser, { type Runtime } from 'webextension-polyfill';
import { PORTS, type PageInfo, type PageMessage, type PanelNotice, type PanelRequest } from '../wire';

interface PanelLink {
  port: Runtime.Port;
  tabId: number;
  /** Its page-surface connection on the tab's hook, while it has one. */
  channel?: number;
}

interface Tab {
  page?: Runtime.Port;
  info: PageInfo | null;
  panels: Set<PanelLink>;
}

const tabs = new Map<number, Tab>();
let nextChannel = 1;

function tab(id: number): Tab {
  let found = tabs.get(id);
  if (!found) tabs.set(id, (found = { info: null, panels: new Set() }));
  return found;
}

function notify(link: PanelLink, notice: PanelNotice): void {
  link.port.postMessage(notice);
}

function onPage(port: Runtime.Port): void {
  const tabId = port.sender?.tab?.id;
  if (tabId === undefined || port.sender?.frameId !== 0) {
    port.disconnect();
    return;
  }
  const entry = tab(tabId);
  entry.page = port;
  port.onMessage.addListener((raw) => {
    const message = raw as PageMessage;
    if (message.type === 'info') {
      entry.info = message.info;
      for (const link of entry.panels) notify(link, { type: 'info', info: message.info });
    } else if (message.type === 'frame' || message.type === 'close') {
      const link = [...entry.panels].find((l) => l.channel === message.channel);
      if (!link) return;
      if (message.type === 'close') {
        link.channel = undefined;
        notify(link, { type: 'closed' });
      } else notify(link, { type: 'frame', text: message.text });
    }
  });
  port.onDisconnect.addListener(() => {
    if (entry.page !== port) return;
    entry.page = undefined;
    entry.info = null;
    for (const link of entry.panels) {
      if (link.channel !== undefined) notify(link, { type: 'closed' });
      link.channel = undefined;
      notify(link, { type: 'info', info: null });
    }
  });
}

function onPanel(port: Runtime.Port): void {
  let link: PanelLink | undefined;
  const closeChannel = (): void => {
    if (link?.channel === undefined) return;
    tabs.get(link.tabId)?.page?.postMessage({ type: 'close', channel: link.channel } satisfies PageMessage);
    link.channel = undefined;
  };
  port.onMessage.addListener((raw) => {
    const request = raw as PanelRequest;
    if (request.type === 'attach') {
      closeChannel();
      if (link) tabs.get(link.tabId)?.panels.delete(link);
      link = { port, tabId: request.tabId };
      const entry = tab(request.tabId);
      entry.panels.add(link);
      notify(link, { type: 'info', info: entry.info });
      return;
    }
    if (!link) return;
    const page = tabs.get(link.tabId)?.page;
    if (request.type === 'open') {
      closeChannel();
      if (!page) {
        notify(link, { type: 'closed' });
        return;
      }
      link.channel = nextChannel++;
      page.postMessage({ type: 'open', channel: link.channel } satisfies PageMessage);
    } else if (request.type === 'frame' && link.channel !== undefined) {
      page?.postMessage({ type: 'frame', channel: link.channel, text: request.text } satisfies PageMessage);
    } else if (request.type === 'close') closeChannel();
  });
  port.onDisconnect.addListener(() => {
    closeChannel();
    if (link) tabs.get(link.tabId)?.panels.delete(link);
  });
}

browser.runtime.onConnect.addListener((port) => {
  if (port.name === PORTS.page) onPage(port);
  else if (port.name === PORTS.panel) onPanel(port);
});

browser.tabs.onRemoved.addListener((tabId) => tabs.delete(tabId));
