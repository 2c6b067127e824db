// The one build script: every bundle Periscope ships is declared once in `targets`.
import * as esbuild from 'esbuild';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { assembleExtension } from './extension/assemble.mjs';

const node = { platform: 'node', format: 'esm', target: 'node20', packages: 'external' };
// Packages with wasm, data files or native code stay outside the bundles; `npm run package:vscode` ships them.
const shipped = ['pyodide', 'better-sqlite3', 'web-tree-sitter', 'tree-sitter-python'];
// Bundled CommonJS dependencies call require(); an ES module bundle gives them one.
const requireShim = { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" };
// ES module builds first: jsonc-parser's UMD build requires its parts at run time, which a bundle cannot follow.
const selfContained = { platform: 'node', format: 'esm', target: 'node20', external: shipped, banner: requireShim, mainFields: ['module', 'main'] };
const browser = { platform: 'browser', format: 'iife', target: 'es2022', jsx: 'automatic', jsxImportSource: 'preact' };
/** The browser extension's scripts: self-contained, one per shell (extension/README.md says which does what). */
const extension = { ...browser, target: ['chrome111', 'firefox140'] };

/**
 * web-tree-sitter keeps one word of a node's context in an indexed field, `node[0]`, and V8 gives every object with
 * an indexed field a separate store for its elements: about 150 bytes more for each of the tens of thousands of nodes
 * a lint reads, a seventh of all it allocates. The lint bundle names the field instead (7 ms of a lint of a
 * real-sized project: docs/benchmarks.md). Node's class, its constructor and `marshalNode` are the only places that
 * touch it; if a version of web-tree-sitter no longer reads as expected, the build says so and leaves it as it is.
 */
const namedNodeContext = {
  name: 'web-tree-sitter-named-node-context',
  setup(build) {
    build.onLoad({ filter: /web-tree-sitter\.cjs$/ }, (args) => {
      const source = readFileSync(args.path, 'utf8');
      const start = source.indexOf('var Node = class {');
      const end = source.indexOf('\n}', start);
      const body = start < 0 ? '' : source.slice(start, end);
      const marshal = 'C.setValue(address, node[0], "i32");';
      if (!body.includes('  [0] = 0;') || !body.includes('this[0] = other;') || source.split(marshal).length !== 2) {
        console.warn(`${args.path}: its Node class is not as expected; node objects keep their indexed field`);
        return { contents: source, loader: 'js' };
      }
      const named = body.replace('  [0] = 0;', '  _context = 0;').replace('this[0] = other;', 'this._context = other;');
      const contents = (source.slice(0, start) + named + source.slice(end)).replace(marshal, 'C.setValue(address, node._context, "i32");');
      return { contents, loader: 'js' };
    });
  },
};

export const targets = [
  { ...node, entryPoints: ['shared/cli/main.ts'], outfile: 'dist/cli.mjs' },
  // `periscope lint` and `rules` alone, without the runtime: bin/periscope.cjs starts them from it, in half the time,
  // with V8's code cache (bin/load-bundle.cjs). CommonJS, since Node 20 has no code cache for ES modules; web-tree-sitter's
  // JavaScript is inside (its CommonJS build, told where its wasm is: see shared/python/parser.ts), so it is cached too.
  {
    platform: 'node', format: 'cjs', target: 'node20', external: shipped.filter((p) => p !== 'web-tree-sitter'),
    alias: { 'web-tree-sitter': createRequire(import.meta.url).resolve('web-tree-sitter') },
    define: { 'import.meta.url': '__bundle_url' }, banner: { js: "var __bundle_url = require('node:url').pathToFileURL(__filename).href;" },
    mainFields: ['module', 'main'], entryPoints: ['shared/cli/main-lint.ts'], outfile: 'dist/cli-lint.cjs', plugins: [namedNodeContext],
  },
  { ...node, entryPoints: ['shared/engine/worker.ts'], outfile: 'dist/engine-worker.mjs' },
  { ...selfContained, entryPoints: ['shared/lint/worker.ts'], outfile: 'dist/lint-worker.mjs' },
  { ...extension, entryPoints: ['extension/hook/page-hook.ts'], outfile: 'dist/extension/page-hook.js' },
  { ...extension, entryPoints: ['extension/shells/relay.ts'], outfile: 'dist/extension/relay.js' },
  { ...extension, entryPoints: ['extension/shells/background.ts'], outfile: 'dist/extension/background.js' },
  { ...extension, entryPoints: ['extension/shells/devtools.ts'], outfile: 'dist/extension/devtools.js' },
  { ...extension, entryPoints: ['extension/shells/panel.ts'], outfile: 'dist/extension/panel.js' },
  { ...node, entryPoints: ['shared/lsp/simulator-child.ts'], outfile: 'dist/simulator.mjs' },
  // The dev gateway's client page (and its client-page.css), served by `periscope serve`.
  { ...browser, entryPoints: ['client-page/main.tsx'], outfile: 'dist/client-page.js' },
];

// The VS Code extension: its client (CommonJS, as VS Code loads it) and the server with its processes and workers.
targets.push(
  { platform: 'node', format: 'cjs', target: 'node20', external: ['vscode'], entryPoints: ['vscode/src/extension.ts'], outfile: 'vscode/dist/extension.cjs' },
  { ...selfContained, entryPoints: ['shared/lsp/main.ts'], outfile: 'vscode/dist/server.mjs' },
  { ...selfContained, entryPoints: ['shared/lsp/simulator-child.ts'], outfile: 'vscode/dist/simulator.mjs' },
  { ...selfContained, entryPoints: ['shared/engine/worker.ts'], outfile: 'vscode/dist/engine-worker.mjs' },
  // PostgreSQL fixtures: pg bundled in (its optional native binding stays out).
  { ...selfContained, external: [...shipped, 'pg-native'], entryPoints: ['shared/gateway/postgres-worker.mjs'], outfile: 'vscode/dist/postgres-worker.mjs' },
  { ...browser, entryPoints: ['vscode/src/webview/session-view.ts'], outfile: 'vscode/dist/session-view.js' },
);

const watch = process.argv.includes('--watch');
for (const target of targets) {
  const options = { bundle: true, sourcemap: true, logLevel: 'warning', ...target };
  if (watch) await (await esbuild.context(options)).watch();
  else await esbuild.build(options);
}
if (!watch) {
  assembleExtension(import.meta.dirname);
  writeLintCodeCache();
}

/**
 * Records V8's code cache of the lint bundle after a lint of the example and a fixture project, so that it holds the
 * functions a lint runs, compiled (bin/load-bundle.cjs). Only a speed-up: without it the bundle compiles as usual.
 */
function writeLintCodeCache() {
  const lint = spawnSync(process.execPath, ['bin/periscope.cjs', 'lint', 'examples/seed', 'test/fixtures/project-83'], {
    cwd: import.meta.dirname, env: { ...process.env, PERISCOPE_WRITE_CODE_CACHE: '1' }, stdio: 'ignore',
  });
  if (lint.status !== 0 && lint.status !== 1) console.warn(`the lint code cache was not written (lint exited ${lint.status ?? lint.signal})`);
}
