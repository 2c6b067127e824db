// Where the end-to-end tests put their screenshots. `npm run screenshots` sets PERISCOPE_SCREENSHOTS so that they
// refresh the pictures in docs/images/ for the README; an ordinary test run takes them too (so drawing the UI is
// exercised) but into a temporary folder, leaving the tracked pictures alone.
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const DOCS_IMAGES = join(import.meta.dirname, '..', '..', 'docs', 'images');
let folder: string | undefined;

/** The path a screenshot named `name` (e.g. `panel-logs.png`) is written to. */
export function screenshotPath(name: string): string {
  if (folder === undefined) {
    folder = process.env.PERISCOPE_SCREENSHOTS ? DOCS_IMAGES : mkdtempSync(join(tmpdir(), 'periscope-screenshots-'));
    mkdirSync(folder, { recursive: true });
  }
  return join(folder, name);
}
