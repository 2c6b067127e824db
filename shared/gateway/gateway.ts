// The simulated gateway a session talks to: a database for named queries, a tag provider, alarms and users.
//
// Everything a script reaches is synchronous, because Python waits on each host call; only creating and
// closing the gateway are asynchronous.
import { existsSync, readFileSync } from 'node:fs';
import { isAbsolute, resolve } from 'node:path';
import type { Fixtures, UserFixture } from '../gateway-config/fixtures';
import { FixtureAlarmStore, type AlarmStore } from './alarms';
import { NamedQueryDatabase, type GatewayDatabase, type NamedQueryDefinition } from './named-queries';
import { PostgresBackend, redact } from './postgres-backend';
import type { SqlBackend } from './sql-backend';
import { SqliteBackend } from './sqlite-backend';
import { FixtureTagProvider, type TagProvider } from './tags';

export { DatabaseError } from './database-error';
export type { QualityCode } from './quality';
export { Quality } from './quality';
export type { QualifiedValue, TagProvider } from './tags';
export type { NamedQueryResult, GatewayDatabase, NamedQueryDefinition } from './named-queries';
export type { AlarmEvent, AlarmQuery, AlarmStore } from './alarms';

export interface Gateway {
  database: GatewayDatabase;
  tags: TagProvider;
  alarms: AlarmStore;
  users: UserFixture[];
  close(): Promise<void>;
}

export interface GatewayOptions {
  /** Folder that relative database files and schema files are resolved against (the fixtures' folder). */
  baseDir: string;
  /** Overrides `database.url` of the fixtures (the `--database` option). */
  databaseUrl?: string;
  /** The session's virtual clock, epoch ms. */
  now: () => number;
  /** Named queries of a project (`ignition/named-query`), merged under the fixtures' own. */
  namedQueries?: Record<string, NamedQueryDefinition>;
}

/** Thrown when the gateway cannot be set up from the fixtures; the message says which part and what to do. */
export class GatewaySetupError extends Error {
  override name = 'GatewaySetupError';
}

export async function createGateway(fixtures: Fixtures, options: GatewayOptions): Promise<Gateway> {
  const url = options.databaseUrl ?? fixtures.database?.url ?? 'sqlite::memory:';
  const backend = openBackend(url, options.baseDir);
  try {
    prepareDatabase(backend, fixtures, options.baseDir, url);
  } catch (error) {
    await backend.close();
    throw error;
  }
  const now = options.now();
  return {
    database: new NamedQueryDatabase({ ...options.namedQueries, ...fixtures.namedQueries }, backend),
    tags: new FixtureTagProvider(fixtures.tags, options.now),
    alarms: new FixtureAlarmStore(fixtures.alarms, now),
    users: fixtures.users,
    close: () => backend.close(),
  };
}

function openBackend(url: string, baseDir: string): SqlBackend {
  if (/^postgres(ql)?:\/\//.test(url)) {
    try {
      return PostgresBackend.connect(url);
    } catch (error) {
      throw new GatewaySetupError((error as Error).message);
    }
  }
  const m = /^sqlite:(.*)$/.exec(url);
  if (!m) throw new GatewaySetupError(`the database URL "${redact(url)}" is not understood; use "sqlite::memory:", "sqlite:file.db" or "postgres://user:password@host:5432/db"`);
  const target = m[1] === '' || m[1] === ':memory:' ? ':memory:' : isAbsolute(m[1]) ? m[1] : resolve(baseDir, m[1]);
  try {
    return new SqliteBackend(target);
  } catch (error) {
    throw new GatewaySetupError(`cannot open the SQLite database ${target} (${(error as Error).message}); check that its folder exists and is writable`);
  }
}

/** Schema statements, then rows, from the fixtures. */
function prepareDatabase(backend: SqlBackend, fixtures: Fixtures, baseDir: string, url: string): void {
  const schema = fixtures.database?.schema;
  const statements = schema === undefined ? [] : Array.isArray(schema) ? schema : [schema];
  for (const statement of statements) {
    const sql = /^[^\s;]+\.sql$/i.test(statement.trim()) ? readSchemaFile(resolve(baseDir, statement.trim())) : statement;
    try {
      backend.exec(sql);
    } catch (error) {
      throw new GatewaySetupError(`the fixtures' database.schema fails on ${redact(url)}: ${(error as Error).message}; correct the schema in periscope.json`);
    }
  }
  for (const [table, rows] of Object.entries(fixtures.database?.rows ?? {})) {
    try {
      backend.insert(table, rows);
    } catch (error) {
      throw new GatewaySetupError(`the fixtures' rows for table "${table}" cannot be inserted: ${(error as Error).message}; make them match the table in database.schema`);
    }
  }
}

function readSchemaFile(file: string): string {
  if (!existsSync(file)) throw new GatewaySetupError(`the schema file ${file} named in periscope.json does not exist`);
  return readFileSync(file, 'utf8');
}
