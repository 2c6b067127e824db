// An open Python file kept parsed and linted between edits, for the language server: each edit re-checks only the top-level statements it touched.
import { Edit, type Node as SyntaxNode, type Point, type Tree } from 'web-tree-sitter';
import type { Diagnostic } from './diagnostic';
import { reportOnce, type Linter, type LintOptions, type RawFinding } from './linter';
import type { NameRead, ProjectFacts } from './rule';
import type { Script, ScriptRole } from '../source/script';
import { compareDiagnostics } from './diagnostic';
import { factsFor, gatherFacts, sentMessages, type SentMessages } from './facts';
import { regionNames, scriptNames, type RegionNames } from './names';
import { providedNames, statementNames } from './scope';
import { jythonLexOf } from './jython-parse';
import { pythonFileScript } from './text-scripts';

export interface TextChange {
  /** Offsets in the text before the change (UTF-16 code units), end exclusive. */
  start: number;
  end: number;
  text: string;
}

/** What one top-level statement contributed to the last lint; offsets are relative to the statement's start. */
interface StatementRecord {
  start: number;
  length: number;
  moduleNames: string[];
  names: RegionNames;
  sent: SentMessages;
  findings: RawFinding[];
}

/** The last lint: its statements, and the script-wide facts a statement's findings may depend on. */
interface LintState {
  records: StatementRecord[];
  /** Options, the names the gateway defines, project facts, called names: when it changes, every statement is re-checked. */
  key: string;
}

/** The part of the text changed since the last lint, in today's offsets, and how much longer the text got. */
interface ChangedSpan {
  start: number;
  end: number;
  delta: number;
}

export class OpenPythonFile {
  private tree: Tree | undefined;
  private state: LintState | undefined;
  private changed: ChangedSpan | undefined;

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
    this.changed = widen(this.changed, start, end, text.length);
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

  /**
   * Lints the current text, re-using the previous tree where the text did not change, and the previous findings of
   * every top-level statement whose text did not change, as long as the script-wide facts are the same.
   */
  lint(options: LintOptions = {}): Diagnostic[] {
    const script = pythonFileScript(this.file, this.text, this.role);
    const parsed = this.linter.parse(script, this.tree);
    this.tree?.delete();
    this.tree = parsed.tree;
    const root = parsed.tree.rootNode;
    const changed = this.changed ?? { start: Infinity, end: Infinity, delta: 0 };
    this.changed = undefined;
    // Error recovery can reach across statements: a file with a syntax error is linted whole, and so is the next one.
    // So is one where Jython's tokenizer drops text or stops: an unclosed quote reaches past its statement.
    const lex = jythonLexOf(parsed.tree);
    if (root.hasError || lex.error || lex.dropped.length > 0) {
      this.state = undefined;
      return this.linter.lintParsed([parsed], options);
    }
    const statements = root.namedChildren.filter((n): n is SyntaxNode => n !== null);
    const previous = this.state;
    const [from, to, kept] = previous ? unchanged(statements, previous.records, changed) : [0, statements.length, 0];
    const state = this.relint(script, parsed.tree, statements, from, to, previous && { records: previous.records, kept, key: previous.key }, options);
    const diagnostics = state.diagnostics;
    this.state = state.state;
    return diagnostics;
  }

  close(): void {
    this.tree?.delete();
    this.tree = undefined;
    this.state = undefined;
    this.changed = undefined;
  }

  private relint(
    script: Script,
    tree: Tree,
    statements: readonly SyntaxNode[],
    from: number,
    to: number,
    previous: { records: readonly StatementRecord[]; kept: number; key: string } | undefined,
    options: LintOptions,
  ): { diagnostics: Diagnostic[]; state: LintState } {
    const linter = this.linter;
    const text = script.text;
    const dirty = statements.slice(from, to);
    const records: StatementRecord[] = [];
    if (previous) records.push(...previous.records.slice(0, from));
    const fresh = dirty.map((node): StatementRecord => ({
      start: node.startIndex,
      length: node.endIndex - node.startIndex,
      moduleNames: script.role.kind === 'module' ? statementNames(node) : [],
      names: { bound: [], reads: [], called: [], printFunction: false },
      sent: { byUtil: [], byPerspective: [], computedUtil: false },
      findings: [],
    }));
    records.push(...fresh);
    if (previous) {
      const tail = previous.records.slice(previous.records.length - previous.kept);
      tail.forEach((record, i) => records.push({ ...record, start: statements[to + i].startIndex }));
    }

    const definedNames = providedNames([{ script, moduleNames: () => records.flatMap((r) => r.moduleNames) }], options.globals)(script);
    const nodes = linter.collect(dirty);
    const parts = splitByStatement(nodes.byType, fresh);
    fresh.forEach((record, i) => {
      const of = (type: string) => parts[i].get(type) ?? [];
      const names = regionNames({ identifiers: of('identifier'), calls: of('call'), futureImports: of('future_import_statement') }, text, definedNames);
      record.names = { ...names, reads: names.reads.map((r) => relative(r, record.start)) };
      record.sent = sentMessages(() => of('call'), text);
    });
    const names = scriptNames(records.map((r) => (r.names.reads.length === 0 ? r.names : { ...r.names, reads: r.names.reads.map((read) => absolute(read, r.start)) })));
    const project = factsFor(options, () => gatherFacts([{ script, sent: records.map((r) => r.sent) }], true));
    const key = stateKey(options, definedNames, project, names.called, names.printFunction);
    if (previous && key !== previous.key) {
      // A fact every statement may depend on changed: check them all.
      return this.relint(script, tree, statements, 0, statements.length, undefined, options);
    }

    // After an edit, the rules' cheap looks at the text are at the lines of the statements checked.
    const checked = previous ? fresh.map((r) => ({ start: text.lastIndexOf('\n', r.start - 1) + 1, end: r.start + r.length })) : undefined;
    const findings = linter.check({ script, tree }, nodes.of, { definedNames, names, project, ...(checked ? { checked } : {}) }, options);
    for (const finding of findings.statements) {
      const record = fresh[statementAt(fresh, finding.start)];
      record?.findings.push(shiftFinding(finding, -record.start));
    }
    const all: RawFinding[] = [...findings.script];
    for (const record of records) for (const finding of record.findings) all.push(shiftFinding(finding, record.start));
    return { diagnostics: reportOnce(linter.diagnostics(script, all, options).sort(compareDiagnostics)), state: { records, key } };
  }
}

