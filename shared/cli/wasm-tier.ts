// Which of V8's compilers runs the parser's wasm in a `periscope lint` process. By default V8 compiles each wasm
// function with its baseline compiler (Liftoff) and recompiles the busy ones with its optimizing one (TurboFan) on
// background threads. A lint of a real-sized project parses for less than 100 ms: the optimized code arrives when
// the parse is nearly over, and compiling it takes the background threads from V8's compilers of the lint's own
// JavaScript and from its garbage collector. Kept on the baseline compiler, such a lint ends about 30 ms sooner
// (docs/benchmarks.md); a lint of far more script parses long enough for optimized code to pay off.
import { createRequire } from 'node:module';

/** Script text (UTF-16 code units) below which a lint's parse stays on the baseline compiler. */
export const BASELINE_WASM_MAX_CHARACTERS = 2_000_000;

/**
 * Keeps wasm on the baseline compiler for a lint of `characters` of script, read before the first parse. Only for a
 * process that lints and exits: a language server parses for hours, and optimized code is what it needs.
 */
export function chooseWasmTier(characters: number): void {
  // The build's run that records the lint bundle's code cache keeps V8's flags as they were at start-up: V8 takes
  // a code cache only under the flags it was recorded with (bin/load-bundle.cjs).
  if (characters >= BASELINE_WASM_MAX_CHARACTERS || process.env.PERISCOPE_WRITE_CODE_CACHE === '1') return;
  try {
    createRequire(import.meta.url)('node:v8').setFlagsFromString('--liftoff-only');
  } catch {
    // A Node whose V8 refuses flags after start-up keeps its default tiering: slower, never wrong.
  }
}
