// The scripts in one file's text, by kind of file: a session-script document or a Python module.
import { extname } from 'node:path';
import { loadDocument } from '../loaders/document';
import { LineIndex, OriginMap } from '../source/origin';
import type { LoadProblem, Script, ScriptRole } from '../source/script';
import { documentScripts } from './document-scripts';

export interface TextScripts {
  scripts: Script[];
  problems: LoadProblem[];
}

/** True for the files the linter reads on their own: Markdown documents and Python files. */
export function isLintableFile(file: string): boolean {
  const ext = extname(file).toLowerCase();
  return ext === '.md' || ext === '.markdown' || ext === '.py';
}

/** A whole Python file as one script; `role` is a module unless the caller (a project loader) knows better. */
export function pythonFileScript(file: string, text: string, role: ScriptRole = { kind: 'module' }): Script {
  return { id: file, role, text, origin: OriginMap.slice(file, new LineIndex(text), 0) };
}

export async function scriptsOfText(file: string, text: string): Promise<TextScripts> {
  const ext = extname(file).toLowerCase();
  if (ext === '.md' || ext === '.markdown') {
    const doc = await loadDocument(file, text);
    return { scripts: documentScripts(doc), problems: doc.problems };
  }
  return { scripts: [pythonFileScript(file, text)], problems: [] };
}
