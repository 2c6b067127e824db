import { strict as assert } from 'node:assert';
import { execFileSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defaultFixtures, type Fixtures } from '../../shared/gateway-config/fixtures';
import { createGateway, DatabaseError, GatewaySetupError, type Gateway } from '../../shared/gateway/gateway';

/** Debian installs the server binaries under /usr/lib/postgresql/<major>/bin, outside PATH. */
function postgresBin(): string | undefined {
  const root = '/usr/lib/postgresql';
  const majors = existsSync(root) ? readdirSync(root).sort((a, b) => Number(b) - Number(a)) : [];
  return majors.map((m) => join(root, m, 'bin')).find((bin) => existsSync(join(bin, 'initdb')));
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const port = (server.address() as { port: number }).port;
      server.close(() => resolve(port));
    });
  });
}

/** A throwaway cluster on a loopback port, run as the postgres user when the tests run as root (initdb refuses root). */
class Cluster {
  readonly dir = mkdtempSync(join(tmpdir(), 'periscope-pg-'));
  port = 0;
  constructor(private readonly bin: string) {}

  private run(tool: string, args: string[]): void {
    const command = join(this.bin, tool);
    if (process.getuid?.() === 0) execFileSync('runuser', ['-u', 'postgres', '--', command, ...args], { stdio: 'pipe' });
    else execFileSync(command, args, { stdio: 'pipe' });
  }

  async start(): Promise<string> {
    if (process.getuid?.() === 0) {
      const uid = Number(execFileSync('id', ['-u', 'postgres']).toString());
      const gid = Number(execFileSync('id', ['-g', 'postgres']).toString());
      chownSync(this.dir, uid, gid);
    }
    this.port = await freePort();
    const data = join(this.dir, 'data');
    this.run('initdb', ['-D', data, '-A', 'trust', '-U', 'periscope', '--no-sync']);
    this.run('pg_ctl', ['-D', data, '-l', join(this.dir, 'server.log'), '-w', '-o', `-p ${this.port} -k ${this.dir} -c listen_addresses=127.0.0.1 -c fsync=off`, 'start']);
    return `postgres://periscope:unused@127.0.0.1:${this.port}/postgres`;
  }

  stop(): void {
    try {
      this.run('pg_ctl', ['-D', join(this.dir, 'data'), '-m', 'fast', '-w', 'stop']);
    } finally {
      rmSync(this.dir, { recursive: true, force: true });
    }
  }
}

const bin = postgresBin();
const title = bin ? 'named queries on a real PostgreSQL server' : 'named queries on a real PostgreSQL server (skipped: postgresql server binaries are not installed; apt-get install postgresql)';

