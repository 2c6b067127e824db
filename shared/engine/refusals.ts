// Attempts of scripts to reach the host, refused by the sealed engine, as divergences at the script's line.
import type { LoadedScript, SourcePosition } from './positions';
import type { HostRefusal } from './protocol';
import type { Divergence } from './types';

/** One divergence per refusal, at the user's line when the guard saw it, else at `fallback` (the handler). */
export function refusalDivergences(refusals: readonly HostRefusal[], scripts: ReadonlyMap<string, LoadedScript>, fallback: SourcePosition): Divergence[] {
  return refusals.map((refusal) => {
    const loaded = refusal.at ? scripts.get(refusal.at[0]) : undefined;
    const where = loaded && refusal.at ? loaded.position(refusal.at[1], refusal.at[2]) : fallback;
    const message = refusal.reach === 'javascript'
      ? `${refusal.call} reaches the JavaScript host of the simulator's Python engine, which scripts may not touch: refused (a gateway's Jython has no JavaScript host at all)`
      : `${refusal.call} would run on the machine running the simulation: refused (on a gateway it runs on the gateway's machine, with the rights of its service)`;
    return { rule: 'host-access', message, file: where.file, line: where.line, ...(where.column !== undefined ? { column: where.column } : {}) };
  });
}
