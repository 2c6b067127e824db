import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { lintScripts, lintText } from '../../shared/lint/linter';
import { LineIndex, OriginMap } from '../../shared/source/origin';

const RULE = 'vision-only-api';

async function lint(name: string) {
  const file = `test/fixtures/lint/${RULE}/${name}`;
  return lintText(file, readFileSync(file, 'utf8'));
}

describe('vision-only-api', () => {
  it('reports Vision client functions in a Perspective script, with what Perspective offers instead', async () => {
    const found = (await lint('bad.py')).filter((d) => d.rule === RULE);
    assert.deepEqual(
      found.map((d) => [d.line, d.column, d.endColumn, d.severity]),
      [
        [2, 8, 26, 'error'],
        [3, 9, 26, 'error'],
        [4, 12, 39, 'error'],
        [5, 5, 28, 'error'],
      ],
    );
    assert.match(found[0].message, /system\.gui\.confirm exists only in Vision.*system\.perspective\.openPopup/);
    assert.match(found[1].message, /system\.nav\.swapTo .*use system\.perspective\.navigate/);
    assert.match(found[2].message, /getUsername .*session\.props\.auth\.user\.userName/);
    assert.match(found[3].message, /system\.util\.invokeLater exists only in Vision/);
  });

  it('says nothing about the Perspective way of doing the same things', async () => {
    assert.deepEqual(await lint('good.py'), []);
  });

  it('leaves project library scripts alone, since Vision windows may call them too', async () => {
    const text = 'def confirm(message):\n    return system.gui.confirm(message)\n';
    const script = {
      id: 'ignition/script-python/dialogs/code.py',
      role: { kind: 'library' as const, module: 'dialogs' },
      text,
      origin: OriginMap.slice('ignition/script-python/dialogs/code.py', new LineIndex(text), 0),
    };
    assert.deepEqual((await lintScripts([script])).filter((d) => d.rule === RULE), []);
  });
});
