// A seeded sample of the fuzz suite (`npm run fuzz` runs 100,000 cases): every reader and --fix on generated input.
import { rmSync } from 'node:fs';
import fc from 'fast-check';
import { fuzzFolder, targets } from '../fuzz/targets';

describe('fuzzed input (a seeded sample)', () => {
  let folder: string;
  before(() => { folder = fuzzFolder(); });
  after(() => rmSync(folder, { recursive: true, force: true }));

  for (const target of targets) {
    it(`${target.name}: no exception but its own input errors, and nothing changed outside a fix`, async () => {
      await fc.assert(target.property(folder), { numRuns: 60 * target.weight, seed: 20261127 });
    });
  }
});
