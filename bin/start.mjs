#!/usr/bin/env node
// `npm start [-- <document or project folder> [serve options]]`: the dev gateway on the bundled example, or on the
// given source: it prints the client page's URL and the extension's folder, and echoes the trace live.
import { runCli } from '../dist/cli.mjs';

const [source = 'examples/seed', ...options] = process.argv.slice(2);
await runCli(['serve', source, ...options]);
