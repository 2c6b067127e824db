import { strict as assert } from 'node:assert';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defaultFixtures, type Fixtures } from '../../shared/gateway-config/fixtures';
import { createGateway, DatabaseError, GatewaySetupError, type Gateway } from '../../shared/gateway/gateway';

function plantFixtures(): Fixtures {
  return {
    ...defaultFixtures(),
    database: {
      schema: [
        'CREATE TABLE orders (id INTEGER PRIMARY KEY AUTOINCREMENT, line TEXT NOT NULL, qty INTEGER, rush INTEGER, due TEXT)',
        'CREATE TABLE sessions (sessionID TEXT, username TEXT)',
      ],
      rows: {
        orders: [
          { line: 'Line1', qty: 10, rush: false, due: '2026-03-02T06:00:00.000Z' },
          { line: 'Line2', qty: 25, rush: true, due: '2026-03-03T06:00:00.000Z' },
        ],
      },
    },
    namedQueries: {
      'Orders/ByLine': { type: 'Query', sql: 'SELECT id, line, qty FROM orders WHERE line = :line ORDER BY id', parameters: { line: 'String' } },
      'Orders/Insert': { type: 'Update', sql: 'INSERT INTO orders (line, qty, rush, due) VALUES (:line, :qty, :rush, :due)', parameters: { line: 'String', qty: 'Int4', rush: 'Boolean', due: 'DateTime' } },
      'Orders/Count': { type: 'Scalar', sql: 'SELECT COUNT(*) FROM orders WHERE qty >= :min', parameters: { min: 'Int4' } },
      'Orders/DueBefore': { type: 'Query', sql: 'SELECT line FROM orders WHERE due < :before', parameters: { before: 'DateTime' } },
      'Sessions/Log': { type: 'Update', sql: 'INSERT INTO sessions VALUES (:sessionID, :username)', parameters: { sessionID: 'String', username: 'String' } },
      'Broken/NoTable': { type: 'Query', sql: 'SELECT * FROM shipments' },
      'Broken/SelectAsUpdate': { type: 'Update', sql: 'SELECT 1' },
      'Untyped/Quoted': { type: 'Query', sql: "SELECT ':notParam' AS text, :value AS value" },
      'Orders/Sorted': {
        type: 'Query',
        sql: "SELECT id, line, qty FROM {table} WHERE line = '{line}' AND qty >= :min ORDER BY {column}",
        parameters: { table: 'QueryString', line: 'QueryString', column: 'QueryString', min: 'Int4' },
      },
    },
  };
}

