// Where the end-to-end tests put their screenshots: docs/images/, where the README shows them, unless
// PERISCOPE_SCREENSHOTS names another folder (for runs that must leave the checkout untouched).
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';

const DOCS_IMAGES = join(import.meta.dirname, '..', '..', 'docs', 'images');

/** The path a screenshot named `name` (e.g. `panel-logs.png`) is written to. */
export function screenshotPath(name: string): string {
  const folder = process.env.PERISCOPE_SCREENSHOTS || DOCS_IMAGES;
  mkdirSync(folder, { recursive: true });
  return join(folder, name);
}
