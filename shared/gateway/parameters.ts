// Coerces the values a script passes to a named query into the parameter types the query declares.
import { isDateValue } from '../engine/values';
import type { ParameterType } from '../gateway-config/fixtures';

/** How the target database wants booleans and dates (SQLite has neither type). */
export type Dialect = 'sqlite' | 'postgres';

/** The reason a value does not fit, as a sentence fragment; thrown as a plain Error, turned into a DatabaseError. */
export class ParameterTypeError extends Error {}

const INTEGER_RANGES: Partial<Record<ParameterType, [number, number]>> = {
  Int1: [-128, 127],
  Int2: [-32768, 32767],
  Int4: [-2147483648, 2147483647],
  Int8: [Number.MIN_SAFE_INTEGER, Number.MAX_SAFE_INTEGER],
};

export function coerceParameter(name: string, type: string | undefined, value: unknown, dialect: Dialect): unknown {
  if (value === null || value === undefined) return null;
  const date = asDate(value);
  if (type === undefined) return untyped(name, date ?? value, dialect);
  const fail = (): never => {
    throw new ParameterTypeError(`parameter "${name}" is declared ${type} but the script passed ${describe(value)}`);
  };
  switch (type as ParameterType) {
    case 'String':
      if (typeof value === 'string') return value;
      if (typeof value === 'number' || typeof value === 'boolean') return String(value);
      if (date) return date.toISOString();
      return fail();
    case 'Int1': case 'Int2': case 'Int4': case 'Int8': {
      const n = typeof value === 'number' ? value : typeof value === 'string' && /^\s*-?\d+\s*$/.test(value) ? Number(value) : NaN;
      const [min, max] = INTEGER_RANGES[type as ParameterType]!;
      if (!Number.isInteger(n) || n < min || n > max) return fail();
      return n;
    }
    case 'Float4': case 'Float8': {
      const n = typeof value === 'number' ? value : typeof value === 'string' && value.trim() !== '' ? Number(value) : NaN;
      if (!Number.isFinite(n)) return fail();
      return n;
    }
    case 'Boolean': {
      let b: boolean | undefined;
      if (typeof value === 'boolean') b = value;
      else if (value === 0 || value === 1) b = value === 1;
      else if (typeof value === 'string' && /^(true|false)$/i.test(value)) b = value.toLowerCase() === 'true';
      if (b === undefined) return fail();
      return dialect === 'sqlite' ? (b ? 1 : 0) : b;
    }
    case 'DateTime': {
      const d = date ?? (typeof value === 'number' ? new Date(value) : typeof value === 'string' ? new Date(value) : undefined);
      if (!d || Number.isNaN(d.getTime())) return fail();
      return dialect === 'sqlite' ? d.toISOString() : d;
    }
    default:
      throw new ParameterTypeError(`parameter "${name}" has the unknown type ${type}; use String, Int4, Int8, Float8, Boolean or DateTime`);
  }
}

/** Values from Python arrive as Date objects, or still tagged as `{"$date": ms}`. */
function asDate(value: unknown): Date | undefined {
  if (value instanceof Date) return value;
  if (isDateValue(value)) return new Date(value.$date);
  return undefined;
}

function untyped(name: string, value: unknown, dialect: Dialect): unknown {
  if (value instanceof Date) return dialect === 'sqlite' ? value.toISOString() : value;
  if (typeof value === 'boolean') return dialect === 'sqlite' ? (value ? 1 : 0) : value;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'bigint') return value;
  throw new ParameterTypeError(`parameter "${name}" got ${describe(value)}, which a database cannot bind; pass a string, number, boolean or date`);
}

function describe(value: unknown): string {
  if (typeof value === 'string') return `the string ${JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}...` : value)}`;
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object' && value !== null) return 'a dictionary';
  return `${typeof value} ${String(value)}`;
}
