// The extension's manifest for each browser it ships to: one description, two dialects of Manifest V3.

/**
 * The public half of the key that fixes the Chrome extension's id (and so its origin,
 * chrome-extension://hmggbkcpepldcdechfhklplcgnhfkcno) wherever the unpacked folder lives, so that the dev
 * gateway can allow that one origin. Chrome ignores `key` in a store upload; the id is then the store's.
 */
const CHROME_KEY =
  'MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA4/0XXBHbboqA6zyynESmhSSG5uh5GHZgKBaZDfUTkLFG2ljxrfHImyUnV4iqDY8Xuoy8I5zZl1uco+2RvroN5xvJNbVIQL8X9ttA59UuE9OPON/YbxKHX10roE9PardKa+J34Sfc9m5esrdabtIu7iEMcJVLmRzSUvoAhG3j92G4TDBG+xFoEF4LvAkJVU7/DZyAS/L341FWlAn9deq+TRI5qODeUTCrunWGG0GIKV1R3DKbmFhEpKIxxZV0Xfpkg09PE6L9HCYAfuX+mDL0GMQde2mUfm3IFQGzKN71iS6ct8SUj9vwri3PTQTPjOv47YpUHjBs4C7bjf54d+261wIDAQAB';

/** Perspective client pages only: the hook has nothing to do anywhere else, so it never runs there. */
const CLIENT_PAGES = ['http://*/data/perspective/client/*', 'https://*/data/perspective/client/*'];

/** @param {'chrome' | 'firefox'} browser @param {string} version */
export function manifest(browser, version) {
  const common = {
    manifest_version: 3,
    name: 'Periscope',
    version,
    description: 'Inspect and change a live Ignition Perspective session from the browser devtools: props, messages, timeline, logs, queries.',
    devtools_page: 'devtools.html',
    icons: { 16: 'icons/16.png', 32: 'icons/32.png', 48: 'icons/48.png', 128: 'icons/128.png' },
    content_scripts: [
      // The hook must run before the page's own scripts to see the page's WebSocket from its first frame.
      { matches: CLIENT_PAGES, js: ['page-hook.js'], run_at: 'document_start', world: 'MAIN' },
      { matches: CLIENT_PAGES, js: ['relay.js'], run_at: 'document_start' },
    ],
    // The panel runs no Pyodide and evaluates nothing: the strictest policy Manifest V3 allows.
    content_security_policy: { extension_pages: "script-src 'self'; object-src 'self'" },
  };
  if (browser === 'chrome') return { ...common, key: CHROME_KEY, minimum_chrome_version: '111', background: { service_worker: 'background.js' } };
  return {
    ...common,
    background: { scripts: ['background.js'] },
    browser_specific_settings: {
      gecko: { id: 'periscope@periscope.invalid', strict_min_version: '140.0', data_collection_permissions: { required: ['none'] } },
      // No devtools on Android; the key only says which version would read the manifest's data_collection_permissions.
      gecko_android: { strict_min_version: '142.0' },
    },
  };
}
