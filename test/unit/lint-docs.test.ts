// docs/rules.md is generated from the rule files: it must list every rule and match what `npm run docs` writes.
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { rulesMarkdown, RULES_MD } from '../../shared/lint/docs';
import { rules } from '../../shared/lint/rules/index';

describe('the rules documentation', () => {
  it('is up to date with the rule files (run `npm run docs` after changing a rule)', () => {
    assert.equal(readFileSync(RULES_MD, 'utf8'), rulesMarkdown());
  });

  it('has a section with the doc of every registered rule, and every rule a unique id and its own doc', () => {
    const md = rulesMarkdown();
    for (const rule of rules) {
      assert.match(md, new RegExp(`^## ${rule.id}$`, 'm'));
      assert.match(rule.doc, /## Why is this bad\?/, `${rule.id} explains why`);
    }
    assert.equal(new Set(rules.map((r) => r.id)).size, rules.length);
  });
});
