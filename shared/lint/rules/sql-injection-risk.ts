// sql-injection-risk: a named query parameter of type QueryString, spliced into the SQL text.
import type { Rule } from '../rule';

export const sqlInjectionRisk: Rule = {
  id: 'sql-injection-risk',
  defaultSeverity: 'warning',
  project: true,
  summary: 'A named query parameter of type QueryString: its value is pasted into the SQL text, not bound.',
  doc: `## What it does
Reports every named query parameter whose type is \`QueryString\`. The gateway replaces \`{name}\` in the query
with the value's text before the database sees it, unlike \`Value\` parameters (\`:name\`), which it binds.
Periscope runs such queries the same way (the spliced SQL is in the trace).

## Why is this bad?
Whoever controls the value controls the SQL: a value such as \`x'; DROP TABLE orders; --\` becomes part of the
statement. Values that come from a session (a text field, URL parameters, \`session.custom\`) can be set by the
user. A quote in an ordinary value (O'Brien) also breaks the query.

## Example
\`\`\`sql
SELECT * FROM {table} WHERE line = '{line}' ORDER BY {column} LIMIT {rows}
\`\`\`

## Use instead
Make values \`Value\` parameters and write \`:line\`, \`:rows\`. Keep \`QueryString\` for what cannot be bound (a table
or column name), and choose it from a fixed list in the script, never from user input:
\`\`\`python
column = {"date": "t_stamp", "line": "line"}.get(sortKey, "t_stamp")
system.db.runNamedQuery("Orders/Sorted", {"column": column, "line": line})
\`\`\``,
};
