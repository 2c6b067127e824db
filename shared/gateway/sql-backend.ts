// What a database must offer named queries: run SQL with positional values, synchronously.
import type { Dialect } from './parameters';

export interface SqlResult {
  columns: string[];
  rows: unknown[][];
  rowsAffected: number;
  /** Generated key of an insert, when asked for. */
  key: number | null;
}

export interface SqlBackend {
  readonly dialect: Dialect;
  /** `question` (`?`) or `dollar` (`$1`) placeholders. */
  readonly placeholders: 'question' | 'dollar';
  /**
   * `read`: the statement must return rows; `write`: it must not. A mismatch throws a `StatementKindError`,
   * other failures the database's own error.
   */
  execute(sql: string, values: unknown[], mode: 'read' | 'write', getKey: boolean): SqlResult;
  /** Runs schema statements (no values). */
  exec(sql: string): void;
  /** Inserts rows into a table, values bound. */
  insert(table: string, rows: Array<Record<string, unknown>>): void;
  close(): Promise<void>;
}

export class StatementKindError extends Error {
  constructor(readonly returnsRows: boolean) {
    super(returnsRows ? 'the SQL returns rows' : 'the SQL returns no rows');
  }
}

/** A table or column name as a quoted SQL identifier (names come from fixtures, never from scripts). */
export function quoteIdentifier(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

/** A fixture value as a database can store it: objects and lists as JSON text, booleans per dialect. */
export function fixtureValue(value: unknown, dialect: Dialect): unknown {
  if (value === null || value === undefined) return null;
  if (typeof value === 'boolean') return dialect === 'sqlite' ? (value ? 1 : 0) : value;
  if (typeof value === 'object') return JSON.stringify(value);
  return value;
}
