// Applies position-preserving text edits and records, for every output offset, the input offset it came from.
import { LineIndex, OriginMap } from '../source/origin';

/**
 * One edit: replace [start, end) with `text` (an insertion when start === end). `rank` orders edits that touch
 * the same offset: lower first. Openings of enclosing nodes get lower ranks than those of nested ones, closings the
 * reverse, so that `_p2_div(_p2_div(a , b) , c)` comes out balanced.
 */
export interface Edit {
  start: number;
  end: number;
  text: string;
  rank: number;
}

export interface EditedText {
  code: string;
  /** Output offset to input offset; inserted characters map to the offset where they were inserted. */
  map: OriginMap;
}

/** Applies edits to `input`. Replacements must not overlap one another; insertions may share offsets. */
export function applyEdits(file: string, input: string, edits: Edit[]): EditedText {
  const sorted = [...edits].sort((a, b) => a.start - b.start || a.end - a.start - (b.end - b.start) || a.rank - b.rank);
  const map = new OriginMap(file, new LineIndex(input));
  const parts: string[] = [];
  let outLength = 0;
  let cursor = 0;
  const copyTo = (offset: number): void => {
    if (offset <= cursor) return;
    map.add(outLength, cursor);
    parts.push(input.slice(cursor, offset));
    outLength += offset - cursor;
    cursor = offset;
  };
  for (const edit of sorted) {
    if (edit.start < cursor) continue;
    copyTo(edit.start);
    for (let i = 0; i < edit.text.length; i++) map.add(outLength + i, edit.start);
    parts.push(edit.text);
    outLength += edit.text.length;
    cursor = edit.end;
  }
  copyTo(input.length);
  map.add(outLength, input.length);
  return { code: parts.join(''), map };
}
