// The documents open in the editor: their text, their scripts (cached per version) and their lint, re-run after
// edits with stale work dropped: a burst of edits lints once, and a lint that finished for an old version is not
// published.
import { TextDocument, type TextDocumentContentChangeEvent } from 'vscode-languageserver-textdocument';
import type { Diagnostic } from '../lint/diagnostic';
import { OpenPythonFile } from '../lint/incremental';
import type { Linter, LintOptions } from '../lint/linter';
import { MAX_SOURCE_BYTES } from '../lint/read-source';
import { problemDiagnostic } from '../lint/sources';
import { embeddedDocumentScript, embeddedScriptNamed, parseEmbeddedPath, type EmbeddedScript } from '../language/embedded-script';
import type { FileView } from '../language/file-view';
import type { FileIndex, Unit, Workspace } from '../language/workspace';
import type { LoadProblem, Script } from '../source/script';
import { uriToPath } from './uris';

export interface OpenDocument {
  uri: string;
  path: string;
  doc: TextDocument;
  /** For the Python document of a script stored in a JSON string. */
  embedded?: EmbeddedScript;
  /** A whole Python file, kept parsed so that an edit re-lints only the statements it touched. */
  python?: OpenPythonFile;
  /** Resolves once the document's kind is known (the script an embedded document shows is looked up). */
  known: Promise<void>;
  /** Why the document is not read (binary, too large), when it is not. */
  skipped?: string;
  scripts?: { version: number; scripts: Script[]; problems: LoadProblem[] };
  /** The diagnostics last published, and the version they are for. */
  diagnostics: Diagnostic[];
  linted: number;
  timer?: NodeJS.Timeout;
  /** The index is brought up to date with the editor's text once edits pause, off the edit-to-diagnostics path. */
  indexTimer?: NodeJS.Timeout;
  /** The index update waiting for edits to pause. */
  pendingIndex?: () => void;
  lastChange: number;
}

/** Edits pause this long before the file's facts (handlers, senders, custom keys) are read again. */
const INDEX_AFTER_MS = 300;

/** Edits closer together than this are a burst: the lint waits for the burst to pause. */
const BURST_MS = 4;

export interface DocumentHost {
  workspace: Workspace;
  linter: Linter;
  lintOptions(unit: Unit, file: string): { options: LintOptions; problems: Diagnostic[] };
  publish(doc: OpenDocument, diagnostics: Diagnostic[]): void;
  /** A file's facts changed in the index: other open files of the unit may lint differently now. */
  factsChanged(unit: Unit, except: OpenDocument): void;
  log(message: string): void;
}

export class OpenDocuments {
  private readonly open = new Map<string, OpenDocument>();

  constructor(private readonly host: DocumentHost) {}

  get(uri: string): OpenDocument | undefined {
    return this.open.get(uri);
  }

  all(): OpenDocument[] {
    return [...this.open.values()];
  }

  /** The editor's text of a file, when it is open. */
  textOf(path: string): string | undefined {
    for (const d of this.open.values()) if (d.path === path && !d.embedded) return d.doc.getText();
    return undefined;
  }

  async opened(uri: string, languageId: string, version: number, text: string): Promise<OpenDocument | undefined> {
    const path = uriToPath(uri);
    if (!path) return undefined;
    const state: OpenDocument = { uri, path, doc: TextDocument.create(uri, languageId, version, text), diagnostics: [], linted: -1, lastChange: 0, known: Promise.resolve() };
    // Known at once, so that edits arriving while the embedded script is looked up are not lost.
    this.open.set(uri, state);
    const embedded = parseEmbeddedPath(path);
    if (embedded) {
      state.known = (async () => {
        const unit = await this.host.workspace.unitOf(embedded.file);
        const json = this.host.workspace.textOf(embedded.file) ?? '';
        const read = await this.host.workspace.scriptsOf(unit, embedded.file, json);
        const found = embeddedScriptNamed(embedded.file, json, read.scripts, embedded.location);
        if (found) state.embedded = found;
      })();
      await state.known;
    }
    this.schedule(state, true);
    return state;
  }

  changed(uri: string, version: number, changes: readonly TextDocumentContentChangeEvent[]): void {
    const state = this.open.get(uri);
    if (!state) return;
    for (const change of changes) {
      if ('range' in change) {
        const start = state.doc.offsetAt(change.range.start);
        const end = state.doc.offsetAt(change.range.end);
        state.python?.change({ start, end, text: change.text });
      } else {
        state.python?.close();
        delete state.python;
      }
      state.doc = TextDocument.update(state.doc, [change], version);
    }
    this.schedule(state, false);
  }

  closed(uri: string): OpenDocument | undefined {
    const state = this.open.get(uri);
    if (!state) return undefined;
    clearTimeout(state.timer);
    clearTimeout(state.indexTimer);
    state.python?.close();
    this.open.delete(uri);
    return state;
  }

  /** Lints every open document again (settings or the project changed). */
  relintAll(except?: OpenDocument): void {
    for (const state of this.open.values()) if (state !== except) this.schedule(state, true);
  }

