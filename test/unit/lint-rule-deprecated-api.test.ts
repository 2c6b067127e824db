import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { lintText, type LintOptions } from '../../shared/lint/linter';

const RULE = 'deprecated-api';

async function lint(name: string, options: LintOptions = {}) {
  const file = `test/fixtures/lint/${RULE}/${name}`;
  return lintText(file, readFileSync(file, 'utf8'), options);
}

describe('deprecated-api', () => {
  it('reports the legacy tag functions with their blocking replacements', async () => {
    const found = (await lint('bad.py', { target: '8.1' })).filter((d) => d.rule === RULE);
    assert.deepEqual(
      found.map((d) => [d.line, d.column, d.endColumn, d.severity]),
      [
        [2, 13, 28, 'warning'],
        [3, 14, 32, 'warning'],
        [4, 5, 21, 'warning'],
        [5, 5, 24, 'warning'],
      ],
    );
    assert.match(found[0].message, /system\.tag\.read is deprecated in Ignition 8\.1 and later; use system\.tag\.readBlocking/);
    assert.match(found[3].message, /system\.tag\.writeAll .*system\.tag\.writeBlocking/);
  });

  it('reports runNamedQuery only when the target is 8.3, pointing to execQuery and execUpdate', async () => {
    const on83 = (await lint('bad.py', { target: '8.3' })).filter((d) => d.rule === RULE && d.line === 6);
    assert.equal(on83.length, 1);
    assert.equal(on83[0].column, 13);
    assert.match(on83[0].message, /runNamedQuery is deprecated in Ignition 8\.3.*execQuery.*execUpdate/);
    const on81 = (await lint('bad.py', { target: '8.1' })).filter((d) => d.rule === RULE && d.line === 6);
    assert.deepEqual(on81, []);
  });

  it('offers, for the editor only, the rewrite of a legacy tag call into its blocking list form', async () => {
    const text = readFileSync(`test/fixtures/lint/${RULE}/bad.py`, 'utf8');
    const found = (await lint('bad.py')).filter((d) => d.rule === RULE);
    const applied = found.slice(0, 4).map((d) => {
      assert.ok(d.fix && !d.fix.safe);
      const [edit] = d.fix.edits;
      return text.slice(0, edit.start) + edit.text + text.slice(edit.end);
    });
    assert.match(applied[0], /speed = system\.tag\.readBlocking\(\["\[default\]Line\/Speed"\]\)\[0\]\.value/);
    assert.match(applied[1], /values = system\.tag\.readBlocking\(\["\[default\]A", "\[default\]B"\]\)/);
    assert.match(applied[2], /system\.tag\.writeBlocking\(\["\[default\]Line\/Target"\], \[speed \+ 1\]\)/);
    assert.match(applied[3], /system\.tag\.writeBlocking\(\["\[default\]A"\], \[1\]\)/);
    assert.equal(found[4].fix, undefined);
  });

  it('says nothing about the current tag and query functions', async () => {
    assert.deepEqual(await lint('good.py'), []);
  });
});
