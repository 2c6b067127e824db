// PostgreSQL for named queries, called synchronously: the `pg` client runs in a worker and this thread waits.
//
// Python waits on host calls, so a query must return before the script continues. The worker answers on a
// MessagePort and flips a shared flag; this thread sleeps on the flag with Atomics.wait, then takes the reply
// with receiveMessageOnPort, without ever returning to the event loop.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { MessageChannel, receiveMessageOnPort, Worker, type MessagePort } from 'node:worker_threads';
import { fixtureValue, quoteIdentifier, StatementKindError, type SqlBackend, type SqlResult } from './sql-backend';

type Reply = { ok: true; result: unknown } | { ok: false; message: string; code?: string };
type ExecuteReply = { mismatch: true; returnsRows: boolean } | (SqlResult & { mismatch?: undefined });

const CALL_TIMEOUT_MS = 30_000;

/** The worker script sits beside this file in the sources, and under shared/gateway/ beside a bundle in dist/. */
function workerFile(): URL {
  const candidates = [new URL('./postgres-worker.mjs', import.meta.url), new URL('../shared/gateway/postgres-worker.mjs', import.meta.url)];
  const found = candidates.find((url) => existsSync(fileURLToPath(url)));
  // Without this check a missing worker would only show as a timeout, since this thread never sees its error event.
  if (!found) throw new Error(`the PostgreSQL worker script is missing (looked for ${candidates.map((u) => fileURLToPath(u)).join(' and ')}); reinstall Periscope`);
  return found;
}

export class PostgresBackend implements SqlBackend {
  readonly dialect = 'postgres' as const;
  readonly placeholders = 'dollar' as const;
  private readonly worker: Worker;
  private readonly port: MessagePort;
  private readonly flag: Int32Array;
  private closed = false;

  private constructor(private readonly url: string) {
    const { port1, port2 } = new MessageChannel();
    const signal = new SharedArrayBuffer(4);
    this.flag = new Int32Array(signal);
    this.port = port1;
    this.worker = new Worker(workerFile(), { workerData: { port: port2, signal, url }, transferList: [port2] });
    this.worker.unref();
    this.port.unref();
  }

  /** Connects, or throws an Error naming the server (password hidden) and what to check. */
  static connect(url: string): PostgresBackend {
    const backend = new PostgresBackend(url);
    try {
      backend.call({ op: 'connect' });
    } catch (error) {
      void backend.worker.terminate();
      throw new Error(`cannot connect to ${redact(url)} (${(error as Error).message}); start the server or correct the database URL`);
    }
    return backend;
  }

  execute(sql: string, values: unknown[], mode: 'read' | 'write', getKey: boolean): SqlResult {
    const reply = this.call({ op: 'execute', sql, values, mode, getKey }) as ExecuteReply;
    if (reply.mismatch) throw new StatementKindError(reply.returnsRows);
    return reply;
  }

  exec(sql: string): void {
    this.call({ op: 'exec', sql });
  }

  insert(table: string, rows: Array<Record<string, unknown>>): void {
    for (const row of rows) {
      const columns = Object.keys(row);
      const sql = `INSERT INTO ${quoteIdentifier(table)} (${columns.map(quoteIdentifier).join(', ')}) VALUES (${columns.map((_, i) => `$${i + 1}`).join(', ')})`;
      this.execute(sql, columns.map((c) => fixtureValue(row[c], 'postgres')), 'write', false);
    }
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    try {
      this.call({ op: 'close' });
    } finally {
      this.port.close();
      await this.worker.terminate();
    }
  }

  private call(request: Record<string, unknown>): unknown {
    if (this.closed && request.op !== 'close') throw new Error(`the connection to ${redact(this.url)} is closed`);
    Atomics.store(this.flag, 0, 0);
    this.port.postMessage(request);
    const waited = Atomics.wait(this.flag, 0, 0, CALL_TIMEOUT_MS);
    const message = receiveMessageOnPort(this.port);
    if (!message) {
      throw new Error(waited === 'timed-out' ? `PostgreSQL did not answer within ${CALL_TIMEOUT_MS / 1000} s` : 'the PostgreSQL worker stopped');
    }
    const reply = message.message as Reply;
    if (!reply.ok) throw new Error(reply.message);
    return reply.result;
  }
}

/** The URL with its password replaced, for messages. */
export function redact(url: string): string {
  return url.replace(/(\/\/[^:/@]+:)[^@]*@/, '$1***@');
}
