// Attempts of scripts to reach the host, refused by the sealed engine, and their file calls on what stands in for the
// gateway's disk, as divergences at the script's line.
import type { LoadedScript, SourcePosition } from './positions';
import type { HostRefusal } from './protocol';
import type { Divergence } from './types';

const MESSAGES: Record<HostRefusal['reach'], (call: string) => string> = {
  javascript: (call) => `${call} reaches the JavaScript host of the simulator's Python engine, which scripts may not touch: refused (a gateway's Jython has no JavaScript host at all)`,
  host: (call) => `${call} would run on the machine running the simulation: refused (on a gateway it runs on the gateway's machine, with the rights of its service)`,
  'gateway-write': (call) => `${call} changes files on the gateway's disk (with the rights of its service); the simulator keeps them in its own memory for this run instead, never on this machine's disk`,
  'gateway-read': (call) => `${call} reads the gateway's disk, which may hold it; the simulator has only the files scripts wrote in this run, so here the file is not found`,
};

/** One divergence per refusal, at the user's line when the guard saw it, else at `fallback` (the handler). */
export function refusalDivergences(refusals: readonly HostRefusal[], scripts: ReadonlyMap<string, LoadedScript>, fallback: SourcePosition): Divergence[] {
  return refusals.map((refusal) => {
    const loaded = refusal.at ? scripts.get(refusal.at[0]) : undefined;
    const where = loaded && refusal.at ? loaded.position(refusal.at[1], refusal.at[2]) : fallback;
    const message = MESSAGES[refusal.reach](refusal.call);
    return { rule: 'host-access', message, file: where.file, line: where.line, ...(where.column !== undefined ? { column: where.column } : {}) };
  });
}
