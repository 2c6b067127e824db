// Starts Periscope's language server (the bundled server.mjs) and keeps its settings in step with VS Code's.
import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { readSettings } from './config';

export function createClient(context: vscode.ExtensionContext, output: vscode.LogOutputChannel): LanguageClient {
  const module = context.asAbsolutePath('dist/server.mjs');
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { scheme: 'file', language: 'python' },
      { scheme: 'file', language: 'markdown' },
      { scheme: 'file', pattern: '**/view.json' },
      { scheme: 'file', pattern: '**/data.bin' },
      { scheme: 'periscope-embedded', language: 'python' },
    ],
    synchronize: { fileEvents: vscode.workspace.createFileSystemWatcher('**/*.{py,md,json,bin,sql}') },
    initializationOptions: readSettings(),
    outputChannel: output,
  };
  return new LanguageClient('periscope', 'Periscope', serverOptions, clientOptions);
}

/** Sends the current settings (after a change of settings or of workspace trust). */
export function pushSettings(client: LanguageClient): void {
  void client.sendNotification('workspace/didChangeConfiguration', { settings: { periscope: readSettings() } });
}
