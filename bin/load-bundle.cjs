'use strict';
// Loads a CommonJS bundle with the V8 code cache beside it (`<bundle>.code-cache`, written by `npm run build`), so
// that its functions arrive compiled: 15 to 25 ms of a short lint (docs/benchmarks.md). V8 checks that the cache
// fits this bundle, this Node and its V8 flags (NODE_OPTIONS included), and ignores one that does not: the bundle
// then compiles as usual.
const { readFileSync, renameSync, writeFileSync } = require('node:fs');
const { createRequire } = require('node:module');
const { dirname } = require('node:path');
const vm = require('node:vm');

/**
 * The bundle's exports, whether V8 took the cache (`cached`), and `saveCache`, which writes the code compiled so far
 * (after a run, every function the run needed) for the next start.
 */
exports.loadBundle = function loadBundle(file) {
  const cacheFile = `${file}.code-cache`;
  let cachedData;
  try {
    cachedData = readFileSync(cacheFile);
  } catch {
    cachedData = undefined;
  }
  // The wrapper Node gives a CommonJS module, on the bundle's first line, so that positions in stacks hold.
  const source = `(function (exports, require, module, __filename, __dirname) {${readFileSync(file, 'utf8')}\n})`;
  const script = new vm.Script(source, { filename: file, cachedData });
  const module = { exports: {} };
  script.runInThisContext()(module.exports, createRequire(file), module, file, dirname(file));
  return {
    exports: module.exports,
    cached: cachedData !== undefined && !script.cachedDataRejected,
    // Written beside and renamed over, so that a lint starting meanwhile reads the old cache or the new one whole.
    saveCache: () => {
      const partial = `${cacheFile}.${process.pid}`;
      writeFileSync(partial, script.createCachedData());
      renameSync(partial, cacheFile);
    },
  };
};
