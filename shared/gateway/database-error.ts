// The error a named query raises: it names the query, the database's own message and what to do about it.

export class DatabaseError extends Error {
  constructor(
    /** Path of the named query, e.g. `Orders/Insert`. */
    readonly queryPath: string,
    /** What went wrong, in the database's or Ignition's words. */
    readonly reason: string,
    /** What the user can do about it. */
    readonly fix: string,
    /** The file the query was loaded from, when it came from a project. */
    readonly file?: string,
    /** The SQL as sent, when QueryString parameters were spliced into it. */
    readonly sql?: string,
  ) {
    super(`named query "${queryPath}"${file ? ` (${file})` : ''}: ${reason}; ${fix}${sql !== undefined ? ` (the SQL as spliced: ${sql})` : ''}`);
    this.name = 'DatabaseError';
  }
}

/** A likely fix for a message from SQLite or PostgreSQL. */
export function fixForSqlError(message: string): string {
  const m = message.toLowerCase();
  if (m.includes('no such table') || (m.includes('relation') && m.includes('does not exist'))) {
    return 'create the table in periscope.json "database.schema" or correct its name in the query';
  }
  if (m.includes('no such column') || (m.includes('column') && m.includes('does not exist'))) {
    return 'correct the column name, or add the column to the table in "database.schema"';
  }
  if (m.includes('syntax error')) return 'correct the SQL syntax of the query';
  if (m.includes('constraint') || m.includes('duplicate key') || m.includes('violates')) {
    return 'the row breaks a constraint of the table; pass different values or relax the constraint';
  }
  return 'check the query\'s SQL against the database schema';
}
