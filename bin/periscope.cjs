#!/usr/bin/env node
'use strict';
// Entry point of the `periscope` command: runs the bundled CLI built by `npm run build`. CommonJS, because Node
// starts a CommonJS entry about 5 ms sooner than an ES module, and a short lint is mostly start-up.
const { join } = require('node:path');
const { pathToFileURL } = require('node:url');
const { loadBundle } = require('./load-bundle.cjs');

const argv = process.argv.slice(2);
// lint and rules run from a bundle of their own (shared/cli/main-lint.ts), which loads in half the time, compiled
// ahead by V8's code cache.
const LINT_COMMANDS = ['lint', 'rules'];
const command = argv.find((arg) => !arg.startsWith('-'));
const lint = LINT_COMMANDS.includes(command) ? loadBundle(join(__dirname, '../dist/cli-lint.cjs')) : undefined;

async function main() {
  const { runCli } = lint ? lint.exports : await import(pathToFileURL(join(__dirname, '../dist/cli.mjs')).href);
  // While a command runs, a ref'd timer keeps the event loop from running dry between two awaited steps (the engine's
  // worker is unref'd while idle). On Node 20 a loop that runs dry drains V8's background tasks, and a background
  // TurboFan job waiting for a garbage collection then deadlocks the process (seen as `periscope test` hanging).
  const running = setInterval(() => {}, 1 << 30);
  try {
    await runCli(argv);
  } finally {
    clearInterval(running);
  }
  // `npm run build` records the code the lint it runs compiled (esbuild.config.mjs).
  if (lint && process.env.PERISCOPE_WRITE_CODE_CACHE === '1') lint.saveCache();
}

main();
