// Periscope's language server: the linter, hovers, completion, navigation, code actions, Run lenses and embedded
// script editing over LSP, for VS Code (vscode/) and any other editor (`periscope lsp --stdio`).
//
// Language logic lives in shared/language/; this file only turns protocol messages into calls there and back.
import { basename, dirname, isAbsolute, resolve } from 'node:path';
import {
  CodeActionKind, DidChangeWatchedFilesNotification, ResponseError, TextDocumentSyncKind,
  type CodeAction as LspCodeAction, type CodeLens, type Connection, type InitializeParams, type Location, type WorkspaceEdit,
} from 'vscode-languageserver/node';
import { codeActions } from '../language/code-actions';
import { completion } from '../language/completion';
import { embeddedScriptAt, embeddedScriptNamed, parseEmbeddedPath, writeEmbeddedScript } from '../language/embedded-script';
import type { FileEdit, FileLocation } from '../language/file-view';
import { hover } from '../language/hover';
import { definition, references } from '../language/navigation';
import { runReport, type RunReport } from '../language/run-report';
import { runLenses, runScenario, targetKey, type RunTarget } from '../language/run-target';
import { signatureHelp } from '../language/signature-help';
import { Workspace, type Unit } from '../language/workspace';
import { ConfigError, findLintConfig, type LintConfig } from '../lint/config';
import type { Diagnostic } from '../lint/diagnostic';
import { sharedLinter, type LintOptions } from '../lint/linter';
import type { TargetVersion } from '../lint/rule';
import { readScenario, ScenarioError } from '../runtime/scenario';
import { COMPLETION_KINDS, FileTexts, offsetRange, toLspDiagnostic } from './convert';
import { OpenDocuments } from './documents';
import { Simulator, SimulatorError } from './simulator';
import { pathToUri, uriToPath } from './uris';

/** The `periscope.*` settings an editor sends. */
export interface ServerSettings {
  target?: TargetVersion | 'auto';
  /** A periscope.json to simulate against instead of the one beside the scripts. */
  fixturesFile?: string;
  strict?: boolean;
  /** The Node.js that runs the simulator. */
  nodePath?: string;
  scriptTimeoutSeconds?: number;
  engine?: string;
}

export interface RunArguments {
  uri: string;
  target: RunTarget;
  payload?: Record<string, unknown>;
}

/** The server's commands (workspace/executeCommand), for editors without the VS Code client. */
export const COMMANDS = { run: 'periscope.simulate', runScenario: 'periscope.simulateScenario', writeEmbedded: 'periscope.writeEmbeddedScript' } as const;

