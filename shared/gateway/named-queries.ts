// Runs named queries the way a gateway does: parameters checked and bound by name, the query type honoured.
import { QUERY_STRING, type NamedQueryFixture } from '../gateway-config/fixtures';
import { DatabaseError, fixForSqlError } from './database-error';
import { spliceQueryStrings, toPositional, type PositionalSql } from './named-query-sql';
import { coerceParameter, ParameterTypeError } from './parameters';
import { StatementKindError, type SqlBackend } from './sql-backend';

export interface NamedQueryResult {
  type: 'Query' | 'Update' | 'Scalar';
  columns?: string[];
  rows?: unknown[][];
  rowsAffected?: number;
  key?: number | null;
  value?: unknown;
  /** The SQL as the database received it, when QueryString parameters were spliced into it. */
  sql?: string;
}

export interface GatewayDatabase {
  hasNamedQuery(path: string): boolean;
  runNamedQuery(path: string, parameters: Record<string, unknown>, options?: { getKey?: boolean }): NamedQueryResult;
}

/** A named query as loaded from fixtures or a project (`file` is where it was defined, for messages). */
export type NamedQueryDefinition = NamedQueryFixture & { file?: string };

export class NamedQueryDatabase implements GatewayDatabase {
  private readonly compiled = new Map<string, PositionalSql>();

  constructor(
    private readonly queries: Record<string, NamedQueryDefinition>,
    private readonly backend: SqlBackend,
  ) {}

  hasNamedQuery(path: string): boolean {
    return Object.hasOwn(this.queries, normalisePath(path));
  }

  runNamedQuery(path: string, parameters: Record<string, unknown>, options: { getKey?: boolean } = {}): NamedQueryResult {
    const key = normalisePath(path);
    const query = Object.hasOwn(this.queries, key) ? this.queries[key] : undefined;
    if (!query) throw this.notFound(path);
    const spliced = this.splice(query, parameters ?? {});
    const fail = (reason: string, fix: string): DatabaseError => new DatabaseError(key, reason, fix, query.file, spliced);
    const positional = spliced === undefined ? this.compile(key, query) : toPositional(spliced, this.backend.placeholders);
    const values = positional.order.map((name) => this.bind(name, query, parameters ?? {}, fail));
    const sql = spliced === undefined ? {} : { sql: spliced };
    try {
      if (query.type === 'Update') {
        const result = this.backend.execute(positional.sql, values, 'write', options.getKey === true);
        return options.getKey ? { type: 'Update', rowsAffected: result.rowsAffected, key: result.key, ...sql } : { type: 'Update', rowsAffected: result.rowsAffected, ...sql };
      }
      const result = this.backend.execute(positional.sql, values, 'read', false);
      if (query.type === 'Scalar') return { type: 'Scalar', value: result.rows[0]?.[0] ?? null, ...sql };
      return { type: 'Query', columns: result.columns, rows: result.rows, ...sql };
    } catch (error) {
      if (error instanceof StatementKindError) {
        throw query.type === 'Update'
          ? fail('it is an Update query but its SQL returns rows', 'set the query type to Query (or Scalar), or use system.db.runNamedQuery for a SELECT')
          : fail(`it is a ${query.type} query but its SQL returns no rows`, 'set the query type to Update for INSERT, UPDATE and DELETE statements');
      }
      const message = (error as Error).message;
      throw fail(message, fixForSqlError(message));
    }
  }

  /**
   * The SQL with the query's QueryString parameters spliced in (their text, never quoted), or undefined when it
   * has none. A QueryString the script does not pass stays `{name}` in the SQL, as on a gateway.
   */
  private splice(query: NamedQueryDefinition, parameters: Record<string, unknown>): string | undefined {
    const names = Object.entries(query.parameters ?? {}).filter(([, type]) => type === QUERY_STRING).map(([name]) => name);
    if (names.length === 0) return undefined;
    const values: Record<string, string> = {};
    for (const name of names) if (Object.hasOwn(parameters, name)) values[name] = queryStringText(parameters[name]);
    return spliceQueryStrings(query.sql, values);
  }

  private compile(key: string, query: NamedQueryDefinition): PositionalSql {
    let positional = this.compiled.get(key);
    if (!positional) {
      positional = toPositional(query.sql, this.backend.placeholders);
      this.compiled.set(key, positional);
    }
    return positional;
  }

  private bind(
    name: string, query: NamedQueryDefinition, parameters: Record<string, unknown>,
    fail: (reason: string, fix: string) => DatabaseError,
  ): unknown {
    const declared = query.parameters;
    if (declared && !Object.hasOwn(declared, name)) {
      throw fail(`the SQL uses :${name}, which is not one of the query's parameters (${Object.keys(declared).join(', ') || 'none'})`, `add a parameter named ${name} to the query`);
    }
    if (!Object.hasOwn(parameters, name)) {
      // Ignition matches parameter names exactly; a near miss in case is the usual mistake.
      const nearMiss = Object.keys(parameters).find((p) => p.toLowerCase() === name.toLowerCase());
      throw nearMiss
        ? fail(`the parameter "${name}" is missing; the script passed "${nearMiss}"`, `parameter names are case-sensitive: pass {"${name}": ...}`)
        : fail(`the parameter "${name}" is missing`, `pass it in the parameters dictionary: {"${name}": ...}`);
    }
    try {
      return coerceParameter(name, declared?.[name], parameters[name], this.backend.dialect);
    } catch (error) {
      if (error instanceof ParameterTypeError) throw fail(error.message, 'pass a value of the declared type, or change the parameter type');
      throw error;
    }
  }

  private notFound(path: string): DatabaseError {
    const key = normalisePath(path);
    const similar = Object.keys(this.queries).find((p) => p.toLowerCase() === key.toLowerCase());
    return new DatabaseError(key, 'no named query has this path', similar
      ? `did you mean "${similar}"? Named query paths are case-sensitive`
      : 'add it under ignition/named-query/ in the project or to "namedQueries" in periscope.json');
  }
}

/** A value as the gateway writes it into SQL text: Java's toString, so None is `null` and True is `true`. */
function queryStringText(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (value instanceof Date) return value.toISOString();
  return String(value);
}

/** Named query paths are written with or without a leading slash. */
function normalisePath(path: string): string {
  return String(path).replace(/^\/+/, '');
}

