import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { lintText, type LintOptions } from '../../shared/lint/linter';

const RULE = 'unknown-system-function';

async function findings(name: string, options: LintOptions = {}) {
  const file = `test/fixtures/lint/${RULE}/${name}`;
  return (await lintText(file, readFileSync(file, 'utf8'), options)).filter((d) => d.rule === RULE);
}

describe('unknown-system-function', () => {
  it('reports misspelt functions at the misspelt name, with the nearest real one', async () => {
    const found = await findings('bad.py');
    assert.deepEqual(
      found.map((d) => [d.line, d.column, d.endColumn, d.severity]),
      [
        [2, 26, 35, 'error'],
        [3, 27, 33, 'error'],
        [4, 24, 31, 'error'],
        [5, 19, 22, 'warning'],
        [6, 26, 37, 'error'],
      ],
    );
    assert.match(found[0].message, /system\.util has no function getlogger; did you mean system\.util\.getLogger\?/);
    assert.match(found[1].message, /system\.date has no function nowish$/);
    assert.match(found[2].message, /did you mean system\.perspective\.navigate\?/);
    assert.match(found[4].message, /did you mean system\.tag\.readBlocking\?/);
  });

  it('reports an unknown module as a warning, since a third-party module may add it', async () => {
    const [dbs] = (await findings('bad.py')).filter((d) => d.severity === 'warning');
    assert.match(dbs.message, /no module system\.dbs; did you mean system\.db\?.*third-party/);
    const [foo] = (await lintText('foo.py', 'system.foo.bar()\n')).filter((d) => d.rule === RULE);
    assert.match(foo.message, /^Ignition has no module system\.foo \(unless a third-party module adds it; reported at its first use only\)$/);
  });

  it('reports an unknown module once, at its first use in the scripts linted together, and a misspelt function at each', async () => {
    const text = [
      'def load(orderId):',
      '\tsystem.mes.loadMESObject(orderId)',
      '\tsystem.mes.saveMESObject(orderId)',
      '\tsystem.util.getlogger("a")',
      '\tsystem.util.getlogger("b")',
      '',
    ].join('\n');
    const found = (await lintText('mes.py', text)).filter((d) => d.rule === RULE);
    assert.deepEqual(found.map((d) => [d.line, d.column, d.severity]), [[2, 9, 'warning'], [4, 14, 'error'], [5, 14, 'error']]);
    assert.equal(found[0].once, undefined);
    const doc = '# Two events\n\n```python\ndef onStartup(session):\n\tsystem.mes.a()\n```\n\n```python\ndef onShutdown(session):\n\tsystem.mes.b()\n```\n';
    assert.deepEqual((await lintText('doc.md', doc)).filter((d) => d.rule === RULE).map((d) => d.line), [5]);
  });

  it('reports a function newer than the target version', async () => {
    const [execQuery] = await findings('target-8.1.py', { target: '8.1' });
    assert.equal(execQuery.line, 2);
    assert.equal(execQuery.column, 22);
    assert.match(execQuery.message, /system\.db\.execQuery was added in Ignition 8\.3.*8\.1/);
    assert.deepEqual(await findings('target-8.1.py', { target: '8.3' }), []);
  });

  it('accepts real functions, module constants, module aliases, function attributes and modules it does not describe', async () => {
    const file = `test/fixtures/lint/${RULE}/good.py`;
    assert.deepEqual(await lintText(file, readFileSync(file, 'utf8')), []);
  });

  it('checks system.* names inside a Markdown session-script document', async () => {
    const text = '# Doc\n\n```python\ndef onStartup(session):\n    system.util.getLoger("x")\n```\n';
    const [found] = (await lintText('doc.md', text)).filter((d) => d.rule === RULE);
    assert.equal(found.line, 5);
    assert.equal(found.column, 17);
    assert.match(found.message, /getLogger/);
  });
});