/** The changed span after one more change: replacing `[start, end)` with `length` characters. */
function widen(span: ChangedSpan | undefined, start: number, end: number, length: number): ChangedSpan {
  const delta = length - (end - start);
  const inserted = start + length;
  if (!span) return { start, end: inserted, delta };
  const spanEnd = span.end >= end ? span.end + delta : span.end > start ? inserted : span.end;
  return { start: Math.min(span.start, start), end: Math.max(spanEnd, inserted), delta: span.delta + delta };
}

/**
 * The statements to check again, `[from, to)`, and how many at the end were kept: the statements before the changed
 * span and those after it keep their findings, when they still span the same text (a change after a block can
 * extend it).
 */
function unchanged(statements: readonly SyntaxNode[], records: readonly StatementRecord[], changed: ChangedSpan): [number, number, number] {
  let from = 0;
  while (from < statements.length && from < records.length) {
    const node = statements[from];
    const record = records[from];
    if (record.start + record.length >= changed.start || node.startIndex !== record.start || node.endIndex !== record.start + record.length) break;
    from++;
  }
  let kept = 0;
  while (kept < statements.length - from && kept < records.length - from) {
    const node = statements[statements.length - 1 - kept];
    const record = records[records.length - 1 - kept];
    const start = record.start + changed.delta;
    if (start <= changed.end || node.startIndex !== start || node.endIndex !== start + record.length) break;
    kept++;
  }
  return [from, statements.length - kept, kept];
}

/** The nodes of each statement, from the nodes of all of them (both in document order). */
function splitByStatement(byType: ReadonlyMap<string, readonly SyntaxNode[]>, records: readonly StatementRecord[]): Array<Map<string, SyntaxNode[]>> {
  const parts = records.map(() => new Map<string, SyntaxNode[]>());
  for (const [type, list] of byType) {
    let r = 0;
    for (const node of list) {
      while (r + 1 < records.length && node.startIndex >= records[r + 1].start) r++;
      const part = parts[r];
      let bucket = part.get(type);
      if (!bucket) part.set(type, (bucket = []));
      bucket.push(node);
    }
  }
  return parts;
}

/** The index of the statement holding an offset. */
function statementAt(records: readonly StatementRecord[], offset: number): number {
  let r = 0;
  while (r + 1 < records.length && offset >= records[r + 1].start) r++;
  return r;
}

function relative(read: NameRead, start: number): NameRead {
  return { name: read.name, start: read.start - start, end: read.end - start };
}

function absolute(read: NameRead, start: number): NameRead {
  return { name: read.name, start: read.start + start, end: read.end + start };
}

function shiftFinding(finding: RawFinding, by: number): RawFinding {
  if (by === 0) return finding;
  const shifted: RawFinding = { ...finding, start: finding.start + by, end: finding.end + by };
  if (finding.fix) shifted.fix = { ...finding.fix, edits: finding.fix.edits.map((e) => ({ ...e, start: e.start + by, end: e.end + by })) };
  return shifted;
}

/** Everything outside a statement that its findings may depend on, as one comparable string. */
function stateKey(options: LintOptions, definedNames: ReadonlySet<string>, project: ProjectFacts, called: ReadonlySet<string>, printFunction: boolean): string {
  const sorted = (set: ReadonlySet<string>) => [...set].sort();
  return JSON.stringify([
    options.target ?? null,
    options.rules ?? null,
    sorted(definedNames),
    sorted(project.sessionMessageTypes),
    sorted(project.componentMessageTypes),
    sorted(project.sentByUtil),
    sorted(project.sentByPerspective),
    project.complete ?? null,
    sorted(called),
    printFunction,
  ]);
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
