// The panel page's shell: finds the inspected tab (devtools' own, or `?tab=` when the panel is opened as a page
// of its own) and mounts the panel over the extension's connector.
import browser from 'webextension-polyfill';
import { mountPanel } from '../panel/mount';
import { panelConnector } from './panel-connector';

const given = Number(new URLSearchParams(location.search).get('tab'));
const tabId = Number.isInteger(given) && given > 0 ? given : browser.devtools.inspectedWindow.tabId;
const link = mountPanel(document.getElementById('root')!, panelConnector(tabId));
// Tests and benchmarks read the panel's state from here; nothing in the panel depends on it.
(window as unknown as { __periscopePanel: typeof link }).__periscopePanel = link;
