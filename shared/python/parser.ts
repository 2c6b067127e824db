// Loads tree-sitter's Python grammar once per process; the linter, the loaders and the Jython translator share it.
import { readFile } from 'node:fs';
import { createRequire } from 'node:module';
import { Language, Node, Parser } from 'web-tree-sitter';

export type { Node as SyntaxNode, Tree } from 'web-tree-sitter';

let language: Promise<Language> | undefined;

/** Where the grammar's wasm lives; a bundle may override it (e.g. the browser extension ships a copy). */
export function pythonWasmPath(): string {
  return createRequire(import.meta.url).resolve('tree-sitter-python/tree-sitter-python.wasm');
}

export function loadPythonLanguage(wasmPath: string = pythonWasmPath()): Promise<Language> {
  // The bytes are read here rather than by Language.load, whose dynamic import() a cached script cannot make.
  language ??= initParser().then(async () => Language.load(await readBytes(wasmPath)));
  return language;
}

/** A file's bytes, through node:fs, which every process has loaded already (node:fs/promises costs a millisecond). */
function readBytes(file: string): Promise<Uint8Array> {
  return new Promise((resolve, reject) => readFile(file, (error, bytes) => (error ? reject(error) : resolve(bytes))));
}

/** The parts of web-tree-sitter's Emscripten module that every node access goes through. */
interface TreeSitterModule {
  locateFile: (name: string) => string;
  HEAP32?: Int32Array;
  setValue?: (address: number, value: number, type?: string) => void;
  getValue?: (address: number, type?: string) => number;
}

/**
 * Starts web-tree-sitter with 32-bit reads and writes of its memory made direct. Every node property and method
 * passes the node through a transfer buffer with `setValue`/`getValue`, which look up their type name on each call
 * and go through a DataView: a quarter of the time the rules spend on nodes (docs/benchmarks.md). The options
 * object becomes the Emscripten module (Parser.init hands it over as `Module`), so its functions can be swapped
 * after start-up; other types, and hosts that are not little-endian, keep the originals.
 */
async function initParser(): Promise<void> {
  const require = createRequire(import.meta.url);
  // Named, not found beside the script: in a bundle, web-tree-sitter's code is not beside its wasm.
  const module: TreeSitterModule = { locateFile: (name) => require.resolve(`web-tree-sitter/${name}`) };
  await Parser.init(module);
  keepNodeTypes();
  const { setValue, getValue } = module;
  if (!setValue || !getValue || !module.HEAP32 || !LITTLE_ENDIAN) return;
  module.setValue = (address, value, type) => {
    // HEAP32 is read on each call: Emscripten replaces it when the memory grows.
    if (type === 'i32') module.HEAP32![address >> 2] = value;
    else setValue(address, value, type);
  };
  module.getValue = (address, type) => (type === 'i32' ? module.HEAP32![address >> 2] : getValue(address, type));
}

const LITTLE_ENDIAN = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;

/**
 * `node.type` asks the wasm module each time, and the rules ask it of the same nodes again and again (about 90,000
 * times for a 5,000-line project, for 30,000 node objects): the answer is kept on the node object at the first
 * ask. A node's type never changes, even when its tree is edited (positions do: they are not kept).
 */
function keepNodeTypes(): void {
  const type = Object.getOwnPropertyDescriptor(Node.prototype, 'type')?.get;
  if (!type) return;
  Object.defineProperty(Node.prototype, 'type', {
    configurable: true,
    get(this: Node & { keptType?: string }): string {
      return (this.keptType ??= type.call(this) as string);
    },
  });
}

/** A fresh parser for the Python grammar. Parsers are cheap; the language is loaded once. */
export async function createPythonParser(): Promise<Parser> {
  const python = await loadPythonLanguage();
  const parser = new Parser();
  parser.setLanguage(python);
  return parser;
}

/**
 * The text tree-sitter should parse for a script: Python ends a line at a lone CR (old Mac files) as at LF, and the
 * grammar does not, so a lone CR is given as LF. One character for one, so every offset still holds.
 */
export function parsableText(text: string): string {
  return text.includes('\r') ? text.replace(/\r(?!\n)/g, '\n') : text;
}
