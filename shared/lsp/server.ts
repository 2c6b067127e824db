// Periscope's language server: the linter, hovers, completion, navigation, code actions, Run lenses and embedded
// script editing over LSP, for VS Code (vscode/) and any other editor (`periscope lsp --stdio`).
//
// Language logic lives in shared/language/; this file only turns protocol messages into calls there and back.
import {
  CodeActionKind, DidChangeWatchedFilesNotification, ResponseError, TextDocumentSyncKind,
  type CodeAction as LspCodeAction, type CodeLens, type Connection, type InitializeParams, type Location, type WorkspaceEdit,
} from 'vscode-languageserver/node';
import { codeActions } from '../language/code-actions';
import { completion } from '../language/completion';
import type { FileEdit, FileLocation } from '../language/file-view';
import { hover } from '../language/hover';
import { definition, references } from '../language/navigation';
import { runLenses, targetKey } from '../language/run-target';
import { signatureHelp } from '../language/signature-help';
import { Workspace, type Unit } from '../language/workspace';
import { ConfigError, findLintConfig, type LintConfig } from '../lint/config';
import type { Diagnostic } from '../lint/diagnostic';
import { sharedLinter, type LintOptions } from '../lint/linter';
import { COMPLETION_KINDS, FileTexts, offsetRange, toLspDiagnostic } from './convert';
import { DiskWatcher } from './disk-watcher';
import { OpenDocuments } from './documents';
import { EmbeddedScriptRequests } from './embedded-requests';
import { SessionRuns, type RunArguments } from './session-runs';
import { readSettings, type ServerSettings } from './settings';
import { pathToUri, uriToPath } from './uris';

/** The server's commands (workspace/executeCommand), for editors without the VS Code client. */
export const COMMANDS = { run: 'periscope.simulate', runScenario: 'periscope.simulateScenario', writeEmbedded: 'periscope.writeEmbeddedScript' } as const;

