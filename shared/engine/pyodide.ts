// The Pyodide engine: runs Jython 2.7 scripts, translated to Python 3, in one worker-thread interpreter.
import { translate, translateNow } from '../jython/translate';
import { LoadedScript, toPyError, type SourcePosition } from './positions';
import type { PythonResult, SnapshotUse } from './protocol';
import {
  HostError,
  type Engine,
  type EngineOptions,
  type InvokeRequest,
  type LoadRequest,
  type Outcome,
  type PyError,
  type Value,
} from './types';
import { WorkerGone, WorkerHandle } from './worker-handle';

const defaultTimeoutMs = 10_000;
/** How long an interrupted script gets to unwind before its worker is replaced (it may swallow KeyboardInterrupt). */
const maxGraceMs = 1_000;
const nullReply = '{"value": null}';
/** Kept objects each worker may number before its range would meet the next worker's. */
const refsPerWorker = 2 ** 32;

/** Starts the worker and resolves once the interpreter is ready for loads. */
export async function createPyodideEngine(options: EngineOptions): Promise<Engine> {
  const engine = new PyodideEngine(options);
  await engine.started;
  return engine;
}

type Execution =
  | { kind: 'result'; result: PythonResult; interrupted: boolean; durationMs: number }
  | { kind: 'timeout'; durationMs: number }
  | { kind: 'crash'; message: string; durationMs: number };

class PyodideEngine implements Engine {
  readonly started: Promise<{ snapshot: SnapshotUse; startMs: number }>;
  private worker: WorkerHandle;
  private readonly timeoutMs: number;
  /** Scripts by the filename Python sees (their id). */
  private readonly scripts = new Map<string, LoadedScript>();
  /** Scripts loaded into each namespace, in order: where errors without a user frame are placed. */
  private readonly namespaceScripts = new Map<string, LoadedScript[]>();
  /** Loads that ran, in order, to rebuild a replaced worker's namespaces. */
  private readonly history: string[] = [];
  private queue: Promise<unknown> = Promise.resolve();
  private replacing: Promise<void> = Promise.resolve();
  private broken: string | undefined;
  private replaying = false;
  private disposed = false;
  private workersStarted = 0;

  constructor(private readonly options: EngineOptions) {
    this.timeoutMs = options.scriptTimeoutMs ?? defaultTimeoutMs;
    this.worker = this.spawn();
    this.started = this.worker.ready;
  }

  async load(request: LoadRequest): Promise<Outcome> {
    const { script, namespace } = request;
    const loaded = new LoadedScript(script, await translate(script.text, { file: script.id }));
    const divergences = loaded.divergences();
    if (request.strict && divergences.length > 0) {
      // The gateway refuses to compile the script: fail at the first Python-3-only construct, running nothing.
      const where = loaded.positionOfText(loaded.translation.py3Only[0].offset);
      const error: PyError = {
        type: 'SyntaxError',
        message: divergences[0].message,
        file: where.file,
        line: where.line,
        column: where.column,
        traceback: [{ ...where, function: '<module>' }],
        cause: 'syntax',
      };
      return { ok: false, error, durationMs: 0, divergences };
    }
    // Frames of scripts the engine does not know are left out of tracebacks: the runtime's own stay unknown.
    if (!request.internal) {
      this.scripts.set(script.id, loaded);
      this.namespaceScripts.set(namespace, [...(this.namespaceScripts.get(namespace) ?? []), loaded]);
    }
    const module = script.role.kind === 'library' ? script.role.module : undefined;
    const payload = JSON.stringify({ filename: script.id, code: loaded.translation.code, source: script.text, namespace, module, internal: request.internal ?? false });
    const outcome = await this.enqueue(() => this.execute({ op: 'load', payload }, loaded.positionOfText(0, false)));
    // Replayed later, so only loads that ran to their end: a load that timed out would hang the new worker too.
    if (outcome.ok || outcome.error.cause === 'exception') this.history.push(payload);
    return { ...outcome, divergences };
  }

  invoke(request: InvokeRequest): Promise<Outcome> {
    const { target } = request;
    const fallback = 'namespace' in target ? this.definition(target.namespace, target.name) : { file: '<engine>', line: 1 };
    const payload = JSON.stringify({ target, args: request.args, kwargs: request.kwargs ?? {} });
    return this.enqueue(() => this.execute({ op: 'invoke', payload }, fallback));
  }

  release(ref: number): void {
    void this.enqueue(() => this.worker.request({ op: 'release', ref }).catch(() => undefined));
  }

  async dispose(): Promise<void> {
    this.disposed = true;
    await this.queue;
    await this.replacing;
    await this.worker.terminate();
  }

  /**
   * Where a function of a namespace is defined, for errors that carry no frame of their own (a script stopped by
   * replacing its worker, a missing function): the `def` line, else the namespace's last script.
   */
  private definition(namespace: string, name: string): SourcePosition {
    const scripts = this.namespaceScripts.get(namespace) ?? [];
    for (const script of [...scripts].reverse()) {
      const found = script.definitionOf(name);
      if (found) return found;
    }
    return scripts.at(-1)?.positionOfText(0, false) ?? { file: '<engine>', line: 1 };
  }

  private enqueue<T>(task: () => Promise<T>): Promise<T> {
    const next = this.queue.then(task);
    this.queue = next.catch(() => undefined);
    return next;
  }

