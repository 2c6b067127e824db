import { strict as assert } from 'node:assert';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { discoverProjects } from '../../shared/loaders/project';
import { writeTree } from '../support/write-tree';

const LIB = 'ignition/script-python';
const NQ = 'ignition/named-query';
const resource = '{"scope": "G", "version": 1, "files": ["code.py"], "attributes": {}}';
const query = (type: string) => `{"scope": "DG", "version": 2, "files": ["query.sql"], "attributes": {"type": "${type}", "parameters": []}}`;

describe('finding projects on disk', () => {
  let dir: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'periscope-gateway-'));
    const projects = join(dir, 'data', 'projects');
    writeTree(join(projects, 'global'), {
      'project.json': '{"title": "Global", "parent": "", "inheritable": true}',
      [`${LIB}/shared/util/code.py`]: 'def greet(name):\n\treturn "hello " + name\n',
      [`${LIB}/shared/util/resource.json`]: resource,
      [`${LIB}/shared/db/code.py`]: 'DEFAULT_LINE = "Filler"\n',
      [`${LIB}/shared/db/resource.json`]: resource,
      [`${NQ}/Common/Now/query.sql`]: 'SELECT CURRENT_TIMESTAMP',
      [`${NQ}/Common/Now/resource.json`]: query('Scalar'),
    });
    writeTree(join(projects, 'Plant'), {
      'project.json': '{"title": "Plant", "parent": "global"}',
      [`${LIB}/shared/db/code.py`]: 'DEFAULT_LINE = "Capper"\n',
      [`${LIB}/shared/db/resource.json`]: resource,
      [`${NQ}/Orders/All/query.sql`]: 'SELECT * FROM orders',
      [`${NQ}/Orders/All/resource.json`]: query('Query'),
      'com.inductiveautomation.perspective/session-scripts/data.bin': '{"onStartup": "\\tshared.util.greet(\\"x\\")"}',
    });
    writeTree(join(projects, 'Loop'), { 'project.json': '{"parent": "Loop"}' });
    writeTree(join(projects, 'Orphan'), { 'project.json': '{"parent": "Missing"}' });
    writeTree(join(dir, 'notes'), { 'readme.md': '# not a project' });
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('loads every project of a gateway data/projects folder, or of the data folder above it', async () => {
    assert.deepEqual((await discoverProjects(join(dir, 'data', 'projects'))).map((p) => p.name), ['Loop', 'Orphan', 'Plant', 'global']);
    assert.deepEqual((await discoverProjects(join(dir, 'data'))).map((p) => p.name), ['Loop', 'Orphan', 'Plant', 'global']);
  });

  it('inherits library scripts and named queries from the parent, the child\'s own winning', async () => {
    const [plant] = await discoverProjects(join(dir, 'data', 'projects', 'Plant'));
    assert.equal(plant.parent, 'global');
    assert.deepEqual(Object.keys(plant.library).sort(), ['shared.db', 'shared.util']);
    assert.equal(plant.library['shared.db'].text, 'DEFAULT_LINE = "Capper"\n');
    assert.match(plant.library['shared.util'].origin.file, /global\/ignition\/script-python\/shared\/util\/code\.py$/);
    assert.deepEqual(Object.keys(plant.namedQueries).sort(), ['Common/Now', 'Orders/All']);
    assert.deepEqual(plant.scripts.map((s) => s.role.kind), ['session-event', 'library'], 'inherited scripts stay the parent\'s own');
  });

  it('reports an inheritance loop and a parent that is not in the export, once each, as missing-parent-project', async () => {
    const projects = await discoverProjects(join(dir, 'data', 'projects'));
    const loop = projects.find((p) => p.name === 'Loop')!;
    const orphan = projects.find((p) => p.name === 'Orphan')!;
    assert.match(loop.problems[0].message, /project inheritance loops \(Loop → Loop\)/);
    assert.match(orphan.problems[0].message, /the parent project "Missing" is not in the export/);
    assert.match(orphan.problems[0].file, /Orphan\/project\.json$/);
    assert.deepEqual([loop, orphan].map((p) => p.problems.map((x) => `${x.rule} ${x.position.line}:${x.position.column}`)), [['missing-parent-project 1:12'], ['missing-parent-project 1:12']]);
    assert.equal(orphan.missingParent, 'Missing');
    assert.equal(loop.missingParent, undefined);
  });

  it('finds nothing in a folder that holds no project', async () => {
    assert.deepEqual(await discoverProjects(join(dir, 'notes')), []);
    assert.deepEqual(await discoverProjects(join(dir, 'no-such-folder')), []);
  });
});
