// Differential test: Python 2 programs run under real Jython 2.7 (Debian's `jython`) and on Periscope's Pyodide
// engine must print exactly the same. This is what "Jython semantics, honoured, not approximated" is held to.
import { strict as assert } from 'node:assert';
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createPyodideEngine } from '../../shared/engine/pyodide';
import type { Engine } from '../../shared/engine/types';
import { LineIndex, OriginMap } from '../../shared/source/origin';
import type { Script } from '../../shared/source/script';

const corpus = 'test/fixtures/jython';
const programs = readdirSync(corpus).filter((f) => f.endsWith('.py')).sort().map((f) => join(corpus, f));

function jythonOutputs(): Record<string, string> | undefined {
  try {
    const stdout = execFileSync('jython', ['test/support/jython-harness.py', ...programs], { encoding: 'utf8', timeout: 120_000 });
    return JSON.parse(stdout.trim().split('\n').pop()!) as Record<string, string>;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

const expected = jythonOutputs();
const describeWithJython = expected ? describe : describe.skip;

describeWithJython(`Python 2 programs print the same on Pyodide as on real Jython${expected ? '' : ' (skipped: no jython on PATH; apt-get install jython)'}`, () => {
  let engine: Engine;
  let output = '';

  before(async () => {
    engine = await createPyodideEngine({ hostCall: () => null, onOutput: (text) => { output += text; } });
  });
  after(async () => engine?.dispose());

  for (const file of programs) {
    it(file.slice(corpus.length + 1), async () => {
      const text = readFileSync(file, 'utf8');
      const script: Script = { id: file, role: { kind: 'module' }, text, origin: OriginMap.slice(file, new LineIndex(text), 0) };
      output = '';
      const outcome = await engine.load({ script, namespace: file });
      if (!outcome.ok) output += `!! ${outcome.error.type}: ${outcome.error.message}\n`;
      assert.equal(output, expected![file]);
    });
  }
});
