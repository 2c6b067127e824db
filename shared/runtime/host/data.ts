// Host calls of system.db, system.tag and system.alarm, answered by the simulated gateway's fixtures.
import { HostError, type Json, type Value } from '../../engine/types';
import { DatabaseError } from '../../gateway/gateway';
import type { RuntimeParts } from '../parts';
import { isObject, plainCopy } from '../tree';
import { isDateValue } from '../../engine/values';
import { location, text, type HostCalls } from './types';

/** Dates from Python (`{"$date": ms}`) become Date objects for the database; everything else passes as is. */
function toGateway(value: Json): unknown {
  if (isObject(value)) {
    if (isDateValue(value)) return new Date(value.$date);
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, toGateway(v)]));
  }
  return Array.isArray(value) ? value.map(toGateway) : value;
}

/** Values from the gateway back to Python: Date objects become java.util.Date-like values. */
function toPython(value: unknown): Json {
  if (value instanceof Date) return { $date: value.getTime() };
  if (typeof value === 'bigint') return Number(value);
  if (value instanceof Uint8Array) return Array.from(value);
  if (Array.isArray(value)) return value.map(toPython);
  if (isObject(value)) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, toPython(v)]));
  return plainCopy(value ?? null);
}

function sessionOf(parts: Pick<RuntimeParts, 'scripts'>) {
  return { session: parts.scripts.current?.session?.id ?? null, page: parts.scripts.current?.page?.id };
}

/** Tags the fixtures do not have: the gateway answers Bad_NotFound, which is rarely what the script meant. */
function unknownTags(parts: Pick<RuntimeParts, 'divergences'>, paths: string[], qualities: string[], where: Value | undefined): void {
  paths.forEach((path, i) => {
    if (qualities[i] === 'Bad_NotFound') {
      parts.divergences.report('unknown-tag', `tag "${path}" is not in the fixtures; add it to periscope.json "tags" (Bad_NotFound here)`, location(where));
    }
  });
}

export const dataCalls: HostCalls = {
  'db.namedQuery': (parts, [_project, path, parameters, getKey, where]): Value => {
    const name = text(path, 'path');
    const params = isObject(parameters) ? parameters : {};
    const database = parts.gateway?.database;
    if (!database?.hasNamedQuery(name)) {
      parts.trace.add({ kind: 'query', ...sessionOf(parts), name, params, rowCount: 0, error: 'no such named query' });
      const parent = parts.project.missingParent;
      const whose = parent ? `; it may be one of the parent project ${parent}, which is not in the export: export the parent beside this project, or add the query` : '; add it';
      parts.divergences.report('unknown-named-query', `named query "${name}" is not defined${whose} to periscope.json "namedQueries" (an empty result is returned here)`, location(where));
      if (parts.strict) throw new HostError('Exception', `java.lang.IllegalArgumentException: Named query "${name}" not found`);
      return { type: 'Query', columns: [], rows: [] };
    }
    const started = performance.now();
    // Wall-clock time the database took, as script runs report theirs; the virtual clock does not move.
    const took = () => ({ durationMs: Math.round((performance.now() - started) * 1000) / 1000 });
    try {
      const result = database.runNamedQuery(name, toGateway(params) as Record<string, unknown>, { getKey: getKey === true });
      const rows = (result.rows ?? []).map((r) => r.map(toPython));
      // A QueryString parameter's value became SQL text: the statement as sent is part of what happened.
      const sql = result.sql !== undefined ? { sql: result.sql } : {};
      if (result.type === 'Query') {
        parts.trace.add({ kind: 'query', ...sessionOf(parts), name, params, rowCount: rows.length, ...sql, ...took() });
        return { type: 'Query', columns: result.columns ?? [], rows };
      }
      if (result.type === 'Scalar') {
        const value = toPython(result.value);
        parts.trace.add({ kind: 'query', ...sessionOf(parts), name, params, value, ...sql, ...took() });
        return { type: 'Scalar', value };
      }
      parts.trace.add({ kind: 'query', ...sessionOf(parts), name, params, rowsAffected: result.rowsAffected ?? 0, ...sql, ...took() });
      return { type: 'Update', value: getKey === true ? (result.key ?? null) : (result.rowsAffected ?? 0) };
    } catch (error) {
      if (!(error instanceof DatabaseError)) throw error;
      parts.trace.add({ kind: 'query', ...sessionOf(parts), name, params, error: error.message, ...(error.sql !== undefined ? { sql: error.sql } : {}), ...took() });
      throw new HostError('Exception', `com.inductiveautomation.ignition.client.gateway_interface.GatewayException: ${error.message}`);
    }
  },
  'tag.read': (parts, [paths, where]) => {
    const list = Array.isArray(paths) ? paths.map(String) : [];
    const values = parts.gateway ? parts.gateway.tags.read(list) : list.map(() => ({ value: null, quality: { name: 'Bad_NotFound', good: false, code: 519 }, timestamp: parts.clock.epochNow() }));
    parts.trace.add({ kind: 'tag', ...sessionOf(parts), action: 'read', paths: list, values: values.map((v) => toPython(v.value)), qualities: values.map((v) => v.quality.name) });
    unknownTags(parts, list, values.map((v) => v.quality.name), where);
    return values.map((v) => ({ value: toPython(v.value), quality: { name: v.quality.name, good: v.quality.good, code: v.quality.code }, timestamp: { $date: v.timestamp } }));
  },
  'tag.write': (parts, [paths, values, where]) => {
    const list = Array.isArray(paths) ? paths.map(String) : [];
    const written = Array.isArray(values) ? values : [];
    if (written.length !== list.length) throw new HostError('ValueError', `writeBlocking got ${list.length} paths but ${written.length} values`);
    const qualities = parts.gateway ? parts.gateway.tags.write(list, written.map(toGateway), parts.clock.epochNow()) : list.map(() => ({ name: 'Bad_NotFound', good: false, code: 519 }));
    parts.trace.add({ kind: 'tag', ...sessionOf(parts), action: 'write', paths: list, values: written, qualities: qualities.map((q) => q.name) });
    unknownTags(parts, list, qualities.map((q) => q.name), where);
    return qualities.map((q) => ({ name: q.name, good: q.good, code: q.code }));
  },
  'alarm.queryStatus': (parts, [query]) => {
    const filter = isObject(query) ? query : {};
    const list = (key: string): string[] | undefined => {
      const v = filter[key];
      if (v === null || v === undefined) return undefined;
      return (Array.isArray(v) ? v : [v]).map(String);
    };
    const events = parts.gateway?.alarms.queryStatus({
      priority: list('priority'), state: list('state'), path: list('path'), source: list('source'),
      displaypath: list('displaypath'), includeShelved: filter.includeShelved === true, provider: list('provider'),
    }) ?? [];
    const shown: Record<string, Json> = {};
    for (const [k, v] of Object.entries(filter)) if (v !== null && v !== false) shown[k] = v;
    parts.trace.add({ kind: 'alarm', ...sessionOf(parts), action: 'query', filter: shown, count: events.length });
    return events.map((e) => ({ ...toPython({ ...e, activeTime: undefined }) as Record<string, Json>, activeTime: { $date: e.activeTime } }));
  },
};
