// The `json` output of `periscope lint`: a versioned object other tools can read.
import type { Diagnostic } from '../diagnostic';

/**
 * Version 2 added `scripts`, how many scripts of each kind (by role: `session-event`, `component-event`,
 * `gateway-event`, `webdev`...) were read.
 */
export function formatJson(diagnostics: readonly Diagnostic[], files: number, scripts: Readonly<Record<string, number>>): string {
  return JSON.stringify({ version: 2, files, scripts, diagnostics }, null, 2) + '\n';
}
