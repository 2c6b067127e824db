// The server's side of "Edit embedded script": find the script under the cursor of a JSON file, read it as a
// Python document, and turn the document's text into the edit of the JSON file that stores it.
import { ResponseError, type Connection, type WorkspaceEdit } from 'vscode-languageserver/node';
import { embeddedScriptAt, embeddedScriptNamed, parseEmbeddedPath, writeEmbeddedScript } from '../language/embedded-script';
import type { FileEdit } from '../language/file-view';
import type { Workspace } from '../language/workspace';
import type { OpenDocuments } from './documents';
import { pathToUri, uriToPath } from './uris';

export interface EmbeddedContext {
  workspace(): Workspace;
  documents(): OpenDocuments;
  workspaceEdit(edits: FileEdit[]): WorkspaceEdit;
}

export class EmbeddedScriptRequests {
  constructor(connection: Connection, private readonly context: EmbeddedContext) {
    connection.onRequest('periscope/embeddedScript', ({ uri, position }: { uri: string; position: { line: number; character: number } }) => this.atCursor(uri, position));
    connection.onRequest('periscope/embeddedScript/read', async ({ uri }: { uri: string }) => {
      const target = await this.target(uri);
      if (!target) throw new ResponseError(1, `${uri} names no script stored in a JSON file`);
      return { text: target.embedded.body };
    });
    connection.onRequest('periscope/embeddedScript/edit', ({ uri, text }: { uri: string; text: string }) => this.edit(uri, text));
  }

  /** The edit of the JSON file that stores `text` as the script; it changes no other byte of the file. */
  async edit(uri: string, text: string): Promise<WorkspaceEdit> {
    const target = await this.target(uri);
    if (!target) throw new ResponseError(1, `the script of ${uri} is no longer in its JSON file (was it renamed or removed?); copy your text before closing the editor`);
    const edit = writeEmbeddedScript(target.json, target.scripts, target.embedded, text);
    if (!edit) throw new ResponseError(1, `the script of ${uri} could not be found in its JSON file`);
    return this.context.workspaceEdit([edit]);
  }

  private async atCursor(uri: string, position: { line: number; character: number }) {
    const documents = this.context.documents();
    const state = documents.get(uri);
    const view = await documents.view(uri);
    if (!state || !view) return null;
    const found = embeddedScriptAt(state.path, view.text, view.scripts, state.doc.offsetAt(position));
    return found ? { uri: pathToUri(found.path), text: found.body, title: found.title ?? found.location } : null;
  }

  /** The JSON file's current text (the editor's, else the disk's), its scripts, and the script the document shows. */
  private async target(uri: string) {
    const path = uriToPath(uri);
    const parsed = path ? parseEmbeddedPath(path) : undefined;
    if (!parsed) return undefined;
    const workspace = this.context.workspace();
    const json = workspace.textOf(parsed.file);
    if (json === undefined) return undefined;
    const unit = await workspace.unitOf(parsed.file);
    const { scripts } = await workspace.scriptsOf(unit, parsed.file, json);
    const embedded = embeddedScriptNamed(parsed.file, json, scripts, parsed.location);
    return embedded && { json, scripts, embedded };
  }
}
