// The engine's worker thread: one Pyodide interpreter running every script, answering requests from pyodide.ts.
import { parentPort, receiveMessageOnPort, workerData } from 'node:worker_threads';
import { jythonModules } from '../jython/modules';
import { engineCommonSource } from './common.py';
import { hermeticSource } from './hermetic.py';
import { hostSource } from './host.py';
import type { HostRefusal, WorkerMessage, WorkerRequest, WorkerSetup } from './protocol';
import { sealWorker } from './seal';
import { loadInterpreter } from './snapshot';

const setup = workerData as WorkerSetup;
const signal = new Int32Array(setup.hostSignal);

/**
 * Python's synchronous call into the runtime: post, then sleep until the reply is there. The main thread posts its
 * reply and then bumps the signal; a bump can come late (the main thread paused between posting and notifying), and
 * wake this thread during the next call before that call's reply exists, so the reply is looked for on every wake-up
 * and the wait is on the value seen just before looking.
 */
function hostCall(request: string): string {
  setup.hostPort.postMessage(request);
  for (;;) {
    const seen = Atomics.load(signal, 0);
    const reply = receiveMessageOnPort(setup.hostPort);
    if (reply) return reply.message as string;
    Atomics.wait(signal, 0, seen);
  }
}

const installer = `
import sys, types
def _periscope_install(name, source):
    module = types.ModuleType(name)
    sys.modules[name] = module
    exec(compile(source, '<periscope:%s>' % name, 'exec', dont_inherit=True), module.__dict__)
`;

/** A Python function as Pyodide hands it to JavaScript. */
type PyFunction = (...args: unknown[]) => unknown;

async function start(): Promise<void> {
  const started = performance.now();
  const { pyodide, snapshot } = await loadInterpreter();
  pyodide.registerJsModule('_periscope_js', { call: hostCall });
  pyodide.setInterruptBuffer(new Int32Array(setup.interrupt));
  pyodide.runPython(installer);
  const install = pyodide.globals.get('_periscope_install') as PyFunction;
  install('_periscope_common', engineCommonSource);
  for (const [name, source] of jythonModules) install(name, source);
  install('_periscope_engine', hostSource);
  const engine = pyodide.pyimport('_periscope_engine') as unknown as Record<string, PyFunction>;
  engine.install_modules(JSON.stringify(setup.modules));
  engine.set_arg_decoder(setup.argDecoder ?? '');
  engine.set_first_ref(setup.firstRef);
  const python = pyodide.runPython('import sys; sys.version.split()[0]') as string;
  install('_periscope_hermetic', hermeticSource);
  const hermetic = pyodide.pyimport('_periscope_hermetic') as unknown as Record<string, PyFunction>;
  hermetic.install();
  // What the seal refuses goes to the guard, which knows the script's line that led there; unless Python cannot
  // be entered at that moment (ctypes releases the interpreter lock around a foreign call).
  const unplaced: HostRefusal[] = [];
  sealWorker(pyodide, (call) => {
    try {
      hermetic.refuse(call, 'javascript');
    } catch {
      unplaced.push({ call, reach: 'javascript' });
    }
  });
  const post = (message: WorkerMessage): void => parentPort!.postMessage(message);
  /** A result with the attempts to reach the host the request made, added to its JSON object (rarely any). */
  const answer = (id: number, result: string): void => {
    const refusals = [...(JSON.parse(hermetic.take() as string) as HostRefusal[]), ...unplaced.splice(0)];
    post({ kind: 'result', id, result: refusals.length ? `${result.slice(0, result.lastIndexOf('}'))}, "refusals": ${JSON.stringify(refusals)}}` : result });
  };
  parentPort!.on('message', (request: WorkerRequest) => {
    switch (request.op) {
      case 'load':
        answer(request.id, engine.load(request.payload) as string);
        return;
      case 'invoke':
        answer(request.id, engine.invoke(request.payload) as string);
        return;
      case 'release':
        engine.release(request.ref);
        post({ kind: 'result', id: request.id, result: '{"ok": true, "value": null}' });
        return;
    }
  });
  post({ kind: 'ready', snapshot, startMs: performance.now() - started, about: `Pyodide ${pyodide.version} (Python ${python})` });
}

start().catch((error: unknown) => {
  parentPort!.postMessage({ kind: 'fatal', message: error instanceof Error ? error.stack ?? error.message : String(error) } satisfies WorkerMessage);
});
