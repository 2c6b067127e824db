// Finds Ignition's `:param` references in a named query's SQL and rewrites them as bound placeholders.
//
// Values are never spliced into the SQL: each `:name` becomes a placeholder of the target database and the
// value travels separately. Quoted strings, quoted identifiers, comments and PostgreSQL `::type` casts are skipped.

export interface ParameterReference {
  name: string;
  /** Offset of the `:` in the SQL. */
  offset: number;
}

const IDENTIFIER = /[A-Za-z_][A-Za-z0-9_]*/y;

export function findParameters(sql: string): ParameterReference[] {
  const refs: ParameterReference[] = [];
  let i = 0;
  while (i < sql.length) {
    const c = sql[i];
    if (c === "'" || c === '"' || c === '`') {
      i = skipQuoted(sql, i, c);
    } else if (c === '-' && sql[i + 1] === '-') {
      const end = sql.indexOf('\n', i);
      i = end === -1 ? sql.length : end + 1;
    } else if (c === '/' && sql[i + 1] === '*') {
      const end = sql.indexOf('*/', i + 2);
      i = end === -1 ? sql.length : end + 2;
    } else if (c === ':' && sql[i + 1] === ':') {
      i += 2;
    } else if (c === ':') {
      IDENTIFIER.lastIndex = i + 1;
      const m = IDENTIFIER.exec(sql);
      if (m) {
        refs.push({ name: m[0], offset: i });
        i += 1 + m[0].length;
      } else {
        i++;
      }
    } else {
      i++;
    }
  }
  return refs;
}

/** Index after the closing quote; a doubled quote inside is an escaped one. */
function skipQuoted(sql: string, start: number, quote: string): number {
  let i = start + 1;
  while (i < sql.length) {
    if (sql[i] === quote) {
      if (sql[i + 1] === quote) i += 2;
      else return i + 1;
    } else {
      i++;
    }
  }
  return sql.length;
}

/** The `{name}` references of QueryString parameters in a named query's SQL, wherever they are (quotes too). */
export function findQueryStrings(sql: string, names: readonly string[]): ParameterReference[] {
  const refs: ParameterReference[] = [];
  for (const m of sql.matchAll(/\{([A-Za-z_][A-Za-z0-9_]*)\}/g)) {
    if (names.includes(m[1])) refs.push({ name: m[1], offset: m.index });
  }
  return refs;
}

/**
 * The SQL with each `{name}` of a QueryString parameter replaced by its value's text, as the gateway does before
 * the database sees the statement: nothing is quoted or escaped, so a value's quotes and semicolons become SQL.
 */
export function spliceQueryStrings(sql: string, values: Readonly<Record<string, string>>): string {
  return sql.replace(/\{([A-Za-z_][A-Za-z0-9_]*)\}/g, (whole, name: string) => (Object.hasOwn(values, name) ? values[name] : whole));
}

export interface PositionalSql {
  sql: string;
  /** Parameter name bound at each placeholder position. */
  order: string[];
}

/**
 * SQLite style (`?`, one per reference, names repeated in `order`) or PostgreSQL style (`$1`, one per distinct
 * name, a repeated name reusing its number).
 */
export function toPositional(sql: string, style: 'question' | 'dollar'): PositionalSql {
  const refs = findParameters(sql);
  const order: string[] = [];
  let out = '';
  let last = 0;
  for (const ref of refs) {
    out += sql.slice(last, ref.offset);
    if (style === 'question') {
      order.push(ref.name);
      out += '?';
    } else {
      let index = order.indexOf(ref.name);
      if (index === -1) index = order.push(ref.name) - 1;
      out += `$${index + 1}`;
    }
    last = ref.offset + 1 + ref.name.length;
  }
  return { sql: out + sql.slice(last), order };
}
