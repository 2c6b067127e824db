// Strict UTF-8 decoding: a file's text only when its bytes are well-formed UTF-8, else where its first bad byte is.
import { isUtf8 } from 'node:buffer';
import type { Position } from './origin';

/** The first byte that is not part of well-formed UTF-8: its value and its 1-based position (column in UTF-16 code units). */
export interface BadByte extends Position {
  byte: number;
  /** Offset of the byte in the file. */
  offset: number;
}

export type Utf8Read = { ok: true; text: string } | { ok: false; bad: BadByte };

/**
 * Decodes `bytes` only when they are well-formed UTF-8, so that encoding the text again gives the same bytes: fixes
 * and edits made on the text then change no byte they do not replace. A leading byte order mark stays in the text.
 */
export function decodeUtf8(bytes: Uint8Array): Utf8Read {
  // Node's own check (simdutf) answers for nearly every file; the byte-by-byte walk only finds where a bad one fails.
  const bad = isUtf8(bytes) ? -1 : firstInvalidUtf8(bytes);
  if (bad === -1) return { ok: true, text: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8') };
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < bad; i++) {
    if (bytes[i] === 10 || (bytes[i] === 13 && bytes[i + 1] !== 10)) {
      line++;
      lineStart = i + 1;
    }
  }
  const column = new TextDecoder().decode(bytes.subarray(lineStart, bad)).length + 1;
  return { ok: false, bad: { line, column, byte: bytes[bad], offset: bad } };
}

/** The finding's message for a file that is not UTF-8, the same for every kind of file Periscope reads. */
export function badUtf8Message(bad: BadByte): string {
  const hex = bad.byte.toString(16).toUpperCase().padStart(2, '0');
  return `the file is not valid UTF-8 (byte 0x${hex} at line ${bad.line}, column ${bad.column}); the gateway reads scripts and project files as UTF-8: save the file with UTF-8 encoding`;
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
