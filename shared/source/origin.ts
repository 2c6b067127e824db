// Maps positions in a script's runnable text back to the file the user wrote (Markdown, JSON string, .py).
//
// A script often lives inside something else: a fenced block, a JSON string with escapes, a Python string
// literal. Diagnostics and tracebacks must point at the original file, so every Script carries an OriginMap.

/** 1-based line and column, as people and editors count them (columns in UTF-16 code units). */
export interface Position {
  line: number;
  column: number;
}

/** Offsets of each line start in a text; converts offsets to positions and back. */
export class LineIndex {
  readonly starts: number[];

  constructor(readonly text: string) {
    this.starts = [0];
    if (!text.includes('\r')) {
      // Nearly every file: its line breaks found by indexOf rather than character by character.
      for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) this.starts.push(i + 1);
      return;
    }
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 10) this.starts.push(i + 1);
      else if (c === 13 && text.charCodeAt(i + 1) !== 10) this.starts.push(i + 1);
    }
  }

  position(offset: number): Position {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - this.starts[lo] + 1 };
  }

  offset(position: Position): number {
    const start = this.starts[Math.min(Math.max(position.line - 1, 0), this.starts.length - 1)];
    return Math.min(start + position.column - 1, this.text.length);
  }
}

/**
 * A piecewise-linear map from offsets in a derived text to offsets in the original file. Each segment says
 * "from text offset t on, text advances one-for-one with original offset o", until the next segment.
 */
export class OriginMap {
  private readonly textStarts: number[] = [];
  private readonly originStarts: number[] = [];

  constructor(
    /** Path of the original file, as given to the loader. */
    readonly file: string,
    /** Line index of the original file's whole text. */
    readonly original: LineIndex,
  ) {}

  /** The whole text is a slice of the original starting at `originOffset`. */
  static slice(file: string, original: LineIndex, originOffset: number): OriginMap {
    const map = new OriginMap(file, original);
    map.add(0, originOffset);
    return map;
  }

  /** Declares that text offset `textOffset` comes from original offset `originOffset` (offsets must increase). */
  add(textOffset: number, originOffset: number): void {
    const n = this.textStarts.length;
    if (n > 0) {
      const last = n - 1;
      if (this.originStarts[last] + (textOffset - this.textStarts[last]) === originOffset) return;
      if (this.textStarts[last] === textOffset) {
        this.originStarts[last] = originOffset;
        return;
      }
    }
    this.textStarts.push(textOffset);
    this.originStarts.push(originOffset);
  }

  /** Original-file offset of a text offset. */
  originOffset(textOffset: number): number {
    const k = this.segmentAt(textOffset);
    return k < 0 ? textOffset : this.originStarts[k] + (textOffset - this.textStarts[k]);
  }

  /** The segment a text offset falls in (the first for offsets before it); -1 when the map has none. */
  private segmentAt(textOffset: number): number {
    let lo = 0;
    let hi = this.textStarts.length - 1;
    if (hi < 0) return -1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.textStarts[mid] <= textOffset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  /**
   * The runs of text offsets `[start, end)` that advance one-for-one with the original: where each run starts, in the
   * text and in the original. Copying a mapped text run by run rather than character by character is what keeps
   * loading a project's scripts quick.
   */
  runs(start: number, end: number): Array<{ text: number; origin: number }> {
    if (end <= start) return [];
    const runs = [{ text: start, origin: this.originOffset(start) }];
    let k = this.segmentAt(start) + 1;
    for (; k < this.textStarts.length && this.textStarts[k] < end; k++) runs.push({ text: this.textStarts[k], origin: this.originStarts[k] });
    return runs;
  }

  /** Original-file position of a text offset. */
  position(textOffset: number): Position {
    return this.original.position(this.originOffset(textOffset));
  }

  /** A map for a text derived from this one, whose offsets map through `inner` into this text. */
  compose(inner: (offset: number) => number): (textOffset: number) => Position {
    return (offset) => this.position(inner(offset));
  }
}
