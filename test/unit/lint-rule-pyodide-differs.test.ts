import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { lintText, type LintOptions } from '../../shared/lint/linter';

const RULE = 'pyodide-differs';

async function lint(name: string, options: LintOptions) {
  const file = `test/fixtures/lint/${RULE}/${name}`;
  return (await lintText(file, readFileSync(file, 'utf8'), options)).filter((d) => d.rule === RULE);
}

function marked(name: string): number[] {
  return readFileSync(`test/fixtures/lint/${RULE}/${name}`, 'utf8').split('\n').flatMap((line, i) => (line.includes(`# expect: ${RULE}`) ? [i + 1] : []));
}

describe('pyodide-differs', () => {
  it('warns, on the Pyodide engine, about each construct that engine runs differently from Jython', async () => {
    const found = await lint('bad.py', { engine: 'pyodide' });
    assert.deepEqual(found.map((d) => d.line), marked('bad.py'));
    assert.ok(found.every((d) => d.severity === 'warning'));
    assert.match(found[0].message, /locals\(\) also lists the helper names .*chained comparisons/);
    assert.match(found[1].message, /dir\(\) also lists the helper names/);
  });

  it('says nothing about the portable way of writing the same things', async () => {
    assert.deepEqual(await lint('good.py', { engine: 'pyodide' }), []);
  });

  it('says nothing when the Jython engine runs the scripts, or when the engine is not known', async () => {
    assert.deepEqual(await lint('bad.py', { engine: 'jython' }), []);
    assert.deepEqual(await lint('bad.py', {}), []);
  });
});
