import { strict as assert } from 'node:assert';
import { join } from 'node:path';
import { findFixtures, loadFixtures } from '../../shared/gateway-config/load';
import { createGateway, DatabaseError, type Gateway } from '../../shared/gateway/gateway';
import { discoverProjects } from '../../shared/loaders/project';

for (const folder of ['project-81', 'project-83']) {
  describe(`the gateway of the ${folder} fixture project`, () => {
    const root = join(import.meta.dirname, '..', 'fixtures', folder);
    let gateway: Gateway;
    let start: number;
    before(async () => {
      const [project] = await discoverProjects(root);
      const { fixtures, problems } = await loadFixtures(findFixtures(root)!);
      assert.deepEqual(problems, []);
      assert.equal(fixtures.project.version, project.version);
      start = Date.parse(fixtures.clock!.start);
      gateway = await createGateway(fixtures, { baseDir: root, now: () => start, namedQueries: project.namedQueries });
    });
    after(() => gateway.close());

    it('runs the project\'s Query, Scalar and Update named queries against the fixtures\' rows', () => {
      assert.deepEqual(gateway.database.runNamedQuery('Orders/ByLine', { line: 'Filler' }).rows, [[1, 'Filler', 120, 0], [2, 'Filler', 80, 1]]);
      assert.equal(gateway.database.runNamedQuery('Orders/Count', { line: 'Capper' }).value, 1);
      const insert = gateway.database.runNamedQuery('Orders/Insert', { line: 'Capper', qty: 12, rush: true }, { getKey: true });
      assert.deepEqual(insert, { type: 'Update', rowsAffected: 1, key: 4 });
      assert.equal(gateway.database.runNamedQuery('Orders/Count', { line: 'Capper' }).value, 2);
    });

    it('binds a DateTime parameter and names the query file when a parameter has the wrong type', () => {
      const logged = gateway.database.runNamedQuery('Sessions/Log', { sessionID: 'abc', username: 'jsmith', started: new Date(start) });
      assert.equal(logged.rowsAffected, 1);
      assert.throws(() => gateway.database.runNamedQuery('Orders/Insert', { line: 'Capper', qty: 'twelve', rush: false }), (error: Error) =>
        error instanceof DatabaseError && error.message.includes(`${folder}/ignition/named-query/Orders/Insert/query.sql`) && /"qty" is declared Int4/.test(error.message));
    });

    it('serves the fixtures\' tags and alarms on the virtual clock', () => {
      const [speed] = gateway.tags.read(['[default]Filler/Speed']);
      assert.deepEqual([speed.value, speed.quality.name, speed.timestamp], [600, 'Good', start]);
      gateway.tags.write(['Filler/Speed'], [450], start + 1000);
      assert.equal(gateway.tags.read(['Filler/Speed'])[0].timestamp, start + 1000);
      assert.deepEqual(gateway.alarms.queryStatus({ state: ['ActiveUnacked'] }).map((a) => a.displayPath), ['Filler/Low speed']);
    });
  });
}
