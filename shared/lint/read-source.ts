// Reads a file the linter was asked about, turning binary, oversized or non-UTF-8 files into skips or findings.
import { readFileSync, statSync } from 'node:fs';
import { decodeUtf8, type BadByte } from '../source/utf8';

/** Scripts are small; a file beyond this is generated data, not something a person wrote for the gateway. */
export const MAX_SOURCE_BYTES = 5 * 1024 * 1024;

export type SourceRead =
  | { kind: 'text'; text: string }
  | { kind: 'skip'; reason: string }
  /** Not valid UTF-8: where the first bad byte is. */
  | { kind: 'bad-encoding'; bad: BadByte };

export function readSource(path: string): SourceRead {
  const size = statSync(path).size;
  if (size > MAX_SOURCE_BYTES) {
    return { kind: 'skip', reason: `${(size / 1024 / 1024).toFixed(1)} MB is larger than the ${MAX_SOURCE_BYTES / 1024 / 1024} MB Periscope lints; split the file` };
  }
  const bytes = readFileSync(path);
  if (bytes.subarray(0, 8192).includes(0)) return { kind: 'skip', reason: 'binary file (it contains NUL bytes)' };
  const read = decodeUtf8(bytes);
  return read.ok ? { kind: 'text', text: read.text } : { kind: 'bad-encoding', bad: read.bad };
}
