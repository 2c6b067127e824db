// The linter's done-when check on the seed document: each real mistake reported at its line, valid lines left alone.
import { strict as assert } from 'node:assert';
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../shared/cli/main';
import { captureIo } from '../unit/cli.test';
import type { Diagnostic } from '../../shared/lint/diagnostic';

const SEED = join(import.meta.dirname, '../../examples/seed/session-scripts.md');
const seedLines = readFileSync(SEED, 'utf8').split('\n');
const linesMatching = (re: RegExp) => seedLines.flatMap((l, i) => (re.test(l) ? [i + 1] : []));

async function lintSeed(file = SEED): Promise<Diagnostic[]> {
  const io = captureIo();
  await main(['lint', '--format', 'json', file], io);
  return (JSON.parse(io.out) as { diagnostics: Diagnostic[] }).diagnostics;
}

describe('linting the seed session-scripts document', () => {
  let found: Diagnostic[];
  before(async () => { found = await lintSeed(); });
  const linesOf = (rule: string) => [...new Set(found.filter((d) => d.rule === rule).map((d) => d.line))].sort((a, b) => a - b);

  it('reports each of the three f-strings, including the one inside the idle script string', () => {
    assert.deepEqual(linesOf('py3-only'), linesMatching(/\bf"/));
    assert.equal(linesOf('py3-only').length, 3);
    assert.ok(linesOf('py3-only').some((line) => line > 340), 'the f-string in configure_idle_detection\'s script');
  });

  it('reports every session.auth and session.id use, including page.session.*', () => {
    const expected = linesMatching(/session\.(auth|id)\b/);
    assert.deepEqual(linesOf('no-such-session-attr'), expected);
    const uses = seedLines.reduce((n, l) => n + (l.match(/session\.(auth|id)\b/g)?.length ?? 0), 0);
    assert.equal(found.filter((d) => d.rule === 'no-such-session-attr').length, uses);
  });

  it('reports the navigate in onStartup and not the one in onPageStartup', () => {
    const navigates = linesMatching(/system\.perspective\.navigate/);
    assert.deepEqual(linesOf('page-call-without-page'), [navigates[0]]);
  });

  it('reports the substring role check on the page URL', () => {
    assert.deepEqual(linesOf('substring-authorization'), linesMatching(/if path in page_url/));
  });

  it('reports the simulator-only events: onLogin, onLogout and the idle scripts', () => {
    assert.deepEqual(linesOf('not-a-session-event'), linesMatching(/def on(Login|Logout|Idle|IdleReset|IdleTimeout)\(/));
  });

  it('reports errors only on lines that are not valid Ignition code', () => {
    const invalid = new Set([...linesMatching(/\bf"|session\.(auth|id)\b/), linesMatching(/system\.perspective\.navigate/)[0]]);
    const misplaced = found.filter((d) => d.severity === 'error' && !invalid.has(d.line));
    assert.deepEqual(misplaced.map((d) => `${d.line} ${d.rule}: ${d.message}`), []);
  });

  it('--fix rewrites the f-strings and session attributes, leaving every other line byte for byte', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'periscope-lint-'));
    try {
      const copy = join(dir, 'session-scripts.md');
      copyFileSync(SEED, copy);
      const io = captureIo();
      await main(['lint', '--fix', copy], io);
      const fixed = readFileSync(copy, 'utf8').split('\n');
      assert.equal(fixed.length, seedLines.length);
      const touched = new Set(linesMatching(/\bf"|session\.(auth|id)\b/));
      for (let i = 0; i < fixed.length; i++) if (!touched.has(i + 1)) assert.equal(fixed[i], seedLines[i], `line ${i + 1}`);
      assert.match(fixed[30], /logger\.info\("Session started: %s - User: %s - IP: %s" % \(session_id, username, client_ip\)\)/);
      assert.match(fixed[19], /session_id = session\.props\.id$/);
      const after = await lintSeed(copy);
      assert.deepEqual(after.filter((d) => d.rule === 'py3-only' || d.rule === 'no-such-session-attr'), []);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
