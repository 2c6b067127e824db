// Builds the .vsix: the bundles of `npm run build`, the packages they load at run time (wasm, Python's standard
// library, SQLite's native module), packed by @vscode/vsce. Run as `npm run package:vscode`.
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const root = dirname(here);
const modules = join(here, 'node_modules');

/** The package folder of a dependency: the repository's own node_modules (some packages export no package.json). */
function packageDir(name) {
  return join(root, 'node_modules', name);
}

/** A package's files the bundles read, with its runtime dependencies; `files` limits what is copied. */
const shipped = {
  pyodide: ['package.json', 'pyodide.mjs', 'pyodide.js', 'pyodide.asm.mjs', 'pyodide.asm.js', 'pyodide.asm.wasm', 'python_stdlib.zip', 'pyodide-lock.json'],
  'better-sqlite3': ['package.json', 'lib', 'build/Release/better_sqlite3.node'],
  bindings: null,
  'file-uri-to-path': null,
  'web-tree-sitter': null,
  'tree-sitter-python': ['package.json', 'tree-sitter-python.wasm'],
  ws: null,
};

rmSync(modules, { recursive: true, force: true });
for (const [name, files] of Object.entries(shipped)) {
  const from = packageDir(name);
  const to = join(modules, name);
  mkdirSync(to, { recursive: true });
  for (const file of files ?? ['.']) {
    try {
      cpSync(join(from, file), join(to, file), { recursive: true });
    } catch (error) {
      if (error.code !== 'ENOENT') throw error;
    }
  }
  // Dependencies needed only to build or type-check the package (prebuild-install, node-addon-api...) are not shipped.
  const pkgFile = join(to, 'package.json');
  const pkg = JSON.parse(readFileSync(pkgFile, 'utf8'));
  for (const field of ['dependencies', 'optionalDependencies', 'peerDependencies']) {
    if (pkg[field]) pkg[field] = Object.fromEntries(Object.entries(pkg[field]).filter(([dep]) => dep in shipped));
  }
  writeFileSync(pkgFile, JSON.stringify(pkg, null, 2));
}

// vsce packs the dependencies the manifest declares: declare the shipped packages at the versions copied.
const manifestFile = join(here, 'package.json');
const manifest = JSON.parse(readFileSync(manifestFile, 'utf8'));
manifest.dependencies = Object.fromEntries(Object.keys(shipped).map((name) => [name, JSON.parse(readFileSync(join(modules, name, 'package.json'), 'utf8')).version]));
writeFileSync(manifestFile, `${JSON.stringify(manifest, null, 2)}\n`);
const { version } = manifest;
const out = join(here, 'dist', `periscope-${version}.vsix`);
const vsce = join(packageDir('@vscode/vsce'), 'vsce');
execFileSync(process.execPath, [vsce, 'package', '--allow-missing-repository', '--out', out], { cwd: here, stdio: 'inherit' });
console.log(out);
