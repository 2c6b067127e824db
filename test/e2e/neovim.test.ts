// Neovim as a second real client of `periscope lsp --stdio`: the seed's diagnostics arrive, and a quick fix clears one.
import { strict as assert } from 'node:assert';
import { execFile } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const root = join(import.meta.dirname, '..', '..');

describe('Neovim with periscope lsp --stdio', function () {
  this.timeout(240_000);

  before(function () {
    if (!existsSync('/usr/bin/nvim')) {
      console.log("    skipped: Debian's neovim is not installed (.ci/run installs it)");
      this.skip();
    }
  });

  it("shows the seed's diagnostics, and a quick fix applied from Neovim clears its finding", async () => {
    const folder = mkdtempSync(join(tmpdir(), 'periscope-nvim-'));
    cpSync(join(root, 'examples', 'seed'), folder, { recursive: true });
    const out = join(folder, 'result.json');
    await promisify(execFile)('/usr/bin/nvim', ['--headless', '-u', 'NONE', '-i', 'NONE', '-n', join(folder, 'session-scripts.md'), '-c', `luafile ${join(root, 'test', 'support', 'neovim-lsp.lua')}`], {
      env: { ...process.env, PERISCOPE_NVIM_OUT: out, PERISCOPE_BIN: join(root, 'bin', 'periscope.cjs') },
      timeout: 200_000,
    });
    const result = JSON.parse(readFileSync(out, 'utf8')) as { phase: string; before: number; after: number; line20_before: string[]; applied: string; line20_text: string; cleared: boolean };
    assert.equal(result.phase, 'done');
    assert.ok(result.before >= 30, `${result.before} diagnostics`);
    assert.deepEqual(result.line20_before, ['no-such-session-attr']);
    assert.equal(result.applied, 'use session.props.id (no-such-session-attr)');
    assert.equal(result.line20_text, '    session_id = session.props.id');
    assert.equal(result.cleared, true);
    assert.equal(result.after, result.before - 1);
  });
});
