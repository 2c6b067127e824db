#!/usr/bin/env node
// Entry point of the `periscope` command: runs the bundled CLI built by `npm run build`.
import { runCli } from '../dist/cli.mjs';

await runCli(process.argv.slice(2));