  private spawn(): WorkerHandle {
    const firstRef = this.workersStarted++ * refsPerWorker + 1;
    return new WorkerHandle({ modules: this.options.modules ?? {}, argDecoder: this.options.argDecoder, firstRef }, (request) =>
      this.answerHostCall(request),
    );
  }

  /** Runs one request with the time limit: interrupt first, then replace the worker if the script will not stop. */
  private async execute(request: { op: 'load' | 'invoke'; payload: string }, fallback: SourcePosition): Promise<Outcome> {
    const execution = await this.run(request);
    const durationMs = execution.durationMs;
    const fail = (error: PyError): Outcome => ({ ok: false, error, durationMs, divergences: [] });
    switch (execution.kind) {
      case 'crash':
        return fail({ type: 'EngineCrash', message: execution.message, ...fallback, traceback: [], cause: 'crash' });
      case 'timeout':
        return fail({ type: 'TimeoutError', message: this.timeoutMessage(), ...fallback, traceback: [], cause: 'timeout' });
      case 'result': {
        const { result } = execution;
        if (!execution.interrupted) {
          return result.ok
            ? { ok: true, value: result.value, durationMs, divergences: [] }
            : fail(toPyError(result.error, 'exception', this.scripts, fallback));
        }
        const where = result.ok ? undefined : toPyError(result.error, 'timeout', this.scripts, fallback);
        return fail({ ...(where ?? { ...fallback, traceback: [] }), type: 'TimeoutError', message: this.timeoutMessage(), cause: 'timeout' });
      }
    }
  }

  private async run(request: { op: 'load' | 'invoke'; payload: string }): Promise<Execution> {
    await this.replacing;
    const started = performance.now();
    const elapsed = (): number => performance.now() - started;
    if (this.broken) return { kind: 'crash', message: this.broken, durationMs: 0 };
    try {
      const answer = await this.worker.requestWithin(request, this.timeoutMs, this.graceMs());
      if (answer === 'stopped') {
        this.replaceWorker();
        return { kind: 'timeout', durationMs: elapsed() };
      }
      return { kind: 'result', result: JSON.parse(answer.result) as PythonResult, interrupted: answer.interrupted, durationMs: elapsed() };
    } catch (error) {
      if (!(error instanceof WorkerGone)) throw error;
      this.replaceWorker();
      return { kind: 'crash', message: error.message, durationMs: elapsed() };
    }
  }

  /** A fresh worker with the same modules, whose namespaces are rebuilt by replaying every load that ran. */
  private replaceWorker(): void {
    const old = this.worker;
    this.replacing = (async () => {
      await old.terminate();
      if (this.disposed) return;
      const fresh = this.spawn();
      this.worker = fresh;
      try {
        await fresh.ready;
        this.replaying = true;
        for (const payload of this.history) await this.replay(fresh, payload);
      } catch (error) {
        this.broken = `the Python engine could not be restarted: ${error instanceof Error ? error.message : String(error)}`;
      } finally {
        this.replaying = false;
      }
    })();
  }

  /** One replayed load, under the same limit as any script; one that no longer finishes leaves the engine broken. */
  private async replay(worker: WorkerHandle, payload: string): Promise<void> {
    if ((await worker.requestWithin({ op: 'load', payload }, this.timeoutMs, this.graceMs())) === 'stopped') {
      await worker.terminate();
      throw new Error(`replaying ${(JSON.parse(payload) as { filename: string }).filename} no longer finishes in time`);
    }
  }

  private graceMs(): number {
    return Math.min(maxGraceMs, this.timeoutMs);
  }

  private timeoutMessage(): string {
    return `the script ran longer than ${this.timeoutMs} ms and was stopped`;
  }

  /** Runs on the main thread while the worker waits: one JSON request `[name, args]` in, one JSON reply out. */
  private answerHostCall(request: string): string {
    let name = '?';
    try {
      const [callName, args] = JSON.parse(request) as [string, Value[]];
      name = callName;
      if (name === '$location') return JSON.stringify({ value: this.locate(args) });
      // exec and eval of Python 2 text built by a script: translated like a script.
      if (name === '$translate') return JSON.stringify({ value: translateNow(String(args[0])).code });
      if (name === '$output') {
        if (!this.replaying) this.options.onOutput?.(String(args[1]), args[0] === 'stderr' ? 'stderr' : 'stdout');
        return nullReply;
      }
      const value = this.options.hostCall(name, args, { replaying: this.replaying });
      return JSON.stringify({ value: value === undefined ? null : value });
    } catch (error) {
      if (error instanceof HostError) return JSON.stringify({ error: [error.type, error.message] });
      const message = error instanceof Error ? error.message : String(error);
      return JSON.stringify({ error: ['RuntimeError', `the runtime failed to answer ${name}: ${message}`] });
    }
  }

  /** `periscope_host.location()`: a frame position in translated code, as [file, line, column] of the user's file. */
  private locate([filename, line, column]: Value[]): Value {
    const loaded = typeof filename === 'string' ? this.scripts.get(filename) : undefined;
    if (!loaded || typeof line !== 'number') return null;
    const where = loaded.position(line, typeof column === 'number' ? column : null);
    return [where.file, where.line, where.column ?? null];
  }
}