describe('named queries on the embedded SQLite database', () => {
  let gateway: Gateway;
  beforeEach(async () => {
    gateway = await createGateway(plantFixtures(), { baseDir: process.cwd(), now: () => 0 });
  });
  afterEach(() => gateway.close());

  it('returns the columns and rows of a Query, with the fixtures\' rows loaded', () => {
    const result = gateway.database.runNamedQuery('Orders/ByLine', { line: 'Line2' });
    assert.deepEqual(result, { type: 'Query', columns: ['id', 'line', 'qty'], rows: [[2, 'Line2', 25]] });
  });

  it('returns rows affected for an Update, and the generated key when getKey is asked', () => {
    const params = { line: 'Line3', qty: '7', rush: true, due: Date.UTC(2026, 2, 4) };
    assert.deepEqual(gateway.database.runNamedQuery('Orders/Insert', params), { type: 'Update', rowsAffected: 1 });
    assert.deepEqual(gateway.database.runNamedQuery('Orders/Insert', params, { getKey: true }), { type: 'Update', rowsAffected: 1, key: 4 });
    assert.deepEqual(gateway.database.runNamedQuery('Orders/ByLine', { line: 'Line3' }).rows, [[3, 'Line3', 7], [4, 'Line3', 7]]);
  });

  it('returns the first column of the first row for a Scalar', () => {
    assert.deepEqual(gateway.database.runNamedQuery('Orders/Count', { min: 20 }), { type: 'Scalar', value: 1 });
  });

  it('binds a DateTime from epoch ms, a Date or a tagged {"$date": ms} alike', () => {
    for (const before of [Date.UTC(2026, 2, 3), new Date(Date.UTC(2026, 2, 3)), { $date: Date.UTC(2026, 2, 3) }]) {
      assert.deepEqual(gateway.database.runNamedQuery('Orders/DueBefore', { before }).rows, [['Line1']]);
    }
  });

  it('binds values instead of splicing them into the SQL', () => {
    const result = gateway.database.runNamedQuery('Orders/ByLine', { line: "Line1' OR '1'='1" });
    assert.deepEqual(result.rows, []);
    assert.deepEqual(gateway.database.runNamedQuery('Untyped/Quoted', { value: 5 }).rows, [[':notParam', 5]]);
  });

  it('splices QueryString parameters into the SQL text as the gateway does, binds the Value ones, and says what it sent', () => {
    const result = gateway.database.runNamedQuery('Orders/Sorted', { table: 'orders', line: 'Line2', column: 'qty DESC', min: 0 });
    assert.deepEqual(result.rows, [[2, 'Line2', 25]]);
    assert.equal(result.sql, "SELECT id, line, qty FROM orders WHERE line = 'Line2' AND qty >= :min ORDER BY qty DESC");
    // A quote in the value is SQL: this one turns the filter into one every row passes, as it would on a gateway.
    const injected = gateway.database.runNamedQuery('Orders/Sorted', { table: 'orders', line: "x' OR '1'='1", column: 'id', min: 0 });
    assert.deepEqual(injected.rows!.map((r) => r[0]), [1, 2]);
  });

  it('sends a QueryString value with quotes and semicolons as the gateway would, and names the spliced SQL when it fails', () => {
    assert.throws(
      () => gateway.database.runNamedQuery('Orders/Sorted', { table: 'orders', line: "x'; DELETE FROM orders; --", column: 'id', min: 0 }),
      (error: Error) => error instanceof DatabaseError && error.sql === "SELECT id, line, qty FROM orders WHERE line = 'x'; DELETE FROM orders; --' AND qty >= :min ORDER BY id" && /the SQL as spliced/.test(error.message),
    );
    assert.equal(gateway.database.runNamedQuery('Orders/Count', { min: 0 }).value, 2, 'SQLite runs one statement: nothing was deleted');
    // A QueryString the script does not pass stays in the SQL as written, as on a gateway.
    assert.throws(() => gateway.database.runNamedQuery('Orders/Sorted', { line: 'Line1', column: 'id', min: 0 }), /\{table\}|syntax error|no such table/);
  });

  it('names both spellings when a parameter differs only in case', () => {
    assert.throws(
      () => gateway.database.runNamedQuery('Sessions/Log', { SessionID: 'abc', username: 'ops' }),
      (error: Error) => error instanceof DatabaseError && /"sessionID" is missing; the script passed "SessionID"/.test(error.message) && /case-sensitive/.test(error.message),
    );
  });

  it('refuses a value of the wrong type, naming the parameter and its declared type', () => {
    assert.throws(
      () => gateway.database.runNamedQuery('Orders/Count', { min: 'lots' }),
      /named query "Orders\/Count": parameter "min" is declared Int4 but the script passed the string "lots"/,
    );
    assert.throws(() => gateway.database.runNamedQuery('Orders/Insert', { line: 'L', qty: 1, rush: 'maybe', due: 0 }), /"rush" is declared Boolean/);
  });

  it('turns SQL errors into a DatabaseError naming the query, the SQL message and the fix', () => {
    assert.throws(
      () => gateway.database.runNamedQuery('Broken/NoTable', {}),
      (error: Error) => error instanceof DatabaseError && /Broken\/NoTable.*no such table: shipments.*database\.schema/.test(error.message),
    );
    assert.throws(() => gateway.database.runNamedQuery('Broken/SelectAsUpdate', {}), /Update query but its SQL returns rows; set the query type to Query/);
  });

  it('says which named query is unknown and suggests one that differs only in case', () => {
    assert.equal(gateway.database.hasNamedQuery('/Orders/ByLine'), true);
    assert.equal(gateway.database.hasNamedQuery('orders/byline'), false);
    assert.throws(() => gateway.database.runNamedQuery('orders/byline', { line: 'x' }), /did you mean "Orders\/ByLine"\?/);
  });
});

describe('creating the gateway database', () => {
  it('keeps a SQLite file beside the fixtures between gateways', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'periscope-db-'));
    try {
      const fixtures: Fixtures = {
        ...defaultFixtures(),
        database: { url: 'sqlite:plant.db', schema: 'CREATE TABLE IF NOT EXISTS notes (text TEXT)' },
        namedQueries: {
          add: { type: 'Update', sql: 'INSERT INTO notes VALUES (:text)' },
          count: { type: 'Scalar', sql: 'SELECT COUNT(*) FROM notes' },
        },
      };
      const first = await createGateway(fixtures, { baseDir: dir, now: () => 0 });
      first.database.runNamedQuery('add', { text: 'hello' });
      await first.close();
      const second = await createGateway(fixtures, { baseDir: dir, now: () => 0 });
      assert.equal(second.database.runNamedQuery('count', {}).value, 1);
      await second.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('rejects a schema that does not run, naming the fixtures key', async () => {
    const fixtures: Fixtures = { ...defaultFixtures(), database: { schema: 'CREATE TABLEX oops' } };
    await assert.rejects(createGateway(fixtures, { baseDir: '.', now: () => 0 }), (error: Error) => error instanceof GatewaySetupError && /database\.schema/.test(error.message));
  });

  it('rejects rows for a table the schema does not create', async () => {
    const fixtures: Fixtures = { ...defaultFixtures(), database: { rows: { ghosts: [{ name: 'x' }] } } };
    await assert.rejects(createGateway(fixtures, { baseDir: '.', now: () => 0 }), /rows for table "ghosts" cannot be inserted: no such table/);
  });

  it('merges a project\'s named queries under the fixtures\' own', async () => {
    const gateway = await createGateway(
      { ...defaultFixtures(), namedQueries: { one: { type: 'Scalar', sql: 'SELECT 1' } } },
      { baseDir: '.', now: () => 0, namedQueries: { one: { type: 'Scalar', sql: 'SELECT 2' }, two: { type: 'Scalar', sql: 'SELECT 2', file: 'two/query.sql' } } },
    );
    assert.equal(gateway.database.runNamedQuery('one', {}).value, 1);
    assert.equal(gateway.database.runNamedQuery('two', {}).value, 2);
    await gateway.close();
  });
});