export function startServer(connection: Connection): void {
  let settings: ServerSettings = {};
  let folders: string[] = [];
  let configs = new Map<string, LintConfig>();
  const log = (message: string) => connection.console.log(message);
  const pause = () => new Promise<void>((done) => setImmediate(done));
  let ready: Promise<void> = Promise.resolve();
  let diskWatcher: DiskWatcher | undefined;

  const linterReady = sharedLinter();
  let ruleIds: string[] = [];
  let workspace!: Workspace;
  let documents!: OpenDocuments;

  const lintOptions = (unit: Unit, file: string): { options: LintOptions; problems: Diagnostic[] } => {
    let config: LintConfig = { rules: {} };
    const problems: Diagnostic[] = [];
    try {
      config = findLintConfig(file, new Set(ruleIds), configs);
    } catch (error) {
      if (!(error instanceof ConfigError)) throw error;
      problems.push({ file, line: 1, column: 1, endLine: 1, endColumn: 1, severity: 'error', rule: 'config', message: error.message });
    }
    const target = settings.target && settings.target !== 'auto' ? settings.target : config.target ?? unit.target;
    const options: LintOptions = { rules: config.rules, globals: unit.globals, projectRest: workspace.factsExcept(unit, file) };
    if (target) options.target = target;
    return { options, problems };
  };
  connection.onInitialize(async (params: InitializeParams) => {
    const linter = await linterReady;
    ruleIds = linter.rules.map((r) => r.id);
    settings = readSettings(params.initializationOptions);
    folders = (params.workspaceFolders?.map((f) => uriToPath(f.uri)) ?? [params.rootUri ? uriToPath(params.rootUri) : undefined]).filter((f): f is string => Boolean(f));
    workspace = new Workspace(linter, (file) => documents.textOf(file));
    documents = new OpenDocuments({
      workspace, linter, lintOptions, log,
      publish: (doc, diagnostics) => void connection.sendDiagnostics({ uri: doc.uri, version: doc.doc.version, diagnostics: diagnostics.map(toLspDiagnostic) }),
      factsChanged: (unit, except) => {
        if (unit.kind === 'project') documents.relintAll(except);
      },
    });
    const watchDynamically = Boolean(params.capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration);
    connection.onInitialized(() => {
      if (watchDynamically) void connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: '**/*.{py,md,json,bin,sql}' }] });
      ready = indexFolders().then(() => {
        // An editor that cannot report changes on disk gets the server's own watch of its projects and folders.
        if (!watchDynamically) diskWatcher = new DiskWatcher(folders, (files) => void filesChanged(files), log);
      });
    });
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } },
        hoverProvider: true,
        completionProvider: { triggerCharacters: ['.', '"', "'", '(', ',', '/'] },
        signatureHelpProvider: { triggerCharacters: ['(', ','], retriggerCharacters: ['='] },
        definitionProvider: true,
        referencesProvider: true,
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, CodeActionKind.SourceFixAll] },
        codeLensProvider: { resolveProvider: false },
        executeCommandProvider: { commands: Object.values(COMMANDS) },
      },
      serverInfo: { name: 'periscope', version: '0.1.0' },
    };
  });

  const status = (text: string) => void connection.sendNotification('periscope/status', { text });

  const indexFolders = async (): Promise<void> => {
    status('Periscope: indexing…');
    const started = Date.now();
    await workspace.addFolders(folders, pause);
    const projects = workspace.units.filter((u) => u.kind === 'project').length;
    log(`indexed ${projects} project${projects === 1 ? '' : 's'} in ${Date.now() - started} ms`);
    status(projects === 0 ? 'Periscope: ready' : `Periscope: ${projects} project${projects === 1 ? '' : 's'}`);
    documents.relintAll();
    runs.warm();
  };

  connection.onDidChangeConfiguration((params) => {
    const next = (params.settings as { periscope?: unknown } | undefined)?.periscope;
    if (next === undefined) return;
    const previous = settings;
    settings = readSettings(next);
    runs.settingsChanged(previous, settings);
    documents.relintAll();
  });

  // A document opened while the workspace is indexed is linted as soon as its project is read (facts follow).
  connection.onDidOpenTextDocument(({ textDocument: d }) => void documents.opened(d.uri, d.languageId, d.version, d.text));
  connection.onDidChangeTextDocument(({ textDocument: d, contentChanges }) => documents.changed(d.uri, d.version, contentChanges));
  connection.onDidCloseTextDocument(async ({ textDocument: d }) => {
    const closed = documents.closed(d.uri);
    if (!closed) return;
    void connection.sendDiagnostics({ uri: d.uri, diagnostics: [] });
    // The disk's text stands for the file again.
    if (!closed.embedded) await workspace.filesChanged([closed.path], pause);
  });

  const filesChanged = async (paths: string[]): Promise<void> => {
    await ready;
    if (paths.some((p) => p.endsWith('periscope.json'))) configs = new Map();
    await workspace.filesChanged(paths.filter((p) => documents.textOf(p) === undefined), pause);
    documents.relintAll();
  };
  connection.onDidChangeWatchedFiles(({ changes }) => filesChanged(changes.map((c) => uriToPath(c.uri)).filter((p): p is string => Boolean(p))));

  connection.onHover(async ({ textDocument, position }, token) => {
    const view = await documents.view(textDocument.uri);
    if (!view || token.isCancellationRequested) return null;
    const doc = documents.get(textDocument.uri)!.doc;
    const found = hover(view, doc.offsetAt(position));
    return found ? { contents: { kind: 'markdown', value: found.markdown }, range: offsetRange(doc, found.start, found.end) } : null;
  });

  connection.onCompletion(async ({ textDocument, position }, token) => {
    const view = await documents.view(textDocument.uri);
    if (!view || token.isCancellationRequested) return null;
    const doc = documents.get(textDocument.uri)!.doc;
    return completion(view, doc.offsetAt(position)).map((item, i) => ({
      label: item.label,
      kind: COMPLETION_KINDS[item.kind],
      sortText: String(i).padStart(5, '0'),
      ...(item.detail ? { detail: item.detail } : {}),
      ...(item.documentation ? { documentation: { kind: 'markdown' as const, value: item.documentation } } : {}),
      ...(item.deprecated ? { tags: [1 as const] } : {}),
      textEdit: { range: offsetRange(doc, item.start, item.end), newText: item.insertText ?? item.label },
    }));
  });

  connection.onSignatureHelp(async ({ textDocument, position }, token) => {
    const view = await documents.view(textDocument.uri);
    if (!view || token.isCancellationRequested) return null;
    const doc = documents.get(textDocument.uri)!.doc;
    return signatureHelp(view, doc.offsetAt(position)) ?? null;
  });

  const locations = (found: FileLocation[]): Location[] => {
    const texts = new FileTexts((file) => workspace.textOf(file));
    return found.flatMap((l) => {
      const doc = texts.get(l.file);
      return doc ? [{ uri: pathToUri(l.file), range: offsetRange(doc, l.start, l.end) }] : [];
    });
  };

  connection.onDefinition(async ({ textDocument, position }) => {
    const view = await documents.view(textDocument.uri);
    if (!view) return null;
    return locations(definition(view, documents.get(textDocument.uri)!.doc.offsetAt(position)));
  });

  connection.onReferences(async ({ textDocument, position, context }) => {
    const view = await documents.view(textDocument.uri);
    if (!view) return null;
    return locations(references(view, documents.get(textDocument.uri)!.doc.offsetAt(position), context.includeDeclaration));
  });

  const workspaceEdit = (edits: FileEdit[]): WorkspaceEdit => {
    const texts = new FileTexts((file) => workspace.textOf(file));
    const changes: Record<string, Array<{ range: ReturnType<typeof offsetRange>; newText: string }>> = {};
    for (const e of edits) {
      const doc = texts.get(e.file);
      if (!doc) continue;
      (changes[pathToUri(e.file)] ??= []).push({ range: offsetRange(doc, e.start, e.end), newText: e.text });
    }
    return { changes };
  };

  connection.onCodeAction(async ({ textDocument, range, context }) => {
    const state = documents.get(textDocument.uri);
    const view = await documents.view(textDocument.uri);
    if (!state || !view) return null;
    const start = state.doc.offsetAt(range.start);
    const end = state.doc.offsetAt(range.end);
    const actions = codeActions(state.path, view.text, view.scripts, state.diagnostics, start, end)
      .filter((a) => !context.only || context.only.some((kind) => a.kind.startsWith(kind)));
    return actions.map((a): LspCodeAction => ({
      title: a.title,
      kind: a.kind === 'quickfix' ? CodeActionKind.QuickFix : CodeActionKind.SourceFixAll,
      ...(a.diagnostic ? { diagnostics: [toLspDiagnostic(a.diagnostic)] } : {}),
      ...(a.preferred ? { isPreferred: true } : {}),
      edit: workspaceEdit(a.edits),
    }));
  });

  connection.onCodeLens(async ({ textDocument }) => {
    const state = documents.get(textDocument.uri);
    const view = await documents.view(textDocument.uri);
    if (!state || !view || state.embedded) return [];
    return runLenses(view.scripts).map((lens): CodeLens => ({
      range: offsetRange(state.doc, lens.offset, lens.offset),
      command: {
        title: lens.title,
        command: 'periscope.runHandler',
        arguments: [{ uri: textDocument.uri, target: lens.target, payload: lens.payload, key: targetKey(view.unit.root, lens.target), title: lens.title.replace(/^▶ Run /, '') }],
      },
    }));
  });

  const runs = new SessionRuns(connection, { workspace: () => workspace, settings: () => settings, folders: () => folders, ready: () => ready, log });
  const embedded = new EmbeddedScriptRequests(connection, { workspace: () => workspace, documents: () => documents, workspaceEdit });

  connection.onExecuteCommand(async ({ command, arguments: args = [] }) => {
    if (command === COMMANDS.run) return runs.run(args[0] as RunArguments);
    if (command === COMMANDS.runScenario) return runs.runScenarioFile(String(args[0]));
    if (command === COMMANDS.writeEmbedded) {
      const edit = await embedded.edit(String(args[0]), String(args[1]));
      return (await connection.workspace.applyEdit(edit)).applied;
    }
    throw new ResponseError(1, `unknown command ${command}`);
  });

  connection.onShutdown(() => {
    runs.dispose();
    diskWatcher?.dispose();
  });

  connection.listen();
}
