import { strict as assert } from 'node:assert';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defaultFixtures } from '../../shared/gateway-config/fixtures';
import { findFixtures, loadFixtures } from '../../shared/gateway-config/load';
import { createGateway } from '../../shared/gateway/gateway';

const folder = join(import.meta.dirname, '..', 'fixtures', 'gateway');

describe('the fixtures file periscope.json', () => {
  it('is found beside a document or in a project folder', () => {
    assert.equal(findFixtures(folder), join(folder, 'periscope.json'));
    assert.equal(findFixtures(join(folder, 'schema.sql')), join(folder, 'periscope.json'));
    assert.equal(findFixtures(join(import.meta.dirname)), undefined);
  });

  it('loads project, clock, users, database, named queries, tags, alarms, pages and keeps the linter\'s section', async () => {
    const { fixtures, problems } = await loadFixtures(join(folder, 'periscope.json'));
    assert.deepEqual(problems, []);
    assert.deepEqual(fixtures.project, { name: 'Bottling', version: '8.3' });
    assert.equal(fixtures.clock?.start, '2026-03-02T06:00:00Z');
    assert.deepEqual(fixtures.users[0].roles, ['Operator', 'Maintenance']);
    assert.deepEqual(fixtures.namedQueries['Batches/Open'].parameters, { done: 'Boolean' });
    assert.deepEqual(fixtures.pages, { '/': { title: 'Overview', viewPath: 'Overview' } });
    assert.deepEqual(fixtures.lint, { rules: { PS001: 'off' } });
  });

  it('drives a gateway: schema file, rows, named query, exported tags and alarms', async () => {
    const { fixtures } = await loadFixtures(join(folder, 'periscope.json'));
    const gateway = await createGateway(fixtures, { baseDir: folder, now: () => Date.parse(fixtures.clock!.start) });
    try {
      assert.deepEqual(gateway.database.runNamedQuery('Batches/Open', { done: false }).rows, [[1, 'Filler', 'Cola 330ml']]);
      assert.deepEqual(gateway.tags.read(['[default]Filler/Speed']).map((q) => q.value), [600]);
      assert.deepEqual(gateway.alarms.queryStatus({ priority: ['Medium'] }).map((a) => a.displayPath), ['Filler/Low speed']);
      assert.equal(gateway.users[0].username, 'jsmith');
    } finally {
      await gateway.close();
    }
  });

  it('reports each unknown key, wrong type and bad value at its line, and rejects __proto__', async () => {
    const { fixtures, problems } = await loadFixtures(join(folder, 'invalid.json'));
    const found = problems.map((p) => `${p.position.line}: ${p.message}`);
    const expect = (line: number, pattern: RegExp) => assert.ok(found.some((f) => f.startsWith(`${line}: `) && pattern.test(f)), `line ${line} ${pattern} in\n${found.join('\n')}`);
    expect(2, /project\.version must be "8\.1" or "8\.3", not "9\.0"/);
    expect(3, /users must be an array, not an object/);
    expect(4, /database\.url "mysql:\/\/localhost\/plant" is neither/);
    expect(6, /query type "Select" is not one of Query, Update, Scalar/);
    expect(7, /parameter type "Integer" is not one of/);
    expect(9, /alarm priority must be one of/);
    expect(10, /the key "__proto__" is not allowed/);
    expect(11, /unknown key "tagz"/);
    assert.ok(problems.every((p) => p.file.endsWith('invalid.json')));
    assert.equal(({} as Record<string, unknown>).polluted, undefined);
    assert.deepEqual(fixtures.users, defaultFixtures().users);
  });

  it('reports JSON syntax errors and keys such as toString at their line, and a missing file, instead of throwing', async () => {
    const missing = await loadFixtures(join(folder, 'nope.json'));
    assert.match(missing.problems[0].message, /cannot read the fixtures file \(ENOENT\)/);
    const dir = mkdtempSync(join(tmpdir(), 'periscope-fixtures-'));
    try {
      writeFileSync(join(dir, 'periscope.json'), '{\n  "project": {"name": "A"},\n  "users": [,]\n}\n');
      const broken = await loadFixtures(join(dir, 'periscope.json'));
      assert.equal(broken.problems[0].position.line, 3);
      assert.match(broken.problems[0].message, /is not valid JSON here \(value expected\)/);
      assert.equal(broken.fixtures.project.name, 'A');
      writeFileSync(join(dir, 'periscope.json'), '{"project": {"toString": "x"},\n "alarms": [{"source": "a", "name": "b", "hasOwnProperty": 1}]}');
      const inherited = await loadFixtures(join(dir, 'periscope.json'));
      assert.deepEqual(inherited.problems.map((p) => `${p.position.line}: ${p.message.split(';')[0]}`), ['1: unknown key "toString" in project', '2: unknown key "hasOwnProperty" in an alarm']);
      assert.equal(inherited.fixtures.alarms.length, 1);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('gives three default users when the file names none', () => {
    assert.deepEqual(defaultFixtures().users.map((u) => [u.username, u.roles]), [
      ['admin', ['Administrator']], ['engineer', ['Engineer']], ['operator', ['Operator']],
    ]);
  });
});
