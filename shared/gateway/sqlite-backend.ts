// SQLite through better-sqlite3: in memory by default, or a file beside the fixtures.
import Database from 'better-sqlite3';
import { fixtureValue, quoteIdentifier, StatementKindError, type SqlBackend, type SqlResult } from './sql-backend';

export class SqliteBackend implements SqlBackend {
  readonly dialect = 'sqlite' as const;
  readonly placeholders = 'question' as const;
  private readonly db: Database.Database;
  private readonly statements = new Map<string, Database.Statement>();

  /** `filename` is `:memory:` or a path. */
  constructor(filename: string) {
    this.db = new Database(filename);
  }

  execute(sql: string, values: unknown[], mode: 'read' | 'write', getKey: boolean): SqlResult {
    const statement = this.prepare(sql);
    if (statement.reader !== (mode === 'read')) throw new StatementKindError(statement.reader);
    if (statement.reader) {
      const columns = statement.columns().map((c) => c.name);
      const rows = statement.raw(true).all(...values) as unknown[][];
      return { columns, rows, rowsAffected: -1, key: null };
    }
    const info = statement.run(...values);
    return { columns: [], rows: [], rowsAffected: info.changes, key: getKey ? Number(info.lastInsertRowid) : null };
  }

  exec(sql: string): void {
    this.db.exec(sql);
  }

  insert(table: string, rows: Array<Record<string, unknown>>): void {
    const insertAll = this.db.transaction(() => {
      for (const row of rows) {
        const columns = Object.keys(row);
        const sql = `INSERT INTO ${quoteIdentifier(table)} (${columns.map(quoteIdentifier).join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`;
        this.prepare(sql).run(...columns.map((c) => fixtureValue(row[c], 'sqlite')));
      }
    });
    insertAll();
  }

  async close(): Promise<void> {
    this.statements.clear();
    this.db.close();
  }

  private prepare(sql: string): Database.Statement {
    let statement = this.statements.get(sql);
    if (!statement) {
      statement = this.db.prepare(sql);
      this.statements.set(sql, statement);
    }
    return statement;
  }
}
