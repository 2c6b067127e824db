#!/usr/bin/env node
// Entry point of the `periscope` command: runs the bundled CLI built by `npm run build`.
import { runCli } from '../dist/cli.mjs';

// While a command runs, a ref'd timer keeps the event loop from running dry between two awaited steps (the engine's
// worker is unref'd while idle). On Node 20 a loop that runs dry drains V8's background tasks, and a background
// TurboFan job waiting for a garbage collection then deadlocks the process (seen as `periscope test` hanging).
const running = setInterval(() => {}, 1 << 30);
try {
  await runCli(process.argv.slice(2));
} finally {
  clearInterval(running);
}