export function startServer(connection: Connection): void {
  let settings: ServerSettings = {};
  let folders: string[] = [];
  let configs = new Map<string, LintConfig>();
  const log = (message: string) => connection.console.log(message);
  const pause = () => new Promise<void>((done) => setImmediate(done));
  let simulator: Simulator | undefined;
  const runs = new Map<string, AbortController>();
  let ready: Promise<void> = Promise.resolve();

  const linterReady = sharedLinter();
  let ruleIds: string[] = [];
  let workspace!: Workspace;
  let documents!: OpenDocuments;

  const simulatorFor = (): Simulator => {
    if (!simulator) {
      simulator = new Simulator({ nodePath: settings.nodePath || undefined, scriptTimeoutSeconds: settings.scriptTimeoutSeconds, engine: settings.engine, log });
      // The server only relays inspector frames between the editor and the live runtime in the simulator.
      simulator.onInspector({
        frame: (inspector, text) => void connection.sendNotification('periscope/inspector/frame', { inspector, text }),
        closed: (inspector, reason) => void connection.sendNotification('periscope/inspector/closed', { inspector, reason }),
      });
    }
    return simulator;
  };

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
      ready = indexFolders();
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
    simulatorFor().warm();
  };

  connection.onDidChangeConfiguration((params) => {
    const next = (params.settings as { periscope?: unknown } | undefined)?.periscope;
    if (next === undefined) return;
    const previous = settings;
    settings = readSettings(next);
    if (previous.nodePath !== settings.nodePath || previous.scriptTimeoutSeconds !== settings.scriptTimeoutSeconds || previous.engine !== settings.engine) {
      simulator?.dispose();
      simulator = undefined;
    }
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

  connection.onDidChangeWatchedFiles(async ({ changes }) => {
    await ready;
    const paths = changes.map((c) => uriToPath(c.uri)).filter((p): p is string => Boolean(p));
    if (paths.some((p) => p.endsWith('periscope.json'))) configs = new Map();
    await workspace.filesChanged(paths.filter((p) => documents.textOf(p) === undefined), pause);
    documents.relintAll();
  });

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
        arguments: [{ uri: textDocument.uri, target: lens.target, payload: lens.payload, key: targetKey(view.unit.root, lens.target), title: lens.title.replace(/^▶ /, '') }],
      },
    }));
  });

  /** Runs a handler or event in the simulator; a newer run of the same target cancels this one. */
  const run = async (args: RunArguments): Promise<RunReport | { error: string }> => {
    await ready;
    const path = uriToPath(args.uri);
    if (!path) return { error: `${args.uri} is not a file Periscope can run` };
    const unit = await workspace.unitOf(path);
    const key = targetKey(unit.root, args.target);
    runs.get(key)?.abort();
    const controller = new AbortController();
    runs.set(key, controller);
    const fixturesFile = settings.fixturesFile ? resolveSetting(settings.fixturesFile, folders[0] ?? dirname(path)) : undefined;
    const request = { source: unit.root, target: args.target, payload: (args.payload ?? {}) as never, ...(fixturesFile ? { fixturesFile } : {}), strict: settings.strict ?? false };
    const what = args.target.kind === 'session-event' ? args.target.event : args.target.messageType;
    const title = `${what} (${basename(unit.root)})`;
    try {
      const result = await simulatorFor().run({ source: request.source, scenario: runScenario(unit, request), fixturesFile: request.fixturesFile, strict: request.strict }, controller.signal);
      return runReport(title, result, args.target.kind === 'session-event' ? what : `message ${what}`);
    } catch (error) {
      if (error instanceof SimulatorError) return { error: error.message };
      throw error;
    } finally {
      if (runs.get(key) === controller) runs.delete(key);
    }
  };

  const runScenarioFile = async (file: string): Promise<RunReport | { error: string }> => {
    try {
      const scenario = await readScenario(file);
      const source = scenario.source ?? dirname(file);
      const result = await simulatorFor().run({ source, scenario, strict: settings.strict ?? false, ...(scenario.fixtures ? { fixturesFile: scenario.fixtures } : {}) });
      return runReport(`${scenario.name}`, result);
    } catch (error) {
      if (error instanceof SimulatorError || error instanceof ScenarioError) return { error: error.message };
      throw error;
    }
  };

  connection.onRequest('periscope/run', (args: RunArguments) => run(args));

  /** A live session runtime for the unit of `uri`, driven by an inspector over the inspector protocol. */
  connection.onRequest('periscope/inspector/open', async ({ uri }: { uri: string }) => {
    await ready;
    const path = uriToPath(uri);
    if (!path) throw new ResponseError(1, `${uri} is not a file Periscope can run`);
    const unit = await workspace.unitOf(path);
    const fixturesFile = settings.fixturesFile ? resolveSetting(settings.fixturesFile, folders[0] ?? dirname(path)) : undefined;
    try {
      const inspector = await simulatorFor().inspect({ source: unit.root, strict: settings.strict ?? false, ...(fixturesFile ? { fixturesFile } : {}) });
      return { inspector, source: unit.root };
    } catch (error) {
      if (error instanceof SimulatorError) throw new ResponseError(1, error.message);
      throw error;
    }
  });
  connection.onNotification('periscope/inspector/frame', ({ inspector, text }: { inspector: number; text: string }) => simulator?.sendFrame(inspector, text));
  connection.onNotification('periscope/inspector/close', ({ inspector }: { inspector: number }) => simulator?.closeInspector(inspector));
  connection.onRequest('periscope/runScenario', ({ uri }: { uri: string }) => runScenarioFile(uriToPath(uri) ?? uri));

  /** Session Events message handlers of the workspace, for "Send Message to Session Handler". */
  connection.onRequest('periscope/messageHandlers', async () => {
    await ready;
    return workspace.units.flatMap((unit) => workspace.handlers(unit).filter((h) => h.kind === 'session').map((h) => ({
      uri: pathToUri(h.file), source: unit.root, messageType: h.messageType, target: { kind: 'session-message', messageType: h.messageType } satisfies RunTarget,
      key: targetKey(unit.root, { kind: 'session-message', messageType: h.messageType }),
    })));
  });

  connection.onRequest('periscope/embeddedScript', async ({ uri, position }: { uri: string; position: { line: number; character: number } }) => {
    const state = documents.get(uri);
    const view = await documents.view(uri);
    if (!state || !view) return null;
    const found = embeddedScriptAt(state.path, view.text, view.scripts, state.doc.offsetAt(position));
    return found ? { uri: pathToUri(found.path), text: found.body, title: found.title ?? found.location } : null;
  });

  connection.onRequest('periscope/embeddedScript/read', async ({ uri }: { uri: string }) => {
    const state = await embeddedTarget(uri);
    if (!state) throw new ResponseError(1, `${uri} names no script stored in a JSON file`);
    return { text: state.embedded.body };
  });

  /** The edit of the JSON file that stores `text` as the script; changes no other byte of the file. */
  const embeddedEdit = async (uri: string, text: string): Promise<WorkspaceEdit> => {
    const target = await embeddedTarget(uri);
    if (!target) throw new ResponseError(1, `the script of ${uri} is no longer in its JSON file (was it renamed or removed?); copy your text before closing the editor`);
    const edit = writeEmbeddedScript(target.json, target.scripts, target.embedded, text);
    if (!edit) throw new ResponseError(1, `the script of ${uri} could not be found in its JSON file`);
    return workspaceEdit([edit]);
  };

  const embeddedTarget = async (uri: string) => {
    const path = uriToPath(uri);
    const parsed = path ? parseEmbeddedPath(path) : undefined;
    if (!parsed) return undefined;
    const json = workspace.textOf(parsed.file);
    if (json === undefined) return undefined;
    const unit = await workspace.unitOf(parsed.file);
    const { scripts } = await workspace.scriptsOf(unit, parsed.file, json);
    const embedded = embeddedScriptNamed(parsed.file, json, scripts, parsed.location);
    return embedded && { json, scripts, embedded };
  };

  connection.onRequest('periscope/embeddedScript/edit', ({ uri, text }: { uri: string; text: string }) => embeddedEdit(uri, text));

  connection.onExecuteCommand(async ({ command, arguments: args = [] }) => {
    if (command === COMMANDS.run) return run(args[0] as RunArguments);
    if (command === COMMANDS.runScenario) return runScenarioFile(String(args[0]));
    if (command === COMMANDS.writeEmbedded) {
      const edit = await embeddedEdit(String(args[0]), String(args[1]));
      return (await connection.workspace.applyEdit(edit)).applied;
    }
    throw new ResponseError(1, `unknown command ${command}`);
  });

  connection.onShutdown(() => {
    simulator?.dispose();
  });

  connection.listen();
}

function readSettings(value: unknown): ServerSettings {
  if (typeof value !== 'object' || value === null) return {};
  const v = value as Record<string, unknown>;
  const out: ServerSettings = {};
  if (v.target === '8.1' || v.target === '8.3' || v.target === 'auto') out.target = v.target;
  if (typeof v.fixturesFile === 'string' && v.fixturesFile !== '') out.fixturesFile = v.fixturesFile;
  if (typeof v.strict === 'boolean') out.strict = v.strict;
  if (typeof v.nodePath === 'string' && v.nodePath !== '') out.nodePath = v.nodePath;
  if (typeof v.scriptTimeoutSeconds === 'number' && v.scriptTimeoutSeconds > 0) out.scriptTimeoutSeconds = v.scriptTimeoutSeconds;
  if (typeof v.engine === 'string') out.engine = v.engine;
  return out;
}

function resolveSetting(path: string, base: string): string {
  return isAbsolute(path) ? path : resolve(base, path);
}
