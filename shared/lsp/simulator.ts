// The language server's side of the simulator process: starts it, sends runs, and survives what runs do to it.
//
// Runs never execute on the server's request thread. A script that never returns is interrupted by the engine
// (its worker replaced if it swallows the interrupt); a process that dies or stops answering is replaced, and the
// run it held fails with a message that says so. Runs queue one at a time; a run that is superseded before it
// starts is dropped.
import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { SimulationResult } from '../runtime/simulation';
import type { Scenario } from '../runtime/scenario';
import type { SimulatorAnswer, SimulatorRun } from './simulator-protocol';

export interface SimulatorOptions {
  /** The Node.js that runs the simulator; the server's own by default. */
  nodePath?: string;
  /** Seconds a script may run before the engine interrupts it. */
  scriptTimeoutSeconds?: number;
  /** Seconds a whole run may take before the process is considered hung and replaced. */
  runTimeoutSeconds?: number;
  /** The Python engine runs use (`auto`, `pyodide`, `jython`): one setting, read by the simulator process. */
  engine?: string;
  /** Where a periscope.json may name the Jython jar (the first workspace folder). */
  source?: string;
  log?: (message: string) => void;
}

export interface RunInput {
  source: string;
  scenario: Scenario;
  fixturesFile?: string;
  strict?: boolean;
}

/** A run that did not produce a result: `input` errors are the person's to fix, others the simulator's. */
export class SimulatorError extends Error {
  constructor(message: string, readonly input = false) {
    super(message);
  }
}

interface Pending {
  run: SimulatorRun;
  resolve: (result: SimulationResult) => void;
  reject: (error: Error) => void;
  timer?: NodeJS.Timeout;
}

/** What a live runtime's inspector hears from the simulator. */
export interface InspectorEvents {
  frame(inspector: number, text: string): void;
  closed(inspector: number, reason: string): void;
}

export class Simulator {
  private child: ChildProcess | undefined;
  private nextId = 1;
  private current: Pending | undefined;
  private readonly waiting: Pending[] = [];
  private disposed = false;
  /** Live runtimes being opened, and open, by inspector id. */
  private readonly opening = new Map<number, { resolve: () => void; reject: (error: Error) => void }>();
  private readonly inspectors = new Set<number>();
  private inspectorEvents: InspectorEvents | undefined;

  constructor(private readonly options: SimulatorOptions = {}) {}

  /** Starts the process ahead of the first run, so the engine is warm when it comes. */
  warm(): void {
    this.ensureChild();
  }

  run(input: RunInput, signal?: AbortSignal): Promise<SimulationResult> {
    if (this.disposed) return Promise.reject(new SimulatorError('the language server is shutting down'));
    return new Promise((resolve, reject) => {
      const pending: Pending = { run: { id: this.nextId++, ...input }, resolve, reject };
      signal?.addEventListener('abort', () => this.cancel(pending), { once: true });
      this.waiting.push(pending);
      this.pump();
    });
  }

  /** Where live runtimes' frames and closings go. */
  onInspector(events: InspectorEvents): void {
    this.inspectorEvents = events;
  }

