// Turns a session-script document (Markdown) or a .py file of event functions into a runnable project source.
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { LineIndex, OriginMap } from '../source/origin';
import { defaultFixtures, type Fixtures } from '../gateway-config/fixtures';
import { findFixtures, loadFixtures } from '../gateway-config/load';
import { loadDocument } from '../loaders/document';
import type { LoadProblem, Script } from '../source/script';
import { setUpModule } from './conventions';
import type { ProjectSource } from './project';

/** Reads a `.md` document or a `.py` file and the fixtures beside it (or the given ones). */
export async function loadScriptSource(file: string, options: { fixturesFile?: string } = {}): Promise<ProjectSource> {
  const text = await readFile(file, 'utf8');
  const fixturesFile = options.fixturesFile ?? findFixtures(file);
  let fixtures: Fixtures = defaultFixtures();
  const problems: LoadProblem[] = [];
  if (fixturesFile) {
    const loaded = await loadFixtures(fixturesFile);
    fixtures = loaded.fixtures;
    problems.push(...loaded.problems);
  }
  if (/\.py$/i.test(file)) {
    const script: Script = { id: file, role: { kind: 'module' }, text, origin: OriginMap.slice(file, new LineIndex(text), 0), title: basename(file) };
    return {
      file, fixtures, problems,
      setUp: (runner) => setUpModule(runner, { file, blocks: [script], scriptStrings: [], params: {}, fixtures }),
    };
  }
  const doc = await loadDocument(file, text);
  problems.push(...doc.problems);
  if (doc.blocks.length === 0) {
    problems.push({ file, position: { line: 1, column: 1 }, severity: 'error', message: 'the document has no ```python block; write the session scripts in fenced python blocks' });
  }
  return {
    file, fixtures, problems,
    setUp: (runner) => setUpModule(runner, { file, blocks: doc.blocks, scriptStrings: doc.scriptStrings, params: doc.params, fixtures }),
  };
}
