// The lint section of periscope.json: what it accepts, what it refuses and where it is found.
import { strict as assert } from 'node:assert';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError, findLintConfig, parseLintConfig } from '../../shared/lint/config';

const KNOWN = new Set(['py3-only', 'roles-may-be-none']);

describe('periscope.json lint settings', () => {
  it('reads the target and per-rule severities', () => {
    const config = parseLintConfig('p.json', '{"lint": {"target": "8.1", "rules": {"py3-only": "warning", "roles-may-be-none": "off"}}, "other": 1}', KNOWN);
    assert.equal(config.target, '8.1');
    assert.deepEqual({ ...config.rules }, { 'py3-only': 'warning', 'roles-may-be-none': 'off' });
  });

  it('refuses what it cannot use, naming the file and the fix', () => {
    const refuse = (text: string, message: RegExp) => assert.throws(() => parseLintConfig('p.json', text, KNOWN), (e: Error) => e instanceof ConfigError && message.test(e.message));
    refuse('{"lint": ', /p\.json: not valid JSON/);
    refuse('{"lint": {"target": "9.0"}}', /"lint\.target" must be "8\.1" or "8\.3"/);
    refuse('{"lint": {"rules": {"py3-only": "loud"}}}', /rule "py3-only" is set to "loud"; use "off", "info", "warning" or "error"/);
    refuse('{"lint": {"rules": {"__proto__": "off"}}}', /may not have a key named __proto__/);
    refuse('{"lint": {"severity": {}}}', /unknown key "lint\.severity"/);
    refuse('{"lint": {"rules": {"nope": "off"}}}', /unknown rule "nope"/);
  });

  it('names a wrong value briefly, however deep or long it is', () => {
    const deep = `${'['.repeat(100_000)}${']'.repeat(100_000)}`;
    const message = (text: string) => {
      try {
        parseLintConfig('p.json', text, KNOWN);
      } catch (error) {
        return (error as Error).message;
      }
      return 'accepted';
    };
    assert.equal(message(`{"lint": {"target": ${deep}}}`), 'p.json: "lint.target" must be "8.1" or "8.3", not a list');
    assert.equal(message(`{"lint": {"rules": {"py3-only": {"level": ${deep}}}}}`), 'p.json: rule "py3-only" is set to an object; use "off", "info", "warning" or "error"');
    assert.equal(message(`{"lint": {"target": "${'8'.repeat(1_000_000)}"}}`), `p.json: "lint.target" must be "8.1" or "8.3", not "${'8'.repeat(40)}…"`);
    assert.equal(message('{"lint": {"target": 8.3}}'), 'p.json: "lint.target" must be "8.1" or "8.3", not 8.3');
  });

  it('is found in the nearest folder at or above the linted path', () => {
    const dir = mkdtempSync(join(tmpdir(), 'periscope-config-'));
    try {
      mkdirSync(join(dir, 'a', 'b'), { recursive: true });
      writeFileSync(join(dir, 'periscope.json'), '{"lint": {"target": "8.1"}}');
      writeFileSync(join(dir, 'a', 'x.py'), '');
      assert.equal(findLintConfig(join(dir, 'a', 'b'), KNOWN).target, '8.1');
      assert.equal(findLintConfig(join(dir, 'a', 'x.py'), KNOWN).file, join(dir, 'periscope.json'));
      writeFileSync(join(dir, 'a', 'periscope.json'), '{"lint": {"target": "8.3"}}');
      assert.equal(findLintConfig(join(dir, 'a', 'b'), KNOWN).target, '8.3');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