(bin ? describe : describe.skip)(title, function () {
  this.timeout(120_000);
  let cluster: Cluster;
  let gateway: Gateway;
  let url: string;

  const fixtures = (): Fixtures => ({
    ...defaultFixtures(),
    database: {
      schema: 'CREATE TABLE orders (id SERIAL PRIMARY KEY, line TEXT NOT NULL, qty INTEGER, total BIGINT, rush BOOLEAN, due TIMESTAMPTZ)',
      rows: { orders: [{ line: 'Line1', qty: 10, total: 100, rush: false, due: '2026-03-02T06:00:00Z' }] },
    },
    namedQueries: {
      'Orders/ByLine': { type: 'Query', sql: 'SELECT id, line, qty, total, rush FROM orders WHERE line = :line ORDER BY id', parameters: { line: 'String' } },
      'Orders/Insert': { type: 'Update', sql: 'INSERT INTO orders (line, qty, rush, due) VALUES (:line, :qty, :rush, :due)', parameters: { line: 'String', qty: 'Int4', rush: 'Boolean', due: 'DateTime' } },
      'Orders/DueText': { type: 'Scalar', sql: "SELECT to_char(due AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI') FROM orders WHERE line = :line AND line = :line", parameters: { line: 'String' } },
      'Orders/Count': { type: 'Scalar', sql: 'SELECT COUNT(*) FROM orders' },
      'Broken/Column': { type: 'Query', sql: 'SELECT nope FROM orders' },
      'Broken/InsertAsQuery': { type: 'Query', sql: "INSERT INTO orders (line) VALUES ('ghost')" },
      'Orders/Sorted': {
        type: 'Query',
        sql: "SELECT id, line FROM orders WHERE line = '{line}' AND qty >= :min ORDER BY {column}",
        parameters: { line: 'QueryString', column: 'QueryString', min: 'Int4' },
      },
    },
  });

  before(async () => {
    cluster = new Cluster(bin!);
    url = await cluster.start();
    gateway = await createGateway(fixtures(), { baseDir: '.', databaseUrl: url, now: () => 0 });
  });
  after(async () => {
    await gateway?.close();
    cluster?.stop();
  });

  it('creates the schema and rows from the fixtures and answers a Query with numbers for bigint', () => {
    assert.deepEqual(gateway.database.runNamedQuery('Orders/ByLine', { line: 'Line1' }), {
      type: 'Query', columns: ['id', 'line', 'qty', 'total', 'rush'], rows: [[1, 'Line1', 10, 100, false]],
    });
  });

  it('runs an Update with typed parameters and returns the generated key with getKey', () => {
    const result = gateway.database.runNamedQuery('Orders/Insert', { line: 'Line2', qty: 5, rush: 1, due: { $date: Date.UTC(2026, 2, 4, 7, 30) } }, { getKey: true });
    assert.deepEqual(result, { type: 'Update', rowsAffected: 1, key: 2 });
    assert.equal(gateway.database.runNamedQuery('Orders/DueText', { line: 'Line2' }).value, '2026-03-04 07:30');
  });

  it('splices QueryString parameters into the SQL text and binds the Value ones, quotes and all, as a gateway does', () => {
    const result = gateway.database.runNamedQuery('Orders/Sorted', { line: 'Line1', column: 'id DESC', min: 0 });
    assert.deepEqual(result.rows, [[1, 'Line1']]);
    assert.equal(result.sql, "SELECT id, line FROM orders WHERE line = 'Line1' AND qty >= :min ORDER BY id DESC");
    const injected = gateway.database.runNamedQuery('Orders/Sorted', { line: "nobody' OR line <> '", column: 'id', min: 0 });
    assert.ok(injected.rows!.length >= 1, 'the quote in the value changed the statement');
    assert.throws(
      () => gateway.database.runNamedQuery('Orders/Sorted', { line: "x'; DROP TABLE orders; --", column: 'id', min: 0 }),
      (error: Error) => error instanceof DatabaseError && error.sql !== undefined && error.sql.includes("'x'; DROP TABLE orders; --'"),
    );
    assert.ok(Number(gateway.database.runNamedQuery('Orders/Count', {}).value) >= 1, 'a statement with bound values runs alone: the table is still there');
  });

  it('turns a PostgreSQL error into a DatabaseError naming the query and the fix', () => {
    assert.throws(() => gateway.database.runNamedQuery('Broken/Column', {}), (error: Error) =>
      error instanceof DatabaseError && /Broken\/Column.*column "nope" does not exist.*correct the column name/.test(error.message));
  });

  it('rolls back a statement of the wrong kind instead of leaving its effect behind', () => {
    const before = gateway.database.runNamedQuery('Orders/Count', {}).value;
    assert.throws(() => gateway.database.runNamedQuery('Broken/InsertAsQuery', {}), /returns no rows; set the query type to Update/);
    assert.equal(gateway.database.runNamedQuery('Orders/Count', {}).value, before);
  });

  it('refuses to start when the server is not there, naming it without the password', async () => {
    const closedPort = await freePort();
    await assert.rejects(
      createGateway(defaultFixtures(), { baseDir: '.', databaseUrl: `postgres://periscope:hunter2@127.0.0.1:${closedPort}/postgres`, now: () => 0 }),
      (error: Error) => error instanceof GatewaySetupError && error.message.includes('periscope:***@127.0.0.1') && !error.message.includes('hunter2'),
    );
  });
});
