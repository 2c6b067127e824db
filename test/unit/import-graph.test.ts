// The core's files import one another one way: no import circles, and the runtime's helpers never import the runtime.
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';

const ROOT = resolve(import.meta.dirname, '../..');

function sourceFiles(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return path.endsWith('.ts') ? [path] : [];
  });
}

/** The files a file imports (type imports included: a circle of types is still a circle to a reader). */
function importsOf(file: string): string[] {
  const info = ts.preProcessFile(readFileSync(file, 'utf8'), true, true);
  return info.importedFiles
    .map((f) => f.fileName)
    .filter((name) => name.startsWith('.'))
    .map((name) => resolve(dirname(file), name))
    .map((base) => [`${base}.ts`, join(base, 'index.ts')].find((candidate) => existsSync(candidate)))
    .filter((found): found is string => found !== undefined);
}

function graphOf(folder: string): Map<string, string[]> {
  return new Map(sourceFiles(folder).map((file) => [file, importsOf(file)]));
}

/** One import circle, as the list of files around it, or undefined when there is none. */
function findCircle(graph: Map<string, string[]>): string[] | undefined {
  const state = new Map<string, 'open' | 'done'>();
  const path: string[] = [];
  const visit = (file: string): string[] | undefined => {
    if (state.get(file) === 'done') return undefined;
    if (state.get(file) === 'open') return [...path.slice(path.indexOf(file)), file];
    state.set(file, 'open');
    path.push(file);
    for (const next of graph.get(file) ?? []) {
      const circle = visit(next);
      if (circle) return circle;
    }
    path.pop();
    state.set(file, 'done');
    return undefined;
  };
  for (const file of graph.keys()) {
    const circle = visit(file);
    if (circle) return circle;
  }
  return undefined;
}

describe('the import graph of shared/', () => {
  const graph = graphOf(join(ROOT, 'shared'));

  it('has no import circles', () => {
    const circle = findCircle(graph);
    assert.equal(circle, undefined, `import circle: ${circle?.map((f) => relative(ROOT, f)).join(' -> ')}`);
  });

  it('lets only the runtime\'s drivers import runtime.ts, never its helpers', () => {
    const runtime = join(ROOT, 'shared/runtime/runtime.ts');
    const importers = [...graph].filter(([, imports]) => imports.includes(runtime)).map(([file]) => relative(ROOT, file)).sort();
    assert.deepEqual(importers.filter((f) => f.startsWith('shared/runtime/')), ['shared/runtime/simulation.ts']);
  });

  it('lets the dev gateway reach the runtime only through the inspector protocol (types aside)', () => {
    const folder = join(ROOT, 'shared/dev-gateway');
    const reaching = sourceFiles(folder).flatMap((file) =>
      [...readFileSync(file, 'utf8').matchAll(/^import (?!type )[^;]*from '(\.\.\/runtime\/[^']+)'/gm)].map((m) => `${relative(ROOT, file)} imports ${m[1]}`));
    assert.deepEqual(reaching, []);
  });

  it('keeps the lint command\'s own bundle free of the runtime, the engines, the dev gateway, the inspector and the language server', () => {
    const HEAVY = /^shared\/(dev-gateway|inspector|lsp)\/|^shared\/runtime\/(runtime|simulation)\.ts$|^shared\/engine\/(pyodide|supervisor|worker)\.ts$/;
    // Type imports vanish from a bundle; the closure follows the imports that load code.
    const loads = (file: string) => [...readFileSync(file, 'utf8').matchAll(/^import (?!type )[^;]*from '(\.[^']+)'/gm)]
      .map((m) => resolve(dirname(file), m[1]))
      .map((base) => [`${base}.ts`, join(base, 'index.ts')].find((candidate) => existsSync(candidate)))
      .filter((found): found is string => found !== undefined);
    const reached = new Set<string>();
    const visit = (file: string): void => {
      if (reached.has(file)) return;
      reached.add(file);
      loads(file).forEach(visit);
    };
    visit(join(ROOT, 'shared/cli/main-lint.ts'));
    assert.ok(reached.has(join(ROOT, 'shared/lint/linter.ts')));
    assert.deepEqual([...reached].map((f) => relative(ROOT, f)).filter((f) => HEAVY.test(f)), []);
  });

  it('finds a circle when there is one (the check can fail)', () => {
    const a = '/a.ts';
    const b = '/b.ts';
    assert.deepEqual(findCircle(new Map([[a, [b]], [b, [a]]])), [a, b, a]);
    assert.equal(findCircle(new Map([[a, [b]], [b, []]])), undefined);
  });
});
