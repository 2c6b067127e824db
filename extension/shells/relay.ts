// The relay (a content script): moves messages between the page hook's private MessagePort and the background
// service worker's port for this tab. It reads nothing of the page itself.
import browser, { type Runtime } from 'webextension-polyfill';
import { HANDSHAKE, PORTS, type PageMessage } from '../wire';

let hook: MessagePort | undefined;
let background: Runtime.Port | undefined;
/** The hook's last word on the page, said again to a background that restarted. */
let lastInfo: PageMessage | undefined;

function toBackground(message: PageMessage): void {
  if (message.type === 'info') lastInfo = message;
  background?.postMessage(message);
}

function connectBackground(): void {
  const port = browser.runtime.connect({ name: PORTS.page });
  background = port;
  port.onMessage.addListener((message) => hook?.postMessage(message as PageMessage));
  port.onDisconnect.addListener(() => {
    background = undefined;
    // The service worker went to sleep or restarted: the panels' page connections ended with it.
    hook?.postMessage({ type: 'reset' } satisfies PageMessage);
    setTimeout(connectBackground, 100);
  });
  if (lastInfo) port.postMessage(lastInfo);
}

window.addEventListener('message', (event) => {
  if (event.source !== window || typeof event.data !== 'object' || event.data === null || event.data[HANDSHAKE.hookPort] !== true) return;
  const port = event.ports[0];
  if (!port) return;
  hook?.close();
  hook = port;
  hook.onmessage = (message: MessageEvent<PageMessage>) => toBackground(message.data);
});

connectBackground();
window.postMessage({ [HANDSHAKE.relayReady]: true }, window.location.origin);
