// The Perspective Session view's host side: opens a live session runtime through the language server and relays
// inspector protocol frames between it and the webview, unchanged. The webview holds the protocol's store.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';

export class SessionView implements vscode.WebviewViewProvider {
  static readonly id = 'periscope.session';
  private view: vscode.WebviewView | undefined;
  private inspector: { id: number; source: string } | undefined;

  constructor(private readonly context: vscode.ExtensionContext, private readonly client: LanguageClient) {
    client.onNotification('periscope/inspector/frame', ({ inspector, text }: { inspector: number; text: string }) => {
      if (inspector === this.inspector?.id) void this.view?.webview.postMessage({ frame: text });
    });
    client.onNotification('periscope/inspector/closed', ({ inspector, reason }: { inspector: number; reason: string }) => {
      if (inspector !== this.inspector?.id) return;
      this.inspector = undefined;
      void this.view?.webview.postMessage({ closed: reason });
    });
  }

  resolveWebviewView(view: vscode.WebviewView): void {
    this.view = view;
    const webview = view.webview;
    webview.options = { enableScripts: true, localResourceRoots: [vscode.Uri.joinPath(this.context.extensionUri, 'dist')] };
    const script = webview.asWebviewUri(vscode.Uri.joinPath(this.context.extensionUri, 'dist', 'session-view.js'));
    webview.html = `<!DOCTYPE html><html><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src ${webview.cspSource} 'unsafe-inline'; script-src ${webview.cspSource};">
<style>body{font-family:var(--vscode-font-family);font-size:var(--vscode-font-size);padding:0 8px}
header{display:flex;gap:6px;align-items:center;margin:6px 0} .source{font-weight:bold}
ul.tree{list-style:none;padding-left:12px;margin:0} .key{color:var(--vscode-symbolIcon-propertyForeground)}
.value{font-family:var(--vscode-editor-font-family)} .editable{cursor:pointer;text-decoration:underline dotted}
.trace{font-size:11px;white-space:pre-wrap} .error{color:var(--vscode-errorForeground)} summary{cursor:pointer;font-weight:bold;margin-top:6px}
input.payload{width:60%}</style></head>
<body><div id="root"><p>Run "Periscope: Open Session Inspector" to start a simulated session of the scripts in the editor.</p></div>
<script src="${script}"></script></body></html>`;
    webview.onDidReceiveMessage((message: { frame?: string; ready?: boolean }) => {
      if (message.frame !== undefined && this.inspector) void this.client.sendNotification('periscope/inspector/frame', { inspector: this.inspector.id, text: message.frame });
      if (message.ready && this.inspector) void webview.postMessage({ connected: { source: this.inspector.source } });
    });
    view.onDidDispose(() => (this.view = undefined));
  }

  /** Starts a live session of the unit the document belongs to, replacing the one shown. */
  async open(uri: vscode.Uri): Promise<void> {
    if (this.inspector) void this.client.sendNotification('periscope/inspector/close', { inspector: this.inspector.id });
    const opened = await this.client.sendRequest<{ inspector: number; source: string }>('periscope/inspector/open', { uri: uri.toString() });
    this.inspector = { id: opened.inspector, source: opened.source };
    // A webview that was already showing connects now; a new one connects when its script says it is ready.
    const showing = this.view;
    await vscode.commands.executeCommand(`${SessionView.id}.focus`);
    if (showing) void showing.webview.postMessage({ connected: { source: opened.source } });
  }
}
