// A lint pool's worker thread: lints the files the main thread sends, one message per file, with its own parser.
import { parentPort } from 'node:worker_threads';
import type { Diagnostic } from './diagnostic';
import { Linter, type LintOptions } from './linter';
import { scriptsOfText } from './text-scripts';

/** One file to lint: its path and text as the main thread read them, and the options its configuration gives. */
export interface LintJob {
  id: number;
  file: string;
  text: string;
  options: LintOptions;
}

export type LintJobResult = { id: number; diagnostics: Diagnostic[] } | { id: number; error: string };

const port = parentPort;
if (port) {
  const linter = Linter.create();
  port.on('message', (job: LintJob) => {
    void (async () => {
      try {
        const { scripts } = await scriptsOfText(job.file, job.text);
        port.postMessage({ id: job.id, diagnostics: (await linter).lintScripts(scripts, job.options) } satisfies LintJobResult);
      } catch (error) {
        port.postMessage({ id: job.id, error: (error as Error).stack ?? String(error) } satisfies LintJobResult);
      }
    })();
  });
}
