// Loads tree-sitter's Python grammar once per process; the linter, the loaders and the Jython translator share it.
import { createRequire } from 'node:module';
import { Language, Parser } from 'web-tree-sitter';

export type { Node as SyntaxNode, Tree } from 'web-tree-sitter';

let language: Promise<Language> | undefined;

/** Where the grammar's wasm lives; a bundle may override it (e.g. the browser extension ships a copy). */
export function pythonWasmPath(): string {
  return createRequire(import.meta.url).resolve('tree-sitter-python/tree-sitter-python.wasm');
}

export function loadPythonLanguage(wasmPath: string = pythonWasmPath()): Promise<Language> {
  language ??= Parser.init().then(() => Language.load(wasmPath));
  return language;
}

/** A fresh parser for the Python grammar. Parsers are cheap; the language is loaded once. */
export async function createPythonParser(): Promise<Parser> {
  const python = await loadPythonLanguage();
  const parser = new Parser();
  parser.setLanguage(python);
  return parser;
}

/**
 * The text tree-sitter should parse for a script: Python ends a line at a lone CR (old Mac files) as at LF, and the
 * grammar does not, so a lone CR is given as LF. One character for one, so every offset still holds.
 */
export function parsableText(text: string): string {
  return text.includes('\r') ? text.replace(/\r(?!\n)/g, '\n') : text;
}
