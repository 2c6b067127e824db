#!/usr/bin/env node
// `npm start [-- <document or project folder> [simulate options]]`: simulates the bundled example, or the given
// source, and prints its trace.
import { runCli } from '../dist/cli.mjs';

const [source = 'examples/seed', ...options] = process.argv.slice(2);
await runCli(['simulate', source, ...options]);
