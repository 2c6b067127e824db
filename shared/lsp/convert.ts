// Converts between the language features' offsets and findings and the protocol's positions and types.
import { CompletionItemKind, DiagnosticSeverity, type Diagnostic as LspDiagnostic, type Range } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Diagnostic } from '../lint/diagnostic';
import type { CompletionKind } from '../language/completion';

export function offsetRange(doc: TextDocument, start: number, end: number): Range {
  return { start: doc.positionAt(start), end: doc.positionAt(end) };
}

const SEVERITY = { error: DiagnosticSeverity.Error, warning: DiagnosticSeverity.Warning, info: DiagnosticSeverity.Information } as const;

export function toLspDiagnostic(d: Diagnostic): LspDiagnostic {
  return {
    range: { start: { line: d.line - 1, character: d.column - 1 }, end: { line: d.endLine - 1, character: d.endColumn - 1 } },
    severity: SEVERITY[d.severity],
    code: d.rule,
    source: 'periscope',
    message: d.message,
    ...(d.fix ? { data: { fix: d.fix.description } } : {}),
  };
}

export const COMPLETION_KINDS: Readonly<Record<CompletionKind, CompletionItemKind>> = {
  module: CompletionItemKind.Module,
  function: CompletionItemKind.Function,
  property: CompletionItemKind.Property,
  'keyword-argument': CompletionItemKind.Variable,
  value: CompletionItemKind.Value,
  constant: CompletionItemKind.Constant,
};

/** TextDocuments for files the editor has not opened, read once per request batch. */
export class FileTexts {
  private readonly docs = new Map<string, TextDocument>();

  constructor(private readonly read: (file: string) => string | undefined) {}

  get(file: string): TextDocument | undefined {
    let doc = this.docs.get(file);
    if (!doc) {
      const text = this.read(file);
      if (text === undefined) return undefined;
      doc = TextDocument.create(file, '', 0, text);
      this.docs.set(file, doc);
    }
    return doc;
  }
}
