// Finds the script under an offset of a file, and the offset in the script's text that the file offset is.
import type { Script } from '../source/script';

export interface ScriptAt {
  script: Script;
  /** Offset in `script.text`. */
  offset: number;
}

/** The span of the file a script's text comes from. */
export function originSpan(script: Script): { start: number; end: number } {
  return { start: script.origin.originOffset(0), end: script.origin.originOffset(script.text.length) };
}

/**
 * The innermost script holding `fileOffset` (a script string inside a document block wins over the block), with the
 * offset in its text. Offsets in the gateway's `def` line or a decoded escape go to the nearest character.
 */
export function scriptAt(scripts: readonly Script[], fileOffset: number): ScriptAt | undefined {
  let best: Script | undefined;
  let bestSize = Infinity;
  for (const script of scripts) {
    const { start, end } = originSpan(script);
    if (fileOffset < start || fileOffset > end) continue;
    if (end - start < bestSize) {
      best = script;
      bestSize = end - start;
    }
  }
  return best && { script: best, offset: textOffset(best, fileOffset) };
}

/** The last text offset whose origin is at or before `fileOffset` (origins never decrease along a script's text). */
export function textOffset(script: Script, fileOffset: number): number {
  let lo = 0;
  let hi = script.text.length;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (script.origin.originOffset(mid) <= fileOffset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}
