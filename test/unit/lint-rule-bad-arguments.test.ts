import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { lintText, type LintOptions } from '../../shared/lint/linter';

const RULE = 'bad-arguments';

async function lint(name: string, options: LintOptions = {}) {
  const file = `test/fixtures/lint/${RULE}/${name}`;
  return lintText(file, readFileSync(file, 'utf8'), options);
}

describe('bad-arguments', () => {
  it('reports each argument that does not fit, where it is written', async () => {
    const found = (await lint('bad.py')).filter((d) => d.rule === RULE);
    assert.deepEqual(
      found.map((d) => [d.line, d.column, d.endLine, d.endColumn]),
      [
        [2, 69, 2, 84],
        [3, 27, 3, 28],
        [4, 29, 4, 43],
        [5, 44, 5, 56],
        [6, 44, 6, 53],
        [7, 64, 7, 71],
        [8, 59, 8, 72],
      ],
    );
    assert.ok(found.every((d) => d.severity === 'error'));
    const [closeIcon, now, writeBlocking, getLogger, navigate, runNamedQuery, sendMessage] = found.map((d) => d.message);
    assert.match(closeIcon, /openPopup\(\) has no parameter closeIcon; did you mean showCloseIcon\?/);
    assert.match(now, /system\.date\.now\(\) takes no positional arguments \(1 given\)/);
    assert.match(writeBlocking, /missing the required arguments tagPaths, values/);
    assert.match(getLogger, /getLogger\(\) gets name twice/);
    assert.match(navigate, /navigate\(\) gets page twice/);
    assert.match(runNamedQuery, /runNamedQuery\(\) takes at most 5 positional arguments \(6 given\)/);
    assert.match(sendMessage, /has no parameter target; its parameters are messageType, payload, scope, sessionId, pageId/);
  });

  it('accepts both runNamedQuery forms and keywords, and skips calls that spread *args or **kwargs', async () => {
    assert.deepEqual(await lint('good.py', { target: '8.1' }), []);
  });

  it('counts a bare generator argument as one positional argument', async () => {
    const text = 'def onStartup(session):\n    system.util.getLogger(n for n in ["a"])\n    system.date.now(n for n in [])\n';
    const found = (await lintText('gen.py', text)).filter((d) => d.rule === RULE);
    assert.deepEqual(found.map((d) => [d.line, d.column]), [[3, 21]]);
    assert.match(found[0].message, /takes no positional arguments \(1 given\)/);
  });

  it('says nothing about calls left unclosed, however many there are', async () => {
    const text = 'def onStartup(session):\n' + '    system.util.getLogger("a", \n'.repeat(10000);
    assert.deepEqual((await lintText('unclosed.py', text)).filter((d) => d.rule === RULE), []);
  });
});
