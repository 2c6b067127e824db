// The extension's shells keep to their jobs, as in React DevTools: the panel speaks only the inspector protocol
// and never calls the browser's extension APIs; the page hook never imports UI code; only the shells touch
// `browser.*`. And its manifests ask for nothing the panel does not need.
import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import ts from 'typescript';
import { manifest } from '../../extension/manifest.mjs';

const EXTENSION = resolve(import.meta.dirname, '../../extension');

function sources(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name);
    if (statSync(path).isDirectory()) return sources(path);
    return /\.tsx?$/.test(name) ? [path] : [];
  });
}

function imports(file: string): string[] {
  return ts.preProcessFile(readFileSync(file, 'utf8'), true, true).importedFiles.map((f) => f.fileName);
}

describe('the extension\'s shells', () => {
  it('keep the panel off the browser\'s extension APIs: it gets a Connector instead', () => {
    for (const file of sources(join(EXTENSION, 'panel'))) {
      const text = readFileSync(file, 'utf8');
      assert.ok(!imports(file).includes('webextension-polyfill'), `${relative(EXTENSION, file)} imports webextension-polyfill`);
      assert.doesNotMatch(text, /\b(chrome|browser)\.(runtime|tabs|devtools|storage|scripting)\b/, `${relative(EXTENSION, file)} calls the extension API`);
    }
  });

  it('keep the page hook free of UI code and of the extension APIs', () => {
    for (const file of sources(join(EXTENSION, 'hook'))) {
      for (const name of imports(file)) {
        assert.ok(!name.includes('/panel/') && !name.startsWith('preact') && name !== 'webextension-polyfill', `${relative(EXTENSION, file)} imports ${name}`);
      }
    }
  });
});

describe('the extension\'s manifests', () => {
  it('run the hook only on Perspective client pages, before their scripts, in the page\'s own world', () => {
    for (const browser of ['chrome', 'firefox'] as const) {
      const [hook, relay] = manifest(browser, '1.0.0').content_scripts;
      assert.deepEqual(hook.matches, ['http://*/data/perspective/client/*', 'https://*/data/perspective/client/*']);
      assert.equal(hook.world, 'MAIN');
      assert.equal(hook.run_at, 'document_start');
      assert.equal(relay.world, undefined, 'the relay runs in the extension\'s isolated world');
    }
  });

  it('need no permissions and no eval or WebAssembly in the panel', () => {
    for (const browser of ['chrome', 'firefox'] as const) {
      const m = manifest(browser, '1.0.0');
      assert.equal(m.permissions, undefined);
      assert.doesNotMatch(m.content_security_policy.extension_pages, /unsafe-eval|wasm-unsafe-eval/);
    }
  });

  it('speak each browser\'s dialect of Manifest V3: a service worker for Chrome, event scripts and an add-on id for Firefox', () => {
    const chrome = manifest('chrome', '1.0.0');
    const firefox = manifest('firefox', '1.0.0');
    assert.equal(chrome.background.service_worker, 'background.js');
    assert.deepEqual(firefox.background.scripts, ['background.js']);
    assert.match(firefox.browser_specific_settings?.gecko.id ?? '', /@/);
  });
});
