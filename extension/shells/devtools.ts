// The devtools page: adds the Periscope panel to the browser's devtools for every inspected tab.
import browser from 'webextension-polyfill';

void browser.devtools.panels.create('Periscope', 'icons/32.png', 'panel.html');
