// The differential suite: every program of test/fidelity/scripts runs on Debian's `jython` directly and on every
// engine through the runtime; the seed document and the fixture projects run through their scenarios on every
// engine. Traces must be identical unless test/fidelity/known-differences.md lists the case with its reason.
//
// `npm run fidelity` runs this file alone and rewrites docs/fidelity.md's figures; `FIDELITY_ONLY=family` narrows it.
import { strict as assert } from 'node:assert';
import { families, programCases, sourceCases } from './cases';
import { failureOf } from './compare';
import { referenceEngine, runtimeEngines } from './engines';
import { readKnownDifferences } from './known-differences';
import { renderFigures, reportFile, updateReport } from './report';
import { direct, runSuite, type SuiteResult } from './suite';

const known = readKnownDifferences();
const only = process.env.FIDELITY_ONLY;
const selected = (id: string) => !only || id === only || id.startsWith(`${only}/`);
const programs = programCases().filter((p) => selected(p.id));
const sources = sourceCases().filter((s) => selected(s.family));

describe('Fidelity: the same scripts give the same traces on every engine', function () {
  this.timeout(900_000);
  let result: SuiteResult;

  before(async () => {
    result = await runSuite(known, { only: selected });
  });

  it('covers every family with programs, and lists each known difference once, for a case that exists', () => {
    for (const family of families.filter((f) => !sourceCases().some((s) => s.family === f.name))) {
      assert.ok(programCases().some((p) => p.family === family.name), `family ${family.name} has no program in test/fidelity/scripts/${family.name}/`);
    }
    const seen = new Set<string>();
    for (const k of known) {
      const key = `${k.engine} ${k.caseId}`;
      assert.ok(!seen.has(key), `test/fidelity/known-differences.md:${k.line}: ${k.caseId} is listed twice for ${k.engine}`);
      seen.add(key);
      assert.ok(runtimeEngines.some((e) => e.name === k.engine), `test/fidelity/known-differences.md:${k.line}: no engine is named ${k.engine}`);
      const family = k.caseId.split('/')[0];
      assert.ok(
        programCases().some((p) => p.id === k.caseId) || sourceCases().some((s) => s.family === family),
        `test/fidelity/known-differences.md:${k.line}: no case ${k.caseId}`,
      );
    }
  });

  for (const engine of runtimeEngines) {
    for (const program of programs) {
      it(`${program.id} on ${engine.name}`, function () {
        const mine = result.comparisons.filter((c) => c.engine === engine.name && c.caseId === program.id);
        if (mine.length === 0) this.skip();
        const failures = mine.map(failureOf).filter((f) => f !== undefined);
        if (failures.length > 0) assert.fail(failures.join('\n'));
      });
    }
    // Session traces are checked against the reference engine's own, so the reference has none of its own to check.
    for (const source of engine.name === referenceEngine ? [] : sources) {
      it(`every script of ${source.family} on ${engine.name}`, function () {
        const mine = result.comparisons.filter((c) => c.engine === engine.name && c.family === source.family);
        if (mine.length === 0) this.skip();
        const failures = mine.map(failureOf).filter((f) => f !== undefined);
        if (failures.length > 0) assert.fail(failures.join('\n'));
      });
    }
  }

  it(`${reportFile} reports these figures`, function () {
    // The figures hold for the whole suite on a machine with every engine and the direct reference.
    if (only || result.directSkipped || result.engines.some((e) => e.skipped)) this.skip();
    const write = process.env.FIDELITY_WRITE === '1';
    const current = updateReport(renderFigures(result, known), write);
    assert.ok(current || write, `${reportFile} is stale: run \`npm run fidelity\` to rewrite its figures`);
  });

  after(function () {
    if (result && result.directSkipped) console.log(`      (programs not checked against ${direct}: ${result.directSkipped})`);
  });
});
