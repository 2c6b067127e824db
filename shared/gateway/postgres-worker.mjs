// Worker thread holding the PostgreSQL client; the gateway thread waits on each answer (see postgres-backend.ts).
import { workerData } from 'node:worker_threads';
import pg from 'pg';

const { port, signal, url } = workerData;
const flag = new Int32Array(signal);
// Ignition hands scripts numbers for bigint and numeric columns, not strings.
pg.types.setTypeParser(20, Number);
pg.types.setTypeParser(1700, Number);
const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 10_000 });

port.on('message', async (request) => {
  let reply;
  try {
    reply = { ok: true, result: await handle(request) };
  } catch (error) {
    reply = { ok: false, message: error instanceof Error ? error.message : String(error), code: error?.code };
  }
  port.postMessage(reply);
  Atomics.store(flag, 0, 1);
  Atomics.notify(flag, 0);
});

async function handle(request) {
  switch (request.op) {
    case 'connect':
      await client.connect();
      return null;
    case 'exec':
      await client.query(request.sql);
      return null;
    case 'execute':
      return execute(request);
    case 'close':
      await client.end();
      return null;
    default:
      throw new Error(`unknown request ${request.op}`);
  }
}

/** A statement of the wrong kind (rows where none were expected, or the reverse) is rolled back, then reported. */
async function execute({ sql, values, mode, getKey }) {
  let text = sql;
  // JDBC's generated keys on PostgreSQL come from RETURNING; Ignition takes the first column.
  if (mode === 'write' && getKey && /^\s*insert\b/i.test(text) && !/\breturning\b/i.test(text)) text = `${text.replace(/;\s*$/, '')} RETURNING *`;
  await client.query('BEGIN');
  try {
    const result = await client.query({ text, values, rowMode: 'array' });
    const returnsRows = result.fields.length > 0;
    if (returnsRows !== (mode === 'read') && !(mode === 'write' && getKey)) {
      await client.query('ROLLBACK');
      return { mismatch: true, returnsRows };
    }
    await client.query('COMMIT');
    return {
      columns: result.fields.map((f) => f.name),
      rows: mode === 'read' ? result.rows : [],
      rowsAffected: mode === 'read' ? -1 : result.rowCount ?? 0,
      key: mode === 'write' && getKey ? (result.rows[0]?.[0] ?? null) : null,
    };
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  }
}
