// `npm run package:extension` on the built extension: Mozilla's linter passes the Firefox build, and a zip for
// each browser holds its manifest and the five scripts.
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '../..');

describe('packaging the extension', function () {
  this.timeout(180_000);

  it('lints the Firefox build with web-ext without errors and zips both builds', () => {
    const run = spawnSync(process.execPath, ['extension/package.mjs'], { cwd: ROOT, encoding: 'utf8' });
    assert.equal(run.status, 0, run.stdout + run.stderr);
    assert.doesNotMatch(run.stdout, /web-ext lint error/);
    const { version } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };
    for (const browser of ['chrome', 'firefox']) {
      const zip = readFileSync(join(ROOT, `dist/packages/periscope-${browser}-${version}.zip`)).toString('latin1');
      // A zip names each file it holds in plain text in its directory.
      for (const file of ['manifest.json', 'page-hook.js', 'relay.js', 'background.js', 'devtools.js', 'panel.js', 'panel.html', 'icons/128.png']) {
        assert.ok(zip.includes(file), `${browser}'s zip holds ${file}`);
      }
      assert.ok(!zip.includes('.js.map'), 'no source maps in a package');
    }
  });
});
