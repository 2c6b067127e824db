// Node's modules that a command needs only now and then, loaded at first use: each costs a millisecond or two at
// every start of `periscope lint`, which starts often and briefly (docs/benchmarks.md).
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

export const childProcess = (): typeof import('node:child_process') => require('node:child_process');
export const zlib = (): typeof import('node:zlib') => require('node:zlib');
export const workerThreads = (): typeof import('node:worker_threads') => require('node:worker_threads');
export const crypto = (): typeof import('node:crypto') => require('node:crypto');
export const fsPromises = (): typeof import('node:fs/promises') => require('node:fs/promises');
