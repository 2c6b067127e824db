// The one build script: every bundle Periscope ships is declared once in `targets`.
import * as esbuild from 'esbuild';

const node = { platform: 'node', format: 'esm', target: 'node20', packages: 'external' };
const browser = { platform: 'browser', format: 'iife', target: 'es2022', jsx: 'automatic', jsxImportSource: 'preact' };

export const targets = [
  { ...node, entryPoints: ['shared/cli/main.ts'], outfile: 'dist/cli.mjs' },
  { ...node, entryPoints: ['shared/engine/worker.ts'], outfile: 'dist/engine-worker.mjs' },
  { ...node, entryPoints: ['shared/lint/worker.ts'], outfile: 'dist/lint-worker.mjs' },
  // The dev gateway's client page (and its client-page.css), served by `periscope serve`.
  { ...browser, entryPoints: ['client-page/main.tsx'], outfile: 'dist/client-page.js' },
];

const watch = process.argv.includes('--watch');
for (const target of targets) {
  const options = { bundle: true, sourcemap: true, logLevel: 'warning', ...target };
  if (watch) await (await esbuild.context(options)).watch();
  else await esbuild.build(options);
}
