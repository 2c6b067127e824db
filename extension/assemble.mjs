// Lays out the built extension for each browser: bundles (from esbuild), static pages, icons and the manifest.
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { iconPng } from './icons.mjs';
import { manifest } from './manifest.mjs';

/** Where the unpacked extensions go: Chrome's is the folder `periscope serve` prints for loading unpacked. */
export const EXTENSION_DIRS = { chrome: 'dist/extension', firefox: 'dist/extension-firefox' };

/** The bundles esbuild writes into the Chrome folder, copied as they are into the Firefox one. */
const BUNDLES = ['page-hook.js', 'relay.js', 'background.js', 'devtools.js', 'panel.js'];

export function assembleExtension(root) {
  const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  const chrome = join(root, EXTENSION_DIRS.chrome);
  const firefox = join(root, EXTENSION_DIRS.firefox);
  rmSync(firefox, { recursive: true, force: true });
  for (const [browser, dir] of [['chrome', chrome], ['firefox', firefox]]) {
    mkdirSync(join(dir, 'icons'), { recursive: true });
    cpSync(join(root, 'extension/static'), dir, { recursive: true });
    for (const size of [16, 32, 48, 128]) writeFileSync(join(dir, 'icons', `${size}.png`), iconPng(size));
    writeFileSync(join(dir, 'manifest.json'), `${JSON.stringify(manifest(browser, version), null, 2)}\n`);
  }
  for (const bundle of BUNDLES) for (const file of [bundle, `${bundle}.map`]) cpSync(join(chrome, file), join(firefox, file));
}
