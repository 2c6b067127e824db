// Seals the engine's worker thread once Pyodide has started, so that no script can reach the host through it.
//
// Python code can obtain JavaScript objects (Pyodide's `js` module, any proxy's `.constructor`, ctypes calls into
// Emscripten's `system()`), and a guard written in Python can always be walked around. The boundary is therefore
// drawn here, in the worker's own JavaScript realm: code generation from strings is disabled, host-reaching
// globals are removed, module loading is closed, and the worker's instances of Node's host modules (each worker
// thread has its own) lose every function that spawns, connects, touches files or loads code. Node's permission
// model cannot do this: it applies to the whole process, which must keep its files and its database.
import { createRequire, isBuiltin, syncBuiltinESMExports } from 'node:module';
import type { PyodideAPI } from 'pyodide';

/** Node modules whose every function reaches the host (processes, sockets, files, code loading, inspection). */
const HOST_MODULES = [
  'child_process', 'cluster', 'dgram', 'dns', 'dns/promises', 'fs', 'fs/promises', 'http', 'http2', 'https',
  'inspector', 'net', 'repl', 'tls', 'trace_events', 'tty', 'vm', 'wasi',
];

/** Single members of otherwise harmless modules that reach the host. */
const HOST_MEMBERS: Record<string, readonly string[]> = {
  module: ['_load', '_resolveFilename', '_findPath', 'createRequire', 'register', 'runMain', '_preloadModules', '_initPaths'],
  os: ['setPriority'],
  test: ['run'],
  v8: ['setFlagsFromString', 'writeHeapSnapshot', 'getHeapSnapshot'],
  worker_threads: ['Worker'],
};

/**
 * Members of `process` that load native code, reach other processes or change the process. `process` itself stays:
 * Emscripten's system calls read it (getuid, umask), and ending the thread (`exit`) only ends this worker.
 */
const PROCESS_MEMBERS = [
  'binding', '_linkedBinding', 'chdir', 'dlopen', 'getBuiltinModule', 'initgroups', 'kill', '_kill', 'setegid',
  'seteuid', 'setgid', 'setgroups', 'setuid', '_debugProcess', 'openStdin',
];

/** Globals through which code reaches the host or the network. */
const HOST_GLOBALS = [
  'require', 'module', 'exports', '__filename', '__dirname', 'fetch', 'WebSocket', 'EventSource', 'XMLHttpRequest',
  'Worker', 'importScripts',
];

/** Pyodide's own ways to mount host folders, load packages from the host or open real sockets. */
const PYODIDE_MEMBERS = ['mountNodeFS', 'mountNativeFS', 'loadPackage', 'loadPackagesFromImports', 'useNodeSockFS', 'registerJsModule'];

/** The constructors that compile source text: any function reaches one as `.constructor`. */
const compilers = [
  Function,
  Object.getPrototypeOf(async function () {}).constructor,
  Object.getPrototypeOf(function* () {}).constructor,
  Object.getPrototypeOf(async function* () {}).constructor,
] as Array<{ prototype: object; name: string }>;

/** Thrown by a sealed function; `code` EACCES is what Emscripten's file system turns into a PermissionError. */
export class HostAccessRefused extends Error {
  readonly code = 'EACCES';

  constructor(readonly call: string) {
    super(`${call} is not available to scripts: the simulator's Python engine is sealed`);
  }
}

/** What a sealed function does after reporting the attempt: throw, or return a value its callers read as failure. */
type Refuse = 'throw' | { returns: () => unknown };

/**
 * Seals this thread; `refused` hears of every later attempt, named as the script reached it. A sealed function
 * throws HostAccessRefused, except where its caller may be C code that cannot unwind a JavaScript exception
 * (ctypes calling Emscripten's `system()` or `emscripten_run_script()`): there it fails the way its callers expect.
 */
