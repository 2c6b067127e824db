// One Pyodide worker thread as the engine sees it: requests with replies, the host-call channel, the interrupt.
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { MessageChannel, Worker } from 'node:worker_threads';
import { ExecutorGone, withinLimit, type Executor, type ExecutorReady, type ExecutorRequest } from './executor';
import type { WorkerMessage, WorkerRequest, WorkerSetup } from './protocol';

/**
 * The worker's native stack. CPython's guards against deep C recursion (freeing, printing or comparing nested
 * containers) watch WebAssembly's shadow stack, which such recursion barely moves, so on Pyodide they never fire and
 * the native stack overflows instead, a fatal error. Node's default of 4 MB overflows freeing a list nested 100 000
 * deep; 256 MB (address space, touched only when used) frees one nested a million deep.
 */
const stackSizeMb = 256;

/**
 * From a bundle (`dist/*.mjs`) the worker is the sibling bundle; from source (tsx) it is worker.ts, loaded through
 * tsx, so tests never run a stale bundle.
 */
function startWorker(workerData: WorkerSetup): Worker {
  const here = import.meta.url;
  const options = { workerData, transferList: [workerData.hostPort], resourceLimits: { stackSizeMb: stackSizeMb } };
  if (here.endsWith('.mjs')) return new Worker(new URL('./engine-worker.mjs', here), options);
  // Node 20 does not apply tsx's hooks to a worker's entry, so a stub registers tsx and then imports worker.ts.
  const entry = JSON.stringify(new URL('./worker.ts', here).href);
  // Resolved here, not in the stub, so that it works whatever the process's working folder is. require() finds
  // the CommonJS build of tsx's API; its ES module build sits beside it and is the one that works in a worker.
  const api = createRequire(here).resolve('tsx/esm/api').replace(/\.cjs$/, '.mjs');
  const tsx = JSON.stringify(pathToFileURL(api).href);
  const stub = `import(${tsx}).then((tsx) => tsx.tsImport(${entry}, ${JSON.stringify(here)}))`;
  return new Worker(stub, { ...options, eval: true });
}

export class WorkerHandle implements Executor {
  readonly ready: Promise<ExecutorReady>;
  private readonly worker: Worker;
  private readonly interrupt = new Int32Array(new SharedArrayBuffer(4));
  private readonly pending = new Map<number, { resolve: (result: string) => void; reject: (error: Error) => void }>();
  private nextId = 1;
  private gone: Error | undefined;

  constructor(
    options: { modules: Record<string, string>; argDecoder?: string; firstRef: number },
    /** Answers one host call synchronously: JSON request in, JSON reply out. */
    answerHostCall: (request: string) => string,
  ) {
    const hostSignal = new SharedArrayBuffer(4);
    const signal = new Int32Array(hostSignal);
    const { port1, port2 } = new MessageChannel();
    port1.on('message', (request: string) => {
      port1.postMessage(answerHostCall(request));
      // A bump, not a flag: the worker waits for the value to move past what it saw (see hostCall in worker.ts).
      Atomics.add(signal, 0, 1);
      Atomics.notify(signal, 0);
    });
    port1.unref();
    const setup: WorkerSetup = { hostPort: port2, hostSignal, interrupt: this.interrupt.buffer as SharedArrayBuffer, ...options };
    this.worker = startWorker(setup);
    this.ready = new Promise((resolve, reject) => {
      this.worker.on('message', (message: WorkerMessage) => {
        if (message.kind === 'ready') {
          if (this.pending.size === 0) this.worker.unref();
          resolve(message);
        }
        else if (message.kind === 'fatal') {
          reject(new ExecutorGone(`the Python engine failed to start: ${message.message}`));
          void this.worker.terminate();
        } else this.settle(message.id, message.result);
      });
      const stop = (error: Error): void => {
        this.gone ??= error;
        reject(error);
        for (const { reject: fail } of this.pending.values()) fail(error);
        this.pending.clear();
        port1.close();
      };
      this.worker.on('error', (error) => stop(new ExecutorGone(`the Python engine crashed: ${error.message}`)));
      this.worker.on('exit', (code) => stop(new ExecutorGone(`the Python engine stopped (exit code ${code})`)));
    });
    this.ready.catch(() => undefined);
  }

  /** Sends a request; resolves with the Python side's JSON answer. */
  request(request: ExecutorRequest): Promise<string> {
    if (this.gone) return Promise.reject(this.gone);
    const id = this.nextId++;
    // Keep the process alive only while a reply is awaited, so a forgotten dispose() never hangs it.
    if (this.pending.size === 0) this.worker.ref();
    Atomics.store(this.interrupt, 0, 0);
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.worker.postMessage({ ...request, id } as WorkerRequest);
    });
  }

  requestWithin(request: ExecutorRequest, limitMs: number, graceMs: number): Promise<{ result: string; interrupted: boolean } | 'stopped'> {
    // Pyodide's interrupt buffer: 2 is SIGINT, which the interpreter raises as KeyboardInterrupt.
    return withinLimit(this.request(request), limitMs, graceMs, () => Atomics.store(this.interrupt, 0, 2));
  }

  async terminate(): Promise<void> {
    this.gone ??= new ExecutorGone('the Python engine was stopped');
    await this.worker.terminate();
  }

  private settle(id: number, result: string): void {
    const waiting = this.pending.get(id);
    this.pending.delete(id);
    if (this.pending.size === 0) this.worker.unref();
    waiting?.resolve(result);
  }
}