  /** Opens a live runtime over a source; its inspector protocol frames then flow through `sendFrame` and onInspector. */
  inspect(input: { source: string; fixturesFile?: string; strict?: boolean }): Promise<number> {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.opening.set(id, { resolve: () => resolve(id), reject });
      this.ensureChild().send({ inspect: { id, ...input } });
    });
  }

  sendFrame(inspector: number, text: string): void {
    if (this.inspectors.has(inspector)) this.child?.send({ frame: { inspector, text } });
  }

  closeInspector(inspector: number): void {
    if (this.inspectors.has(inspector)) this.child?.send({ inspectClose: inspector });
  }

  dispose(): void {
    this.disposed = true;
    for (const p of [...this.waiting, ...(this.current ? [this.current] : [])]) p.reject(new SimulatorError('the language server is shutting down'));
    this.waiting.length = 0;
    this.current = undefined;
    for (const inspector of this.inspectors) this.inspectorEvents?.closed(inspector, 'the simulator stopped (the language server is shutting down or its settings changed)');
    this.inspectors.clear();
    this.child?.kill();
    this.child = undefined;
  }

  /** A queued run is dropped; the running one takes its process with it (a new one starts for the next run). */
  private cancel(pending: Pending): void {
    const at = this.waiting.indexOf(pending);
    if (at !== -1) {
      this.waiting.splice(at, 1);
      pending.reject(new SimulatorError('the run was cancelled'));
    } else if (this.current === pending) {
      this.replace('the run was cancelled');
    }
  }

  private pump(): void {
    if (this.current || this.waiting.length === 0) return;
    const pending = this.waiting.shift()!;
    this.current = pending;
    const child = this.ensureChild();
    const limit = (this.options.runTimeoutSeconds ?? 120) * 1000;
    pending.timer = setTimeout(() => this.replace(`the run did not finish within ${limit / 1000} s; the simulator was restarted`), limit);
    child.send(pending.run);
  }

  private ensureChild(): ChildProcess {
    if (this.child) return this.child;
    const { entry, execArgv } = simulatorEntry();
    const env = { ...process.env };
    if (this.options.scriptTimeoutSeconds) env.PERISCOPE_SCRIPT_TIMEOUT_MS = String(this.options.scriptTimeoutSeconds * 1000);
    if (this.options.engine) env.PERISCOPE_ENGINE = this.options.engine;
    if (this.options.source) env.PERISCOPE_SOURCE = this.options.source;
    const child = fork(entry, [], {
      execArgv, env, stdio: ['ignore', 'ignore', 'pipe', 'ipc'], serialization: 'advanced',
      ...(this.options.nodePath ? { execPath: this.options.nodePath } : {}),
    });
    child.stderr?.on('data', (chunk: Buffer) => this.options.log?.(`simulator: ${chunk.toString().trimEnd()}`));
    child.on('message', (answer: SimulatorAnswer) => this.answer(child, answer));
    child.on('error', (error) => this.lost(child, `the simulator could not start (${error.message}); check the periscope.nodePath setting`));
    child.on('exit', (code, signal) => this.lost(child, `the simulator stopped (${signal ? `signal ${signal}` : `exit code ${code}`}) during the run; it starts again with the next run`));
    this.child = child;
    return child;
  }

  private answer(child: ChildProcess, answer: SimulatorAnswer): void {
    if (child !== this.child || 'ready' in answer) return;
    if ('frame' in answer) {
      this.inspectorEvents?.frame(answer.frame.inspector, answer.frame.text);
      return;
    }
    if ('inspected' in answer) {
      const opening = this.opening.get(answer.inspected);
      this.opening.delete(answer.inspected);
      if (answer.error) opening?.reject(new SimulatorError(answer.error, true));
      else {
        this.inspectors.add(answer.inspected);
        opening?.resolve();
      }
      return;
    }
    if ('inspectorClosed' in answer) {
      this.inspectors.delete(answer.inspectorClosed);
      this.inspectorEvents?.closed(answer.inspectorClosed, answer.reason);
      return;
    }
    const pending = this.current;
    if (!pending || pending.run.id !== answer.id) return;
    this.finish(pending);
    if ('result' in answer) pending.resolve(answer.result);
    else pending.reject(new SimulatorError(answer.error, answer.input));
  }

  private lost(child: ChildProcess, message: string): void {
    if (child !== this.child) return;
    this.child = undefined;
    this.options.log?.(message);
    // Live runtimes lived in that process: their inspectors hear why they ended.
    for (const [, opening] of this.opening) opening.reject(new SimulatorError(message));
    this.opening.clear();
    for (const inspector of this.inspectors) this.inspectorEvents?.closed(inspector, message.replace('during the run', 'with this session'));
    this.inspectors.clear();
    const pending = this.current;
    if (pending) {
      this.finish(pending);
      pending.reject(new SimulatorError(message));
    }
  }

  /** Kills the process holding the current run; the run fails with `message`. */
  private replace(message: string): void {
    const child = this.child;
    if (!child) return;
    this.lost(child, message);
    child.kill('SIGKILL');
  }

  private finish(pending: Pending): void {
    clearTimeout(pending.timer);
    this.current = undefined;
    setImmediate(() => this.pump());
  }
}

/**
 * From a bundle the simulator is the sibling bundle `simulator.mjs`; from source (tsx) it is simulator-child.ts,
 * run with tsx's loader.
 */
function simulatorEntry(): { entry: string; execArgv: string[] } {
  const here = import.meta.url;
  if (here.endsWith('.mjs')) return { entry: fileURLToPath(new URL('./simulator.mjs', here)), execArgv: [] };
  return { entry: fileURLToPath(new URL('./simulator-child.ts', here)), execArgv: ['--import', import.meta.resolve('tsx')] };
}
