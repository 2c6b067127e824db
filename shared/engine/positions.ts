// Maps positions Python reports in translated code back to the user's original file, for errors and divergences.
import type { Translation } from '../jython/translate';
import { LineIndex } from '../source/origin';
import type { Script } from '../source/script';
import type { ColumnFinder, FrameActivity } from './jython/columns';
import type { Divergence, PyError, PyFrame } from './types';
import type { PythonFailure } from './protocol';

/** Where something is in the user's file. */
export interface SourcePosition {
  file: string;
  line: number;
  column?: number;
  text?: string;
}

/** A script as the engine compiled it: the translation plus the way back through it and the script's origin. */
export class LoadedScript {
  private readonly codeLines: LineIndex;

  constructor(
    readonly script: Script,
    readonly translation: Translation,
    /** For an interpreter that reports frames without columns (Jython): finds them in the code's syntax tree. */
    private readonly columns?: ColumnFinder,
  ) {
    this.codeLines = new LineIndex(translation.code);
  }

  /** Position of a line (1-based) and column (0-based, or null for "somewhere on the line") of the translated code. */
  position(line: number, column: number | null): SourcePosition {
    const lineStart = this.codeLines.offset({ line, column: 1 });
    const indent = /^[ \t]*/.exec(this.translation.code.slice(lineStart))![0].length;
    const codeOffset = this.codeLines.offset({ line, column: (column ?? indent) + 1 });
    return this.positionOfText(this.translation.map.originOffset(codeOffset), column !== null);
  }

  /** Position of a frame of the translated code, its column found from what it was doing when the interpreter gave none. */
  framePosition(line: number, column: number | null, activity: FrameActivity): SourcePosition {
    return this.position(line, column ?? this.columns?.(line, activity) ?? null);
  }

  /** Position of an offset in the script's own text. */
  positionOfText(textOffset: number, withColumn = true): SourcePosition {
    const origin = this.script.origin;
    const { line, column } = origin.position(textOffset);
    const starts = origin.original.starts;
    const text = origin.original.text.slice(starts[line - 1], starts[line] ?? origin.original.text.length).trim();
    return { file: origin.file, line, ...(withColumn ? { column } : {}), text };
  }

  /** The line of a top-level `def name(` in the script, if it has one. */
  definitionOf(name: string): SourcePosition | undefined {
    const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    const found = new RegExp(`^def[ \\t]+${escaped}[ \\t]*\\(`, 'm').exec(this.script.text);
    return found ? this.positionOfText(found.index, false) : undefined;
  }

  /** The SyntaxError that refuses the script, before it runs, at an offset of its text. */
  refusal(textOffset: number, message: string): PyError {
    const where = this.positionOfText(textOffset);
    return { type: 'SyntaxError', message, file: where.file, line: where.line, column: where.column, traceback: [{ ...where, function: '<module>' }], cause: 'syntax' };
  }

  /** The translator's Python-3-only findings as divergences at the user's positions. */
  divergences(): Divergence[] {
    return this.translation.py3Only.map(({ offset, message }) => {
      const { file, line, column } = this.positionOfText(offset);
      return { rule: 'py3-only', message, file, line, column };
    });
  }
}

const maxRepeatedFrames = 3;

function samePlace(a: PyFrame, b: PyFrame): boolean {
  return a.file === b.file && a.line === b.line && a.column === b.column && a.function === b.function;
}

/** Turns a raw Python failure into a PyError at the user's positions; `fallback` places errors with no user frame. */
export function toPyError(
  failure: PythonFailure,
  cause: PyError['cause'],
  scripts: ReadonlyMap<string, LoadedScript>,
  fallback: SourcePosition,
): PyError {
  const traceback: PyFrame[] = [];
  let repeated = 0;
  for (const [index, [filename, line, column, name]] of failure.frames.entries()) {
    const loaded = scripts.get(filename);
    if (!loaded) continue;
    const callee = failure.frames[index + 1]?.[3];
    const activity: FrameActivity = callee === undefined ? { raised: failure } : { calling: callee };
    const frame: PyFrame = { ...loaded.framePosition(line, column, activity), function: name };
    // Runaway recursion repeats one frame hundreds of times; like Python's display, keep the first few.
    const previous = traceback.at(-1);
    repeated = previous && samePlace(previous, frame) ? repeated + 1 : 0;
    if (repeated < maxRepeatedFrames) traceback.push(frame);
  }
  if (failure.syntax) {
    const [filename, line, column] = failure.syntax;
    const loaded = scripts.get(filename);
    if (loaded) traceback.push({ ...loaded.position(line, column), function: '<module>' });
  }
  const where = traceback.at(-1) ?? fallback;
  return {
    type: failure.type,
    message: failure.message,
    file: where.file,
    line: where.line,
    ...(where.column !== undefined ? { column: where.column } : {}),
    traceback,
    cause: failure.syntax ? 'syntax' : cause,
  };
}
