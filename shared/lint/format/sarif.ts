// The `sarif` output of `periscope lint`: SARIF 2.1.0, as code-scanning services read it.
import { isAbsolute, relative, sep } from 'node:path';
import type { RuleDoc, Severity } from '../rule';
import type { Diagnostic } from '../diagnostic';

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', info: 'note' };

export function formatSarif(diagnostics: readonly Diagnostic[], rules: readonly RuleDoc[], cwd: string): string {
  const index = new Map(rules.map((r, i) => [r.id, i]));
  const uri = (file: string) => encodeURI((isAbsolute(file) ? relative(cwd, file) : file).split(sep).join('/'));
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [{
      tool: {
        driver: {
          name: 'periscope',
          rules: rules.map((r) => ({
            id: r.id,
            shortDescription: { text: r.summary },
            fullDescription: { text: r.summary },
            help: { text: r.doc, markdown: r.doc },
            defaultConfiguration: { level: LEVEL[r.defaultSeverity] },
          })),
        },
      },
      results: diagnostics.map((d) => ({
        ruleId: d.rule,
        ...(index.has(d.rule) ? { ruleIndex: index.get(d.rule) } : {}),
        level: LEVEL[d.severity],
        message: { text: d.message },
        locations: [{
          physicalLocation: {
            artifactLocation: { uri: uri(d.file) },
            region: { startLine: d.line, startColumn: d.column, endLine: d.endLine, endColumn: d.endColumn },
          },
        }],
      })),
    }],
  };
  return JSON.stringify(log, null, 2) + '\n';
}
