// What the runtime and engine benchmarks both measure: the seed's whole scenario and many sessions' messages.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadScriptSource } from '../shared/runtime/document-project';
import type { EngineHost } from '../shared/runtime/engine-host';
import { Runtime } from '../shared/runtime/runtime';
import { readScenario } from '../shared/runtime/scenario';
import { simulate } from '../shared/runtime/simulation';

export const percentile = (sorted: number[], p: number): number => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
export const median = (values: number[]): number => percentile([...values].sort((a, b) => a - b), 50);
export const ms = (value: number): string => `${value.toFixed(2)} ms`;

const handlers = `
def initialize_custom_properties():
    return {"n": 0}

def configure_message_handlers():
    return {
        "noop": {"handler": "noop", "script": "def noop(session, payload):\\n    pass\\n"},
        "count": {"handler": "count", "script": "def count(session, payload):\\n    session.custom.n += 1\\n"},
    }
`;

/** A script file with two message handlers: one that does nothing, one that counts in a custom prop. */
export function handlersFile(): string {
  const file = join(mkdtempSync(join(tmpdir(), 'periscope-bench-')), 'handlers.py');
  writeFileSync(file, handlers);
  return file;
}

export async function runtimeFor(engine: EngineHost, file: string): Promise<Runtime> {
  return Runtime.create({ source: await loadScriptSource(file), engine });
}

/** The seed's whole scenario on a warm engine: load, configure and every step; the median of `runs` runs. */
export async function seedScenario(engine: EngineHost, runs = 5): Promise<{ median: number; steps: number }> {
  const scenario = await readScenario('examples/seed/scenario.json');
  const walls: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    await simulate({ source: 'examples/seed/session-scripts.md', scenario, engine });
    walls.push(performance.now() - started);
  }
  return { median: median(walls), steps: scenario.steps.length };
}

/** 100 sessions at once, each opening a page and handling 100 messages that write a custom prop. */
export async function sessionsTimesMessages(engine: EngineHost, file: string): Promise<{ runtime: Runtime; handled: number; elapsed: number }> {
  const runtime = await runtimeFor(engine, file);
  const started = performance.now();
  const ids = Array.from({ length: 100 }, (_, i) => `c${i}`);
  await Promise.all(ids.map((id) => runtime.enqueue(id, async () => { await runtime.openPage(id, '/'); })));
  for (let m = 0; m < 100; m++) {
    for (const id of ids) void runtime.enqueue(id, () => runtime.message(runtime.session(id)!, 'count', { m }));
  }
  await runtime.settle();
  const elapsed = performance.now() - started;
  const handled = ids.reduce((sum, id) => sum + Number(runtime.session(id)!.custom.n), 0);
  return { runtime, handled, elapsed };
}
