// Reads a file the linter was asked about, turning binary, oversized or non-UTF-8 files into skips or findings.
import { readFileSync, statSync } from 'node:fs';

/** Scripts are small; a file beyond this is generated data, not something a person wrote for the gateway. */
export const MAX_SOURCE_BYTES = 5 * 1024 * 1024;

export type SourceRead =
  | { kind: 'text'; text: string }
  | { kind: 'skip'; reason: string }
  /** Not valid UTF-8: `line` and `column` of the first bad byte, 1-based. */
  | { kind: 'bad-encoding'; line: number; column: number; byte: number };

export function readSource(path: string): SourceRead {
  const size = statSync(path).size;
  if (size > MAX_SOURCE_BYTES) {
    return { kind: 'skip', reason: `${(size / 1024 / 1024).toFixed(1)} MB is larger than the ${MAX_SOURCE_BYTES / 1024 / 1024} MB Periscope lints; split the file` };
  }
  const bytes = readFileSync(path);
  if (bytes.subarray(0, 8192).includes(0)) return { kind: 'skip', reason: 'binary file (it contains NUL bytes)' };
  const bad = firstInvalidUtf8(bytes);
  if (bad !== -1) {
    const before = bytes.subarray(0, bad);
    let line = 1;
    let lineStart = 0;
    for (let i = 0; i < before.length; i++) {
      if (before[i] === 10) {
        line++;
        lineStart = i + 1;
      }
    }
    const column = new TextDecoder().decode(bytes.subarray(lineStart, bad)).length + 1;
    return { kind: 'bad-encoding', line, column, byte: bytes[bad] };
  }
  return { kind: 'text', text: bytes.toString('utf8') };
}

/** Index of the first byte that does not belong to a well-formed UTF-8 sequence, or -1. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i];
    if (b < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let min: number;
    if (b >= 0xc2 && b <= 0xdf) [need, min] = [1, 0x80];
    else if (b >= 0xe0 && b <= 0xef) [need, min] = [2, 0x800];
    else if (b >= 0xf0 && b <= 0xf4) [need, min] = [3, 0x10000];
    else return i;
    let code = b & (0x3f >> need);
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
      code = (code << 6) | (c & 0x3f);
    }
    if (code < min || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return i;
    i += need + 1;
  }
  return -1;
}
