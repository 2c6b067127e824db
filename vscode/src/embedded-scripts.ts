// "Periscope: Edit Embedded Script": a script stored in a view.json or data.bin string opens as a Python document;
// saving it writes the script back into its JSON string through the server, which changes no other byte.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';

export const EMBEDDED_SCHEME = 'periscope-embedded';

export class EmbeddedScripts implements vscode.FileSystemProvider {
  private readonly changed = new vscode.EventEmitter<vscode.FileChangeEvent[]>();
  readonly onDidChangeFile = this.changed.event;

  constructor(private readonly client: LanguageClient) {}

  /** Opens the script under the cursor of a JSON editor. */
  async openAtCursor(): Promise<void> {
    const editor = vscode.window.activeTextEditor;
    if (!editor) return;
    const found = await this.client.sendRequest<{ uri: string; title: string } | null>('periscope/embeddedScript', {
      uri: editor.document.uri.toString(), position: editor.selection.active,
    });
    if (!found) {
      void vscode.window.showInformationMessage('Periscope: put the cursor on a script stored in this file (an event, message handler, transform or change script).');
      return;
    }
    const doc = await vscode.workspace.openTextDocument(vscode.Uri.parse(found.uri));
    await vscode.window.showTextDocument(doc, { preview: false });
  }

  async readFile(uri: vscode.Uri): Promise<Uint8Array> {
    const { text } = await this.client.sendRequest<{ text: string }>('periscope/embeddedScript/read', { uri: uri.toString() });
    return new TextEncoder().encode(text);
  }

  async writeFile(uri: vscode.Uri, content: Uint8Array): Promise<void> {
    const edit = await this.client.sendRequest<{ changes: Record<string, Array<{ range: vscode.Range; newText: string }>> }>('periscope/embeddedScript/edit', {
      uri: uri.toString(), text: new TextDecoder().decode(content),
    });
    const workspaceEdit = new vscode.WorkspaceEdit();
    const touched: vscode.Uri[] = [];
    for (const [target, edits] of Object.entries(edit.changes)) {
      const file = vscode.Uri.parse(target);
      touched.push(file);
      for (const e of edits) workspaceEdit.replace(file, this.client.protocol2CodeConverter.asRange(e.range), e.newText);
    }
    if (!(await vscode.workspace.applyEdit(workspaceEdit))) throw vscode.FileSystemError.Unavailable('the JSON file could not be edited');
    // The script is saved when its JSON file is.
    for (const file of touched) await vscode.workspace.textDocuments.find((d) => d.uri.toString() === file.toString())?.save();
    this.changed.fire([{ type: vscode.FileChangeType.Changed, uri }]);
  }

  stat(): vscode.FileStat {
    return { type: vscode.FileType.File, ctime: 0, mtime: Date.now(), size: 0 };
  }

  watch(): vscode.Disposable {
    return new vscode.Disposable(() => {});
  }

  readDirectory(): [string, vscode.FileType][] {
    return [];
  }

  createDirectory(): void {
    throw vscode.FileSystemError.NoPermissions('embedded scripts live inside their JSON file');
  }

  delete(): void {
    throw vscode.FileSystemError.NoPermissions('embedded scripts live inside their JSON file');
  }

  rename(): void {
    throw vscode.FileSystemError.NoPermissions('embedded scripts live inside their JSON file');
  }
}