  /** The document's scripts for its current version. */
  async scripts(state: OpenDocument): Promise<{ unit: Unit; scripts: Script[]; problems: LoadProblem[] }> {
    const workspace = this.host.workspace;
    const version = state.doc.version;
    if (state.embedded) {
      const unit = await workspace.unitOf(state.embedded.file);
      return { unit, scripts: [embeddedDocumentScript(state.path, state.doc.getText(), state.embedded)], problems: [] };
    }
    const unit = await workspace.unitOf(state.path, state.doc.getText());
    if (state.scripts?.version !== version) {
      const read = await workspace.scriptsOf(unit, state.path, state.doc.getText());
      state.scripts = { version, scripts: read.scripts, problems: read.problems };
    }
    return { unit, scripts: state.scripts.scripts, problems: state.scripts.problems };
  }

  /** The document as the language features see it, or undefined when it is not read. */
  async view(uri: string): Promise<FileView | undefined> {
    const state = this.open.get(uri);
    if (!state || this.skipReason(state)) return undefined;
    await state.known;
    // A request about the file sees the facts of its current text (a send just typed is found by references).
    state.pendingIndex?.();
    const { unit, scripts } = await this.scripts(state);
    const { options } = this.host.lintOptions(unit, state.embedded?.file ?? state.path);
    return { workspace: this.host.workspace, unit, file: state.path, text: state.doc.getText(), scripts, target: options.target ?? unit.target ?? '8.3' };
  }

  private schedule(state: OpenDocument, now: boolean): void {
    clearTimeout(state.timer);
    const since = Date.now() - state.lastChange;
    state.lastChange = Date.now();
    state.timer = setTimeout(() => void this.lint(state), now || since > BURST_MS ? 0 : BURST_MS);
  }

  private skipReason(state: OpenDocument): string | undefined {
    const text = state.doc.getText();
    if (text.length > MAX_SOURCE_BYTES) return `${(text.length / 1024 / 1024).toFixed(1)} MB is larger than the ${MAX_SOURCE_BYTES / 1024 / 1024} MB Periscope reads; its scripts are not checked`;
    if (text.slice(0, 8192).includes('\u0000')) return 'a binary file (it contains NUL bytes): Periscope does not read it';
    return undefined;
  }

  private async lint(state: OpenDocument): Promise<void> {
    await state.known;
    const version = state.doc.version;
    const current = () => this.open.get(state.uri) === state && state.doc.version === version;
    try {
      const skip = this.skipReason(state);
      if (skip) {
        this.publishIfCurrent(state, version, [{ file: state.path, line: 1, column: 1, endLine: 1, endColumn: 1, severity: 'info', rule: 'not-read', message: skip }]);
        return;
      }
      const { unit, scripts, problems } = await this.scripts(state);
      if (!current()) return;
      const { options, problems: configProblems } = this.host.lintOptions(unit, state.embedded?.file ?? state.path);
      const diagnostics = [...configProblems, ...problems.filter((p) => p.file === state.path).map(problemDiagnostic).filter((d) => options.rules?.[d.rule] !== 'off'), ...this.lintScripts(state, scripts, options)];
      this.publishIfCurrent(state, version, diagnostics);
      if (!state.embedded) {
        clearTimeout(state.indexTimer);
        state.pendingIndex = () => {
          clearTimeout(state.indexTimer);
          delete state.pendingIndex;
          if (current()) this.updateIndex(state, unit, scripts, problems);
        };
        state.indexTimer = setTimeout(state.pendingIndex, INDEX_AFTER_MS);
      }
    } catch (error) {
      this.host.log(`linting ${state.path} failed: ${(error as Error).stack ?? error}`);
    }
  }

  private lintScripts(state: OpenDocument, scripts: Script[], options: LintOptions): Diagnostic[] {
    const linter = this.host.linter;
    const only = scripts.length === 1 ? scripts[0] : undefined;
    // A whole Python file (not a stored body, not a document) is linted incrementally.
    if (only && !state.embedded && only.id === state.path && state.path.endsWith('.py')) {
      state.python ??= new OpenPythonFile(linter, state.path, state.doc.getText(), only.role);
      return state.python.lint(options);
    }
    return linter.lintScripts(scripts, options);
  }

  private publishIfCurrent(state: OpenDocument, version: number, diagnostics: Diagnostic[]): void {
    if (this.open.get(state.uri) !== state || state.doc.version !== version) return;
    state.diagnostics = diagnostics;
    state.linted = version;
    this.host.publish(state, diagnostics);
  }

  /** Puts the editor's text of the file into the index; when its handlers or sends changed, other files re-lint. */
  private updateIndex(state: OpenDocument, unit: Unit, scripts: Script[], problems: LoadProblem[]): void {
    const before = unit.files.get(state.path);
    this.host.workspace.indexScripts(unit, state.path, scripts, problems);
    if (factsKey(before) !== factsKey(unit.files.get(state.path))) this.host.factsChanged(unit, state);
  }
}

function factsKey(index: FileIndex | undefined): string {
  if (!index) return '';
  return JSON.stringify([index.handlers.map((h) => `${h.kind}:${h.messageType}`).sort(), index.sends.map((s) => `${s.via}:${s.messageType}`).sort(), index.computedUtil, index.customKeys]);
}
