// Periscope for VS Code: starts the language server, shows its status, and turns Run lenses and commands into runs
// of the simulator whose reports open in a panel. All language logic is in the server (shared/).
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import type { RunReport } from '../../shared/language/run-report';
import type { PayloadQuestion, RunTarget } from '../../shared/language/run-target';
import { createClient, pushSettings } from './client';
import { EMBEDDED_SCHEME, EmbeddedScripts } from './embedded-scripts';
import { showRunReport } from './run-panel';
import { SessionView } from './session-view';

interface RunLensArguments {
  uri: string;
  target: RunTarget;
  /** What is asked for before the run, when the handler takes a payload or an event object. */
  payload?: PayloadQuestion;
  key: string;
  title: string;
}

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const output = vscode.window.createOutputChannel('Periscope', { log: true });
  const status = vscode.window.createStatusBarItem(vscode.StatusBarAlignment.Left, 10);
  status.text = 'Periscope: starting…';
  status.command = 'periscope.showOutput';
  status.show();
  client = createClient(context, output);
  const embedded = new EmbeddedScripts(client);
  const sessionView = new SessionView(context, client);
  const ask = askPayload(context);

  const run = async (args: RunLensArguments): Promise<void> => {
    const payload = args.payload ? await ask(args, args.payload) : {};
    if (payload === undefined) return;
    // The simulator reads the files from disk: unsaved edits are saved first.
    await vscode.workspace.textDocuments.find((d) => d.uri.toString() === args.uri)?.save();
    const report = await vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title: `Periscope: running ${args.title}` },
      () => client!.sendRequest<RunReport | { error: string }>('periscope/run', { uri: args.uri, target: args.target, payload }));
    showRunReport(report, args.title);
  };

  context.subscriptions.push(
    output, status,
    vscode.workspace.registerFileSystemProvider(EMBEDDED_SCHEME, embedded, { isCaseSensitive: true }),
    vscode.commands.registerCommand('periscope.showOutput', () => output.show()),
    vscode.commands.registerCommand('periscope.runHandler', run),
    vscode.commands.registerCommand('periscope.editEmbeddedScript', () => embedded.openAtCursor()),
    vscode.window.registerWebviewViewProvider(SessionView.id, sessionView),
    vscode.commands.registerCommand('periscope.openSessionInspector', async () => {
      const uri = vscode.window.activeTextEditor?.document.uri ?? vscode.workspace.workspaceFolders?.[0]?.uri;
      if (!uri) {
        void vscode.window.showInformationMessage('Periscope: open a session-script document or a file of an Ignition project first.');
        return;
      }
      try {
        await sessionView.open(uri);
      } catch (error) {
        void vscode.window.showErrorMessage(`Periscope: ${(error as Error).message}`);
      }
    }),
    vscode.commands.registerCommand('periscope.sendMessage', async () => {
      const handlers = await client!.sendRequest<Array<RunLensArguments & { messageType: string; source: string }>>('periscope/messageHandlers');
      if (handlers.length === 0) {
        void vscode.window.showInformationMessage('Periscope: no Session Events message handler in this workspace.');
        return;
      }
      const pick = await vscode.window.showQuickPick(handlers.map((h) => ({ label: h.messageType, description: vscode.workspace.asRelativePath(h.source), handler: h })), { placeHolder: 'Session Events message handler to send a message to' });
      if (pick) await run({ ...pick.handler, title: `message handler "${pick.handler.messageType}"` });
    }),
    vscode.commands.registerCommand('periscope.runScenario', async (uri?: vscode.Uri) => {
      const file = uri ?? (await vscode.window.showOpenDialog({ filters: { Scenarios: ['json', 'yaml', 'yml'] }, canSelectMany: false }))?.[0];
      if (!file) return;
      const report = await client!.sendRequest<RunReport | { error: string }>('periscope/runScenario', { uri: file.toString() });
      showRunReport(report, vscode.workspace.asRelativePath(file));
    }),
    vscode.workspace.onDidChangeConfiguration((e) => e.affectsConfiguration('periscope') && pushSettings(client!)),
    vscode.workspace.onDidGrantWorkspaceTrust(() => pushSettings(client!)),
  );
  client.onNotification('periscope/status', ({ text }: { text: string }) => {
    status.text = text;
  });
  await client.start();
}

/** Asks for a handler's payload or event object as JSON, offering the last one sent to that handler. */
function askPayload(context: vscode.ExtensionContext) {
  return async (args: RunLensArguments, question: PayloadQuestion): Promise<Record<string, unknown> | undefined> => {
    const key = `payload:${args.key}`;
    const last = context.workspaceState.get<string>(key, question.example);
    const text = await vscode.window.showInputBox({
      title: args.title,
      prompt: question.prompt,
      value: last,
      validateInput: (value) => {
        try {
          const parsed: unknown = JSON.parse(value);
          return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed) ? undefined : `A JSON object such as ${question.example}`;
        } catch (error) {
          return `Not valid JSON: ${(error as Error).message}`;
        }
      },
    });
    if (text === undefined) return undefined;
    await context.workspaceState.update(key, text);
    return JSON.parse(text) as Record<string, unknown>;
  };
}

export async function deactivate(): Promise<void> {
  await client?.stop();
}
