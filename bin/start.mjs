#!/usr/bin/env node
// `npm start [-- <document or project folder> [simulate options]]`: simulates the bundled example, or the given
// source, and prints its trace.
import { main } from '../dist/cli.mjs';

const [source = 'examples/seed', ...options] = process.argv.slice(2);
process.exitCode = await main(['simulate', source, ...options]);
