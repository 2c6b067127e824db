// The `text` output of `periscope lint`: one `file:line:col severity rule message` line per finding, then a summary.
import type { Diagnostic } from '../diagnostic';
import { describeScriptKinds } from '../../source/script-kind';

const COLOURS = { error: '\x1b[31m', warning: '\x1b[33m', info: '\x1b[36m' } as const;
const DIM = '\x1b[2m';
const RESET = '\x1b[0m';

export function formatText(diagnostics: readonly Diagnostic[], files: number, colour: boolean, scripts: Readonly<Record<string, number>> = {}): string {
  const lines = diagnostics.map((d) => {
    const where = `${d.file}:${d.line}:${d.column}`;
    const severity = colour ? `${COLOURS[d.severity]}${d.severity}${RESET}` : d.severity;
    const rule = colour ? `${DIM}${d.rule}${RESET}` : d.rule;
    return `${where} ${severity} ${rule} ${d.message}`;
  });
  const total = Object.values(scripts).reduce((a, b) => a + b, 0);
  if (total > 0) lines.push(`read ${total} ${total === 1 ? 'script' : 'scripts'}: ${describeScriptKinds(scripts)}`);
  lines.push(summary(diagnostics, files));
  return lines.join('\n') + '\n';
}

function summary(diagnostics: readonly Diagnostic[], files: number): string {
  const count = (severity: Diagnostic['severity']) => diagnostics.filter((d) => d.severity === severity).length;
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  const fixable = diagnostics.filter((d) => d.fix?.safe).length;
  const parts = [plural(count('error'), 'error'), plural(count('warning'), 'warning'), plural(count('info'), 'info')];
  return `${parts.join(', ')} in ${plural(files, 'file')}${fixable > 0 ? ` (${fixable} fixable with --fix)` : ''}`;
}
