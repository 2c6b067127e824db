// Named queries of a project: `ignition/named-query/<path>/query.sql` with type and parameters in resource.json.
import { PARAMETER_TYPES, QUERY_STRING, type NamedQueryFixture } from '../gateway-config/fixtures';
import { findParameters, findQueryStrings } from '../gateway/named-query-sql';
import { LineIndex } from '../source/origin';
import type { ProjectReader } from './project-files';
import { readResource } from './project-resource';

export const NAMED_QUERY_FOLDER = 'ignition/named-query';

export type ProjectNamedQuery = NamedQueryFixture & { file: string };

/** resource.json stores a parameter's type as an Ignition data type code; these are the ones named queries offer. */
const SQL_TYPE_CODES: Record<number, string> = { 0: 'Int1', 1: 'Int2', 2: 'Int4', 3: 'Int8', 4: 'Float4', 5: 'Float8', 6: 'Boolean', 7: 'String', 8: 'DateTime' };

const QUERY_TYPES: Record<string, NamedQueryFixture['type']> = {
  Query: 'Query', Select: 'Query', Update: 'Update', UpdateQuery: 'Update', Scalar: 'Scalar', ScalarQuery: 'Scalar',
};

export function loadNamedQueries(reader: ProjectReader): Record<string, ProjectNamedQuery> {
  const queries: Record<string, ProjectNamedQuery> = {};
  const walk = (folder: string, path: string): void => {
    const entries = reader.list(folder);
    if (path !== '' && entries.some((e) => e.isFile() && e.name === 'query.sql')) {
      const query = loadNamedQuery(reader, folder);
      if (query) queries[path] = query;
    }
    for (const entry of entries) {
      if (entry.isDirectory() && reader.safeName(folder, entry.name)) walk(`${folder}/${entry.name}`, path === '' ? entry.name : `${path}/${entry.name}`);
    }
  };
  walk(reader.path(NAMED_QUERY_FOLDER), '');
  return queries;
}

function loadNamedQuery(reader: ProjectReader, folder: string): ProjectNamedQuery | undefined {
  const file = `${folder}/query.sql`;
  const sql = reader.readText(file);
  if (sql === undefined) return undefined;
  const resource = readResource(reader, folder);
  const attributes = resource.attributes;
  if (attributes.enabled === false) return undefined;
  const rawType = typeof attributes.type === 'string' ? attributes.type : 'Query';
  const type = Object.hasOwn(QUERY_TYPES, rawType) ? QUERY_TYPES[rawType] : undefined;
  if (!type) {
    reader.problem(resource.file, 1, 1, `query type "${rawType}" is not Query, Update or Scalar; the query is treated as a Query`, 'warning');
  }
  const query: ProjectNamedQuery = { type: type ?? 'Query', sql: sql.replace(/^\uFEFF/, ''), file, parameters: {} };
  for (const parameter of Array.isArray(attributes.parameters) ? attributes.parameters : []) {
    if (typeof parameter !== 'object' || parameter === null) continue;
    const { identifier, sqlType, type: kind } = parameter as { identifier?: unknown; sqlType?: unknown; type?: unknown };
    if (typeof identifier !== 'string' || !reader.safeName(folder, identifier)) continue;
    if (kind === QUERY_STRING) {
      query.parameters![identifier] = QUERY_STRING;
      continue;
    }
    if (kind === 'Database') continue;
    const parameterType = typeof sqlType === 'number' ? SQL_TYPE_CODES[sqlType] : typeof sqlType === 'string' ? sqlType : 'String';
    if (!parameterType || !PARAMETER_TYPES.includes(parameterType as never)) {
      reader.problem(resource.file, 1, 1, `parameter "${identifier}" has the type ${String(sqlType)}, which named queries do not offer; choose String, Int4, Int8, Float8, Boolean or DateTime in the Designer`, 'warning');
      continue;
    }
    query.parameters![identifier] = parameterType;
  }
  const lines = new LineIndex(sql);
  const queryStrings = Object.keys(query.parameters!).filter((name) => query.parameters![name] === QUERY_STRING);
  const spliced = findQueryStrings(sql, queryStrings);
  for (const name of queryStrings) {
    const use = spliced.find((r) => r.name === name);
    const { line, column } = use ? lines.position(use.offset) : { line: 1, column: 1 };
    reader.problem(use ? file : resource.file, line, column, `{${name}} is a QueryString parameter: the gateway pastes its value into the SQL text, so a quote or ";" in the value changes the statement; make it a Value parameter and write :${name}, or keep QueryString only for a table or column name the script picks from a fixed list`, 'warning', 'sql-injection-risk');
  }
  for (const { name, offset } of findParameters(sql)) {
    if (!Object.hasOwn(query.parameters!, name)) {
      const { line, column } = lines.position(offset);
      reader.problem(file, line, column, `the SQL uses :${name}, but resource.json declares no parameter of that name (names are case-sensitive); add it in the Designer`);
    }
  }
  return query;
}
