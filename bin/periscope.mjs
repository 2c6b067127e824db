#!/usr/bin/env node
// Entry point of the `periscope` command: runs the bundled CLI built by `npm run build`.

const argv = process.argv.slice(2);
// lint and rules run from a bundle of their own (shared/cli/main-lint.ts), which loads in half the time.
const LINT_COMMANDS = ['lint', 'rules'];
const command = argv.find((arg) => !arg.startsWith('-'));
const { runCli } = await import(LINT_COMMANDS.includes(command) ? '../dist/cli-lint.mjs' : '../dist/cli.mjs');

// While a command runs, a ref'd timer keeps the event loop from running dry between two awaited steps (the engine's
// worker is unref'd while idle). On Node 20 a loop that runs dry drains V8's background tasks, and a background
// TurboFan job waiting for a garbage collection then deadlocks the process (seen as `periscope test` hanging).
const running = setInterval(() => {}, 1 << 30);
try {
  await runCli(argv);
} finally {
  clearInterval(running);
}
