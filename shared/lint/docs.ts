// Builds docs/rules.md from the registered rules' own docs (`npm run docs`), so the catalogue is never written twice.
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { RuleDoc } from './rule';
import { rules } from './rules/index';

export function rulesMarkdown(list: readonly RuleDoc[] = rules): string {
  const out = [
    '# Lint rules',
    '',
    'Generated from the rule files under `shared/lint/rules/` by `npm run docs`; edit the rules, not this file.',
    'Change a severity or turn a rule off in the `lint` section of `periscope.json`',
    '(`{"lint": {"rules": {"rule-id": "off" | "info" | "warning" | "error"}}}`), or on one line with',
    '`# periscope: ignore[rule-id]`.',
    '',
    '| Rule | Default | Fix | Summary |',
    '|---|---|---|---|',
    ...list.map((r) => `| [\`${r.id}\`](#${r.id}) | ${r.defaultSeverity} | ${r.safeFix ? 'yes' : ''} | ${r.summary.replace(/\|/g, '\\|')} |`),
    '',
  ];
  for (const r of list) {
    const scope = r.scope === 'perspective' ? ' · Perspective scripts only (off in gateway scope)' : r.scope === 'gateway' ? ' · gateway-scope scripts only' : '';
    const project = r.project ? " · about the project's files" : '';
    out.push(`## ${r.id}`, '', `Default severity: **${r.defaultSeverity}**${r.safeFix ? ' · fixable with `--fix`' : ''}${scope}${project}`, '', r.summary, '');
    // Rule docs use `##` sections of their own; one level down keeps them under the rule's heading.
    out.push(r.doc.replace(/^## /gm, '### ').trim(), '');
  }
  return out.join('\n');
}

export const RULES_MD = fileURLToPath(new URL('../../docs/rules.md', import.meta.url));

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  writeFileSync(RULES_MD, rulesMarkdown());
  console.log(`wrote ${RULES_MD}`);
}
