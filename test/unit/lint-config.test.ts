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
