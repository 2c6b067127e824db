// What every engine does around its interpreter: one request at a time, the per-script time limit (interrupt, then
// replace the interpreter), replaying loads into a replacement, and errors placed at the user's positions.
import type { Executor, SpawnExecutor } from './executor';
import { ExecutorGone } from './executor';
import { LoadedScript, toPyError, type SourcePosition } from './positions';
import type { PythonResult } from './protocol';
import { refusalDivergences } from './refusals';
import { wireReviver, wireText } from './values';
import {
  HostError,
  type Divergence,
  type Engine,
  type EngineOptions,
  type InvokeRequest,
  type LoadRequest,
  type Outcome,
  type PyError,
  type Value,
} from './types';

const defaultTimeoutMs = 10_000;
/** How long an interrupted script gets to unwind before its interpreter is replaced (it may swallow the interrupt). */
const maxGraceMs = 1_000;
const nullReply = '{"value": null}';
/** Kept objects each interpreter may number before its range would meet the next one's. */
const refsPerInterpreter = 2 ** 32;

/** A script as one engine compiles it, or the SyntaxError that refuses it before it runs (strict mode). */
export interface PreparedLoad {
  loaded: LoadedScript;
  divergences: Divergence[];
  refused?: PyError;
}

export interface EngineParts {
  spawn: SpawnExecutor;
  /** Translates a script for this engine's interpreter (Jython 2.7 to Python 3, or Python 3 forms down to 2.7). */
  prepare(request: LoadRequest): Promise<PreparedLoad>;
  /** What the interpreter is called in messages: "the Python engine", "the Jython engine". */
  name: string;
}

/** Starts the first interpreter and resolves once it is ready for loads. */
export async function startSupervisedEngine(options: EngineOptions, parts: EngineParts): Promise<Engine> {
  const engine = new SupervisedEngine(options, parts);
  await engine.started;
  return engine;
}

const graceMs = (limitMs: number): number => Math.min(maxGraceMs, limitMs);
const timeoutMessage = (limitMs: number): string => `the script ran longer than ${limitMs} ms and was stopped`;

type Execution =
  | { kind: 'result'; result: PythonResult; interrupted: boolean; durationMs: number }
  | { kind: 'timeout'; durationMs: number }
  | { kind: 'crash'; message: string; durationMs: number };

class SupervisedEngine implements Engine {
  readonly started: Promise<void>;
  about: string | undefined;
  private executor: Executor;
  private readonly timeoutMs: number;
  /** Scripts by the filename Python sees (their id). */
  private readonly scripts = new Map<string, LoadedScript>();
  /** Scripts loaded into each namespace, in order: where errors without a user frame are placed. */
  private readonly namespaceScripts = new Map<string, LoadedScript[]>();
  /** Loads that ran, in order, to rebuild a replaced interpreter's namespaces. */
  private readonly history: string[] = [];
  private queue: Promise<unknown> = Promise.resolve();
  private replacing: Promise<void> = Promise.resolve();
  private broken: string | undefined;
  private replaying = false;
  private disposed = false;
  private interpretersStarted = 0;

  constructor(
    private readonly options: EngineOptions,
    private readonly parts: EngineParts,
  ) {
    this.timeoutMs = options.scriptTimeoutMs ?? defaultTimeoutMs;
    this.executor = this.spawn();
    this.started = this.executor.ready.then((ready) => {
      this.about = ready.about;
    });
  }

  async load(request: LoadRequest): Promise<Outcome> {
    const { script, namespace } = request;
    const { loaded, divergences, refused } = await this.parts.prepare(request);
    if (refused) return { ok: false, error: refused, durationMs: 0, divergences };
    // Frames of scripts the engine does not know are left out of tracebacks: the runtime's own stay unknown.
    if (!request.internal) {
      this.scripts.set(script.id, loaded);
      this.namespaceScripts.set(namespace, [...(this.namespaceScripts.get(namespace) ?? []), loaded]);
    }
    const module = script.role.kind === 'library' ? script.role.module : undefined;
    // The text as written travels too: tracebacks a script formats show its lines.
    const payload = JSON.stringify({ filename: script.id, code: loaded.translation.code, source: script.text, namespace, module, internal: request.internal ?? false });
    const outcome = await this.enqueue(() => this.execute({ op: 'load', payload }, loaded.positionOfText(0, false), request.timeoutMs));
    // Replayed later, so only loads that ran to their end: a load that timed out would hang the new interpreter too.
    if (outcome.ok || outcome.error.cause === 'exception') this.history.push(payload);
    return { ...outcome, divergences: [...divergences, ...outcome.divergences] };
  }

  invoke(request: InvokeRequest): Promise<Outcome> {
    const { target } = request;
    const fallback = 'namespace' in target ? this.definition(target.namespace, target.name) : { file: '<engine>', line: 1 };
    const payload = wireText({ target, args: request.args, kwargs: request.kwargs ?? {} });
    return this.enqueue(() => this.execute({ op: 'invoke', payload }, fallback, request.timeoutMs));
  }

  release(ref: number): void {
    void this.enqueue(() => this.executor.request({ op: 'release', ref }).catch(() => undefined));
  }

  async dispose(): Promise<void> {
    this.disposed = true;
    await this.queue;
    await this.replacing;
    await this.executor.terminate();
  }