export function sealWorker(pyodide: PyodideAPI, refused: (call: string) => void): void {
  const stand = (call: string, original: unknown, refuse: Refuse = 'throw') => {
    const standIn = function () {
      refused(call);
      if (refuse === 'throw') throw new HostAccessRefused(call);
      return refuse.returns();
    };
    // Keeps `instanceof` working for the classes among them (net.Socket, worker_threads.Worker...).
    if (typeof original === 'function' && original.prototype) standIn.prototype = original.prototype;
    return standIn;
  };
  const replace = (target: Record<string, unknown>, name: string, call: string, refuse?: Refuse): void => {
    const descriptor = Object.getOwnPropertyDescriptor(target, name);
    if (!descriptor || typeof descriptor.value !== 'function' || (!descriptor.configurable && !descriptor.writable)) return;
    Object.defineProperty(target, name, { ...descriptor, value: stand(call, descriptor.value, refuse) });
  };

  pyodide.unregisterJsModule('js');
  pyodide.unregisterJsModule('pyodide_js');
  for (const name of PYODIDE_MEMBERS) replace(pyodide as unknown as Record<string, unknown>, name, `pyodide.${name}`);
  replace(pyodide.FS as unknown as Record<string, unknown>, 'mount', 'pyodide.FS.mount');

  // Every module is loaded before any is sealed (sealing `module` ends loading); those nobody had loaded yet are
  // sealed too, since some object found later could still hand them out.
  const require = createRequire(import.meta.url);
  const modules = new Map<string, Record<string, unknown>>();
  const emitWarning = process.emitWarning;
  process.emitWarning = () => {}; // wasi announces itself as experimental when loaded
  try {
    for (const id of [...HOST_MODULES, ...Object.keys(HOST_MEMBERS)]) {
      try {
        modules.set(id, require(`node:${id}`) as Record<string, unknown>);
      } catch {
        // A module a worker thread cannot load at all (trace_events): nothing to seal.
      }
    }
  } finally {
    process.emitWarning = emitWarning;
  }
  const Module = modules.get('module') as unknown as { _load: (id: string) => unknown; prototype: Record<string, unknown> };
  const loadBuiltin = Module._load.bind(Module);
  for (const [id, exports] of modules) {
    for (const name of HOST_MEMBERS[id] ?? Object.getOwnPropertyNames(exports)) {
      // Node documents a failed spawnSync as a result with `error`, and Emscripten's system() reads it so.
      const failed = { returns: () => ({ pid: 0, output: null, stdout: null, stderr: null, status: 127, signal: null, error: new HostAccessRefused(`${id}.${name}`) }) };
      replace(exports, name, `${id}.${name}`, id === 'child_process' && name === 'spawnSync' ? failed : 'throw');
    }
  }
  // A `require` kept by code loaded earlier (Emscripten's `system()` holds one) still gets built-in modules, now
  // sealed, and nothing else.
  const builtin = (id: string): unknown => modules.get(id.replace(/^node:/, '')) ?? loadBuiltin(id);
  Object.defineProperty(Module.prototype, 'require', {
    value: (id: unknown) => (typeof id === 'string' && isBuiltin(id) ? builtin(id) : stand(`require(${JSON.stringify(id)})`, undefined)()),
  });
  replace(Module.prototype, '_compile', 'module._compile');
  // Named ESM imports of these modules (Pyodide's loader holds some) follow their CommonJS exports only now.
  syncBuiltinESMExports();

  for (const name of PROCESS_MEMBERS) replace(process as unknown as Record<string, unknown>, name, `process.${name}`);
  replace(process.report as unknown as Record<string, unknown>, 'writeReport', 'process.report.writeReport');
  process.env = {};

  for (const compiler of compilers) {
    const tamed = stand(`new ${compiler.name}`, undefined);
    tamed.prototype = compiler.prototype;
    Object.defineProperty(compiler.prototype, 'constructor', { value: tamed, writable: false, configurable: false });
    if (compiler === Function) Object.defineProperty(globalThis, 'Function', { value: tamed, writable: false, configurable: false });
  }
  // Emscripten's emscripten_run_script() evaluates with `eval` from C code: undefined is its "nothing happened".
  Object.defineProperty(globalThis, 'eval', { value: stand('eval', undefined, { returns: () => undefined }), writable: false, configurable: false });
  for (const name of HOST_GLOBALS) delete (globalThis as Record<string, unknown>)[name];
}
