// An open Python file kept parsed between edits, for the language server: each edit re-parses only what changed.
import { Edit, type Point, type Tree } from 'web-tree-sitter';
import type { Diagnostic } from './diagnostic';
import type { Linter, LintOptions } from './linter';
import type { ScriptRole } from '../source/script';
import { pythonFileScript } from './text-scripts';

export interface TextChange {
  /** Offsets in the text before the change (UTF-16 code units), end exclusive. */
  start: number;
  end: number;
  text: string;
}

export class OpenPythonFile {
  private tree: Tree | undefined;

  constructor(
    private readonly linter: Linter,
    readonly file: string,
    private text: string,
    private readonly role: ScriptRole = { kind: 'module' },
  ) {}

  get content(): string {
    return this.text;
  }

  /** Applies one change to the text and tells tree-sitter which part of the old tree it invalidates. */
  change({ start, end, text }: TextChange): void {
    const before = this.text;
    this.text = before.slice(0, start) + text + before.slice(end);
    if (!this.tree) return;
    const edit = new Edit({
      startIndex: start,
      oldEndIndex: end,
      newEndIndex: start + text.length,
      startPosition: pointAt(before, start),
      oldEndPosition: pointAt(before, end),
      newEndPosition: pointAt(this.text, start + text.length),
    });
    this.tree.edit(edit);
  }

  /** Lints the current text, re-using the previous tree where the text did not change. */
  lint(options: LintOptions = {}): Diagnostic[] {
    const script = pythonFileScript(this.file, this.text, this.role);
    const parsed = this.linter.parse(script, this.tree);
    this.tree?.delete();
    this.tree = parsed.tree;
    return this.linter.lintParsed([parsed], options);
  }

  close(): void {
    this.tree?.delete();
    this.tree = undefined;
  }
}

/** Row and column (UTF-16 units, as web-tree-sitter counts them for JS strings) of an offset. */
function pointAt(text: string, offset: number): Point {
  let row = 0;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
    row++;
    lineStart = i + 1;
  }
  return { row, column: offset - lineStart };
}
