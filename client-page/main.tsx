// The dev gateway's client page: reads its bootstrap, exposes `window.__client`, connects and draws.
import { render } from 'preact';
import { App } from './app';
import { PerspectiveClient, type Bootstrap } from './client';
import './client-page.css';

declare global {
  interface Window {
    __client: PerspectiveClient;
  }
}

const boot = JSON.parse(document.getElementById('periscope-bootstrap')!.textContent!) as Bootstrap;
const client = new PerspectiveClient(boot);
window.__client = client;
for (const type of ['pointerdown', 'keydown']) document.addEventListener(type, () => client.touched(), { capture: true });
render(<App client={client} />, document.getElementById('root')!);
client.connect();
