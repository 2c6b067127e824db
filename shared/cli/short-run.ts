// V8 tuned for a process that lints and exits, which is over in a few hundred milliseconds: V8's defaults suit a
// process that runs for long, and in a short one, code optimized on background threads mostly arrives too late to
// help, while compiling it takes V8's background threads (four of them, on as few as two cores) from the garbage
// collector and the CPU from the main thread. Not for a language server, which parses for hours.
//
// V8 reads these flags when it compiles or tiers up code, so they are set once the lint bundle is loaded: V8 takes
// a code cache only under the flags it was recorded with (bin/load-bundle.cjs), and the build's run that records
// it keeps the flags of start-up. A Node whose V8 refuses flags after start-up keeps its defaults: slower, never wrong.
import { createRequire } from 'node:module';

/** Script text (UTF-16 code units) below which a lint's parse stays on V8's baseline wasm compiler. */
export const BASELINE_WASM_MAX_CHARACTERS = 2_000_000;

/**
 * How much a JavaScript function runs before V8 optimizes it: eight times V8's default (67,584), so that only what
 * a lint runs most is optimized (docs/benchmarks.md: four and fifteen times saved less).
 */
export const SHORT_RUN_INTERRUPT_BUDGET = 8 * 67_584;

/** At the start of a lint: JavaScript optimized only where it runs longest. */
export function tuneForShortRun(): void {
  setFlag(`--interrupt-budget=${SHORT_RUN_INTERRUPT_BUDGET}`);
}

/**
 * Once the scripts are read, before the first parse: a lint of less than `BASELINE_WASM_MAX_CHARACTERS` keeps the
 * parser's wasm on V8's baseline compiler (Liftoff), which a real-sized project's parse (under 100 ms) never leaves
 * in time for optimized code to pay off; a lint of far more script parses long enough for it to.
 */
export function chooseWasmTier(characters: number): void {
  if (characters < BASELINE_WASM_MAX_CHARACTERS) setFlag('--liftoff-only');
}

function setFlag(flag: string): void {
  if (process.env.PERISCOPE_WRITE_CODE_CACHE === '1') return;
  try {
    createRequire(import.meta.url)('node:v8').setFlagsFromString(flag);
  } catch {
    // Flags refused after start-up: V8's defaults stay.
  }
}
