// Linting files on worker threads: the same diagnostics as on the main thread, each file's at its own index.
import { strict as assert } from 'node:assert';
import { Linter } from '../../shared/lint/linter';
import { lintInPool } from '../../shared/lint/pool';
import { scriptsOfText } from '../../shared/lint/text-scripts';

describe('linting files in a pool of worker threads', () => {
  it('returns for each file what the main thread finds in it, in the order given', async () => {
    const files = Array.from({ length: 7 }, (_, i) => ({
      file: `/project/scripts${i}.py`,
      text: `def onStartup(session):\n\tuser = session.auth.user\n\tsystem.tag.read("a%d" % ${i})\n`.repeat(i + 1) + (i % 2 ? 'x = f"{y}"\n' : ''),
      options: { target: i % 3 === 0 ? '8.1' as const : '8.3' as const },
    }));
    files.push({ file: '/project/doc.md', text: '# Startup\n\n```python\ndef onStartup(session):\n\tsystem.perspective.navigate("/home")\n```\n', options: { target: '8.3' } });
    const linter = await Linter.create();
    try {
      const scripts = await Promise.all(files.map(async ({ file, text }) => (await scriptsOfText(file, text)).scripts));
      const onMainThread: number[] = [];
      const pooled = await lintInPool(files, 2, (i) => {
        onMainThread.push(i);
        return linter.lintScripts(scripts[i], files[i].options);
      });
      for (const [i, { options }] of files.entries()) {
        const expected = linter.lintScripts(scripts[i], options);
        assert.ok(expected.length > 0);
        assert.deepEqual(pooled[i], expected);
      }
      // The main thread took its share, and the worker the rest.
      assert.ok(onMainThread.length > 0 && onMainThread.length < files.length);
    } finally {
      linter.dispose();
    }
  });

  it('fails with the file named when a worker cannot lint it', async () => {
    const files = [{ file: '/p/a.py', text: 'x = 1\n', options: {} }, { file: '/p/b.py', text: 'y\n', options: { globals: 5 as unknown as string[] } }];
    // A worker is handed its first files before the main thread starts on its own share: both go to the worker here.
    await assert.rejects(lintInPool(files, 2, () => assert.fail('the main thread had no file to lint')), /linting \/p\/b\.py failed/);
  });
});
