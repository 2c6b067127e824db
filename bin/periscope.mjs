#!/usr/bin/env node
// Entry point of the `periscope` command: runs the bundled CLI built by `npm run build`.
import { main } from '../dist/cli.mjs';

process.exitCode = await main(process.argv.slice(2));
