// Writes one file's safe fixes in place without ever damaging it: byte for byte outside the edits, only over the
// content the fixes were computed from, and atomically (a temporary file beside it, flushed, then renamed over it).
import { closeSync, fchmodSync, fchownSync, fsyncSync, openSync, readFileSync, realpathSync, renameSync, statSync, unlinkSync, writeSync, type Stats } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { badUtf8Message, decodeUtf8 } from '../source/utf8';
import { editsOf, selectFixes } from './apply-fixes';
import type { DiagnosticFix, FileEdit } from './diagnostic';
import { errorCode } from '../source/error-code';
import { crypto } from '../lazy-node';

export interface FileFixes {
  /** The file as the diagnostics name it; a symbolic link is written through to its target. */
  file: string;
  /** The file's text when it was linted: the fixes' offsets are in it. */
  text: string;
  fixes: readonly DiagnosticFix[];
}

export type FixOutcome =
  | { status: 'fixed'; applied: number }
  /** The file no longer holds the text that was linted (another program wrote it): lint it again. */
  | { status: 'changed' }
  /** The file cannot be fixed safely; it is untouched. */
  | { status: 'refused'; reason: string }
  /** Writing failed (a full disk, permissions); the file is untouched. */
  | { status: 'failed'; reason: string };

/** Suffix of the temporary file written beside the target; no linter reads it. */
export const TEMPORARY_SUFFIX = '.periscope-fix';

export function writeFileFixes({ file, text, fixes }: FileFixes): FixOutcome {
  let target: string;
  let stats: Stats;
  let bytes: Buffer;
  try {
    target = realpathSync(file);
    stats = statSync(target);
    if (!stats.isFile()) return { status: 'refused', reason: 'not a regular file' };
    bytes = readFileSync(target);
  } catch (error) {
    return { status: 'failed', reason: `cannot be read again (${errorCode(error)})` };
  }
  const read = decodeUtf8(bytes);
  if (!read.ok) return { status: 'refused', reason: badUtf8Message(read.bad) };
  if (read.text !== text) return { status: 'changed' };
  const accepted = selectFixes(fixes.filter((fix) => fix.edits.every((edit) => fitsText(text, edit))));
  if (accepted.length === 0) return { status: 'fixed', applied: 0 };
  const written = replaceContent(target, stats, bytes, spliceBytes(bytes, text, editsOf(accepted)));
  return written === 'written' ? { status: 'fixed', applied: accepted.length } : written;
}

/**
 * The new bytes: the old ones with each edit's range replaced, every other byte copied as it was. Offsets are in
 * UTF-16 code units of `text`, which is the exact decoding of `bytes`, so each converts to one byte offset.
 */
export function spliceBytes(bytes: Buffer, text: string, edits: readonly FileEdit[]): Buffer {
  const parts: Buffer[] = [];
  let textAt = 0;
  let byteAt = 0;
  const byteOffset = (offset: number): number => {
    byteAt += Buffer.byteLength(text.slice(textAt, offset));
    textAt = offset;
    return byteAt;
  };
  let copied = 0;
  for (const edit of edits) {
    const start = byteOffset(edit.start);
    const end = byteOffset(edit.end);
    parts.push(bytes.subarray(copied, start), Buffer.from(edit.text, 'utf8'));
    copied = end;
  }
  parts.push(bytes.subarray(copied));
  return Buffer.concat(parts);
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** An edit lies inside the text, between whole characters, and inserts text that UTF-8 can hold. */
function fitsText(text: string, edit: FileEdit): boolean {
  const between = (offset: number) => Number.isInteger(offset) && offset >= 0 && offset <= text.length &&
    !(/[\uD800-\uDBFF]/.test(text[offset - 1] ?? '') && /[\uDC00-\uDFFF]/.test(text[offset] ?? ''));
  return edit.start <= edit.end && between(edit.start) && between(edit.end) && !LONE_SURROGATE.test(edit.text);
}

/**
 * Writes `content` to a temporary file in the target's folder (so the rename cannot cross file systems), flushes it,
 * gives it the target's mode and, where permitted, its owner, checks that the target still holds `expected`, and
 * renames it over the target. Any failure removes the temporary file and leaves the target as it was.
 */
function replaceContent(target: string, stats: Stats, expected: Buffer, content: Buffer): 'written' | FixOutcome {
  const temporary = join(dirname(target), `.${basename(target)}.${process.pid}-${crypto().randomBytes(4).toString('hex')}${TEMPORARY_SUFFIX}`);
  let fd: number | undefined;
  try {
    fd = openSync(temporary, 'wx', 0o600);
    for (let at = 0; at < content.length;) at += writeSync(fd, content, at);
    fsyncSync(fd);
    fchmodSync(fd, stats.mode & 0o7777);
    try {
      fchownSync(fd, stats.uid, stats.gid);
    } catch {
      // Only the owner's group, or root, may give a file away; the file then keeps the writer's ownership.
    }
    closeSync(fd);
    fd = undefined;
    // The last moment another program's write can be seen: fixes are never applied over content they were not made for.
    if (!readFileSync(target).equals(expected)) {
      unlinkSync(temporary);
      return { status: 'changed' };
    }
    renameSync(temporary, target);
    syncFolder(dirname(target));
    return 'written';
  } catch (error) {
    if (fd !== undefined) closeQuietly(fd);
    try {
      unlinkSync(temporary);
    } catch {
      // It was never created, or is already gone.
    }
    return { status: 'failed', reason: `cannot be written (${errorCode(error)}); the file is unchanged` };
  }
}

/** Makes the rename itself durable; a file system that cannot sync a folder still has the renamed file. */
function syncFolder(folder: string): void {
  let fd: number | undefined;
  try {
    fd = openSync(folder, 'r');
    fsyncSync(fd);
  } catch {
    // Not every file system lets a folder be opened or synced.
  } finally {
    if (fd !== undefined) closeQuietly(fd);
  }
}

function closeQuietly(fd: number): void {
  try {
    closeSync(fd);
  } catch {
    // Closing after a failed write can fail the same way; the descriptor is released either way.
  }
}
