// The shape of a host call handler: Python's `periscope_host.call(name, *args)` lands in one of these.
import { HostError, type Value } from '../../engine/types';
import type { RuntimeParts } from '../parts';

/** A host call sees the whole runtime: Python's `system` reaches everything a gateway offers scripts. */
export type HostCall = (parts: RuntimeParts, args: Value[]) => Value;

export type HostCalls = Record<string, HostCall>;

/** `periscope_host.location()` as the Python modules pass it: [file, line, column], or null outside user code. */
export function location(value: Value | undefined): { file: string; line: number; column?: number } | undefined {
  if (!Array.isArray(value) || typeof value[0] !== 'string' || typeof value[1] !== 'number') return undefined;
  return { file: value[0], line: value[1], ...(typeof value[2] === 'number' ? { column: value[2] } : {}) };
}

export function text(value: Value | undefined, what: string): string {
  if (typeof value !== 'string') throw new HostError('TypeError', `${what} must be a string, not ${value === null ? 'None' : typeof value}`);
  return value;
}
