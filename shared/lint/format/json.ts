// The `json` output of `periscope lint`: a versioned object other tools can read.
import type { Diagnostic } from '../diagnostic';

export function formatJson(diagnostics: readonly Diagnostic[], files: number): string {
  return JSON.stringify({ version: 1, files, diagnostics }, null, 2) + '\n';
}
