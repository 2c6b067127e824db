// A JSON-RPC client that drives `periscope lsp --stdio` as an editor would, for the server's integration tests.
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';
import type { Diagnostic, PublishDiagnosticsParams } from 'vscode-languageserver-protocol';

const bin = fileURLToPath(new URL('../../bin/periscope.cjs', import.meta.url));

export interface LspClientOptions {
  folders: string[];
  settings?: Record<string, unknown>;
  /** Announce support for workspace/didChangeWatchedFiles registration. */
  watchFiles?: boolean;
}

export class LspClient {
  readonly connection: MessageConnection;
  readonly diagnostics = new Map<string, PublishDiagnosticsParams>();
  /** How many times diagnostics were published, by document. */
  readonly publishes = new Map<string, number>();
  readonly statuses: string[] = [];
  readonly logs: string[] = [];
  /** What the server showed the person (window/showMessage). */
  readonly shown: string[] = [];
  readonly appliedEdits: unknown[] = [];
  private readonly waiters: Array<() => void> = [];
  private versions = new Map<string, number>();

  private constructor(readonly process: ChildProcess) {
    this.connection = createMessageConnection(new StreamMessageReader(process.stdout!), new StreamMessageWriter(process.stdin!));
    this.connection.onNotification('textDocument/publishDiagnostics', (params: PublishDiagnosticsParams) => {
      this.diagnostics.set(params.uri, params);
      this.publishes.set(params.uri, (this.publishes.get(params.uri) ?? 0) + 1);
      this.notify();
    });
    this.connection.onNotification('periscope/status', ({ text }: { text: string }) => {
      this.statuses.push(text);
      this.notify();
    });
    this.connection.onNotification('window/logMessage', ({ message }: { message: string }) => {
      this.logs.push(message);
    });
    this.connection.onNotification('window/showMessage', ({ message }: { message: string }) => {
      this.shown.push(message);
    });
    this.connection.onRequest('client/registerCapability', () => null);
    this.connection.onRequest('workspace/applyEdit', (params: unknown) => {
      this.appliedEdits.push(params);
      return { applied: true };
    });
    this.connection.listen();
  }

  /** Starts the server and initializes it; with `waitForIndex` false, returns before the workspace is indexed. */
  static async start(options: LspClientOptions, waitForIndex = true): Promise<LspClient> {
    const child = spawn(process.execPath, [bin, 'lsp', '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
    const client = new LspClient(child);
    await client.connection.sendRequest('initialize', {
      processId: process.pid,
      rootUri: pathToFileURL(options.folders[0]).href,
      workspaceFolders: options.folders.map((f) => ({ uri: pathToFileURL(f).href, name: f })),
      capabilities: { workspace: { didChangeWatchedFiles: { dynamicRegistration: options.watchFiles ?? false } } },
      initializationOptions: options.settings ?? {},
    });
    await client.connection.sendNotification('initialized', {});
    if (waitForIndex) await client.indexed();
    return client;
  }

  /** Resolves once the server reports the workspace indexed. */
  indexed(): Promise<string> {
    return this.until(() => this.statuses.find((s) => /ready|project/.test(s)));
  }

  private notify(): void {
    for (const waiter of this.waiters.splice(0)) waiter();
  }

  /** Resolves once `test` holds, re-checked at every message from the server and every tenth of a second. */
  async until<T>(test: () => T | undefined | false): Promise<T> {
    for (;;) {
      const value = test();
      if (value) return value;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, 100);
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  uri(path: string): string {
    return pathToFileURL(path).href;
  }

  async open(path: string, text = readFileSync(path, 'utf8'), languageId = path.endsWith('.md') ? 'markdown' : path.endsWith('.py') ? 'python' : 'json'): Promise<string> {
    const uri = path.includes(':') && !path.startsWith('/') ? path : this.uri(path);
    this.versions.set(uri, 1);
    await this.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version: 1, text } });
    return uri;
  }

  async openUri(uri: string, text: string, languageId = 'python'): Promise<void> {
    this.versions.set(uri, 1);
    await this.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version: 1, text } });
  }

  /** Sends one edit (a range and its new text, or the whole text) and returns the new version. */
  async change(uri: string, change: { range?: { start: { line: number; character: number }; end: { line: number; character: number } }; text: string }): Promise<number> {
    const version = (this.versions.get(uri) ?? 1) + 1;
    this.versions.set(uri, version);
    await this.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [change] });
    return version;
  }

  /** The diagnostics of `uri` once they are published for `version` (any version when omitted) and pass `test`. */
  diagnosticsOf(uri: string, test: (d: Diagnostic[]) => boolean = () => true, version?: number): Promise<Diagnostic[]> {
    return this.until(() => {
      const p = this.diagnostics.get(uri);
      return p && (version === undefined || p.version === version) && test(p.diagnostics) ? p.diagnostics : undefined;
    });
  }

  request<T>(method: string, params: unknown): Promise<T> {
    return this.connection.sendRequest(method, params) as Promise<T>;
  }

  async stop(): Promise<void> {
    try {
      await this.connection.sendRequest('shutdown');
      await this.connection.sendNotification('exit');
    } catch {
      // The server may already be gone (a test that ends it on purpose).
    }
    this.connection.dispose();
    await new Promise<void>((resolve) => {
      if (this.process.exitCode !== null) resolve();
      else this.process.once('exit', () => resolve());
      setTimeout(() => this.process.kill(), 2000).unref();
    });
  }
}
