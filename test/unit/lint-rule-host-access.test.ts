import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { lintText } from '../../shared/lint/linter';

const RULE = 'host-access';

async function lint(text: string) {
  return (await lintText('script.py', text)).filter((d) => d.rule === RULE);
}

describe('host-access', () => {
  it('names what each construct does on the gateway server, as information', async () => {
    const found = (await lintText(`test/fixtures/lint/${RULE}/bad.py`, readFileSync(`test/fixtures/lint/${RULE}/bad.py`, 'utf8'))).filter((d) => d.rule === RULE);
    const byLine = new Map(found.map((d) => [d.line, d]));
    assert.match(byLine.get(2)!.message, /^`subprocess` starts processes on the gateway server: on a gateway this runs with the gateway service's rights/);
    assert.match(byLine.get(5)!.message, /^`java\.lang\.ProcessBuilder` starts processes/);
    assert.equal(byLine.get(16)!.message.split(':')[0], '`system.util.execute` runs a command on the gateway server');
    assert.deepEqual([...new Set(found.filter((d) => d.line !== 7 && d.line !== 8).map((d) => d.severity))], ['info']);
  });

  it('warns that Pyodide modules do not exist on a gateway', async () => {
    const [js] = await lint('import js\n');
    assert.equal(js.severity, 'warning');
    assert.match(js.message, /^`js` is Pyodide's bridge to its JavaScript host, not a gateway module: a gateway's Jython raises ImportError here/);
  });

  it('reports each Java class once, however it is reached', async () => {
    const found = await lint('import java\njava.lang.Runtime.getRuntime().exec("ls")\nfrom java.io import File, Reader\n');
    assert.deepEqual(found.map((d) => [d.line, d.column, d.endColumn]), [[2, 1, 18], [3, 21, 25]]);
  });

  it('is silenced on a line where host access is meant', async () => {
    assert.deepEqual(await lint('import subprocess  # periscope: ignore[host-access]\n'), []);
  });
});