  /**
   * Where a function of a namespace is defined, for errors that carry no frame of their own (a script stopped by
   * replacing its interpreter, a missing function): the `def` line, else the namespace's last script.
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

  private spawn(): Executor {
    const firstRef = this.interpretersStarted++ * refsPerInterpreter + 1;
    return this.parts.spawn(firstRef, (request) => this.answerHostCall(request));
  }

  /** Runs one request with the time limit: interrupt first, then replace the interpreter if the script will not stop. */
  private async execute(request: { op: 'load' | 'invoke'; payload: string }, fallback: SourcePosition, limitMs = this.timeoutMs): Promise<Outcome> {
    const execution = await this.run(request, limitMs);
    const durationMs = execution.durationMs;
    const fail = (error: PyError, divergences: Divergence[] = []): Outcome => ({ ok: false, error, durationMs, divergences });
    switch (execution.kind) {
      case 'crash':
        return fail({ type: 'EngineCrash', message: execution.message, ...fallback, traceback: [], cause: 'crash' });
      case 'timeout':
        return fail({ type: 'TimeoutError', message: timeoutMessage(limitMs), ...fallback, traceback: [], cause: 'timeout' });
      case 'result': {
        const { result } = execution;
        // What the script tried to reach on the host and was refused (the sealed Pyodide worker reports it).
        const divergences = refusalDivergences(result.refusals ?? [], this.scripts, fallback);
        if (!result.ok && result.replace) {
          // The interpreter answered but may be damaged (its heap was exhausted): a fresh one takes over.
          this.replaceExecutor();
          return fail(toPyError(result.error, 'crash', this.scripts, fallback), divergences);
        }
        if (!execution.interrupted) {
          return result.ok
            ? { ok: true, value: result.value, durationMs, divergences }
            : fail(toPyError(result.error, 'exception', this.scripts, fallback), divergences);
        }
        const where = result.ok ? undefined : toPyError(result.error, 'timeout', this.scripts, fallback);
        return fail({ ...(where ?? { ...fallback, traceback: [] }), type: 'TimeoutError', message: timeoutMessage(limitMs), cause: 'timeout' }, divergences);
      }
    }
  }

  private async run(request: { op: 'load' | 'invoke'; payload: string }, limitMs: number): Promise<Execution> {
    await this.replacing;
    const started = performance.now();
    const elapsed = (): number => performance.now() - started;
    if (this.broken) return { kind: 'crash', message: this.broken, durationMs: 0 };
    try {
      const answer = await this.executor.requestWithin(request, limitMs, graceMs(limitMs));
      if (answer === 'stopped') {
        this.replaceExecutor();
        return { kind: 'timeout', durationMs: elapsed() };
      }
      return { kind: 'result', result: JSON.parse(answer.result, wireReviver) as PythonResult, interrupted: answer.interrupted, durationMs: elapsed() };
    } catch (error) {
      if (!(error instanceof ExecutorGone)) throw error;
      this.replaceExecutor();
      return { kind: 'crash', message: error.message, durationMs: elapsed() };
    }
  }

  /** A fresh interpreter with the same modules, whose namespaces are rebuilt by replaying every load that ran. */
  private replaceExecutor(): void {
    const old = this.executor;
    this.replacing = (async () => {
      await old.terminate();
      if (this.disposed) return;
      try {
        const fresh = this.spawn();
        this.executor = fresh;
        await fresh.ready;
        this.replaying = true;
        for (const payload of this.history) await this.replay(fresh, payload);
      } catch (error) {
        this.broken = `${this.parts.name} could not be restarted: ${error instanceof Error ? error.message : String(error)}`;
      } finally {
        this.replaying = false;
      }
    })();
  }

  /** One replayed load, under the same limit as any script; one that no longer finishes leaves the engine broken. */
  private async replay(executor: Executor, payload: string): Promise<void> {
    if ((await executor.requestWithin({ op: 'load', payload }, this.timeoutMs, graceMs(this.timeoutMs))) === 'stopped') {
      await executor.terminate();
      throw new Error(`replaying ${(JSON.parse(payload) as { filename: string }).filename} no longer finishes in time`);
    }
  }


  /** Runs while the interpreter waits: one JSON request `[name, args]` in, one JSON reply out. */
  private answerHostCall(request: string): string {
    let name = '?';
    try {
      const [callName, args] = JSON.parse(request, wireReviver) as [string, Value[]];
      name = callName;
      if (name === '$location') return JSON.stringify({ value: this.locate(args) });
      if (name === '$output') {
        if (!this.replaying) this.options.onOutput?.(String(args[1]), args[0] === 'stderr' ? 'stderr' : 'stdout');
        return nullReply;
      }
      const value = this.options.hostCall(name, args, { replaying: this.replaying });
      return wireText({ value: value === undefined ? null : value });
    } catch (error) {
      if (error instanceof HostError) return JSON.stringify({ error: [error.type, error.message] });
      const message = error instanceof Error ? error.message : String(error);
      return JSON.stringify({ error: ['RuntimeError', `the runtime failed to answer ${name}: ${message}`] });
    }
  }

  /**
   * `periscope_host.location()`: a frame position in translated code, as [file, line, column] of the user's file. An
   * engine whose frames have no column names the function the frame was calling instead, to find it by.
   */
  private locate([filename, line, column, callee]: Value[]): Value {
    const loaded = typeof filename === 'string' ? this.scripts.get(filename) : undefined;
    if (!loaded || typeof line !== 'number') return null;
    const known = typeof column === 'number' ? column : null;
    const where = typeof callee === 'string' ? loaded.framePosition(line, known, { calling: callee }) : loaded.position(line, known);
    return [where.file, where.line, where.column ?? null];
  }
}
