// Finding and reading `periscope.json` beside a document or at the top of a project folder.
import { existsSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { LoadProblem } from '../source/script';
import { parseJsonFile } from '../loaders/json-file';
import { defaultFixtures, type Fixtures } from './fixtures';
import { readFixtures } from './validate';
import { fsPromises } from '../lazy-node';

export const FIXTURES_FILE = 'periscope.json';

/** `periscope.json` in the folder of `sourcePath` (or the folder itself), if any. */
export function findFixtures(sourcePath: string): string | undefined {
  let folder = sourcePath;
  try {
    if (!statSync(sourcePath).isDirectory()) folder = dirname(sourcePath);
  } catch {
    folder = dirname(sourcePath);
  }
  const candidate = join(folder, FIXTURES_FILE);
  return existsSync(candidate) ? candidate : undefined;
}

export async function loadFixtures(file: string): Promise<{ fixtures: Fixtures; problems: LoadProblem[] }> {
  let text: string;
  try {
    text = await fsPromises().readFile(file, 'utf8');
  } catch (error) {
    return {
      fixtures: defaultFixtures(),
      problems: [{
        file, position: { line: 1, column: 1 }, severity: 'error',
        message: (error as NodeJS.ErrnoException).code === 'EISDIR'
          ? "is a folder; the gateway's fixtures are a periscope.json file, so rename or remove the folder"
          : `cannot read the fixtures file (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}); check the path`,
      }],
    };
  }
  const doc = parseJsonFile(file, text);
  const fixtures = readFixtures(doc, dirname(file));
  return { fixtures, problems: doc.problems };
}
