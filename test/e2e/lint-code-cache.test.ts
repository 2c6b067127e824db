// `periscope lint` starts from a bundle compiled ahead by V8's code cache (bin/load-bundle.cjs): the cache changes
// how fast it starts, never what it finds, and one that does not fit is ignored.
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { loadBundle } from '../../bin/load-bundle.cjs';

const ROOT = resolve('.');
const BUNDLE = join(ROOT, 'dist/cli-lint.cjs');

describe('the lint bundle and its code cache', () => {
  let dir: string;
  beforeEach(() => { dir = mkdtempSync(join(tmpdir(), 'periscope-code-cache-')); });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  /** A copy of the command (bin, the lint bundles, the repository's packages) whose cache a test can change. */
  function copyOfCommand(): string {
    mkdirSync(join(dir, 'bin'));
    mkdirSync(join(dir, 'dist'));
    for (const file of ['bin/periscope.cjs', 'bin/load-bundle.cjs', 'dist/cli-lint.cjs', 'dist/cli-lint.cjs.code-cache', 'dist/lint-worker.mjs']) copyFileSync(join(ROOT, file), join(dir, file));
    writeFileSync(join(dir, 'package.json'), '{"type": "module"}');
    symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'));
    return join(dir, 'bin/periscope.cjs');
  }

  const lint = (bin: string) => spawnSync(process.execPath, [bin, 'lint', '--format', 'json', 'examples/seed', 'test/fixtures/project-81'], { cwd: ROOT, encoding: 'utf8' });

  it('is taken by this Node: the build records it after linting the example', () => {
    const bundle = loadBundle(BUNDLE);
    assert.equal(bundle.cached, true);
    assert.equal(typeof bundle.exports.runCli, 'function');
  });

  it("holds web-tree-sitter with its nodes' context in a named field, as the build rewrites it", () => {
    const source = readFileSync(BUNDLE, 'utf8');
    const nodeClass = source.slice(source.indexOf('var Node = class {'), source.indexOf('marshalNode, "marshalNode"'));
    assert.match(nodeClass, /this\._context = other;/);
    assert.match(nodeClass, /C\.setValue\(address, node\._context, "i32"\)/);
    assert.doesNotMatch(nodeClass, /this\[0\] = other|node\[0\]/);
  });

  it('finds the same with the cache, without it, and with a damaged one', () => {
    const bin = copyOfCommand();
    const cached = lint(bin);
    assert.equal(cached.status, 1, cached.stderr);
    assert.match(cached.stdout, /"rule": "py3-only"/);
    rmSync(join(dir, 'dist/cli-lint.cjs.code-cache'));
    const none = lint(bin);
    assert.equal(none.stdout, cached.stdout);
    writeFileSync(join(dir, 'dist/cli-lint.cjs.code-cache'), Buffer.alloc(4096, 7));
    assert.equal(loadBundle(join(dir, 'dist/cli-lint.cjs')).cached, false);
    const damaged = lint(bin);
    assert.equal(damaged.stdout, cached.stdout);
    assert.equal(damaged.stderr, cached.stderr);
  });
});
