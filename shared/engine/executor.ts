// One interpreter as an engine drives it (a Pyodide worker thread, a Jython JVM): requests, replies, the interrupt.

/** `payload` is JSON the interpreter's side reads; its answer is JSON too (a `PythonResult`). */
export type ExecutorRequest = { op: 'load' | 'invoke'; payload: string } | { op: 'release'; ref: number };

/** What an interpreter says once it is ready for loads. */
export interface ExecutorReady {
  /** What runs the scripts, for the trace's first line: "Jython 2.7.3 on Java 17.0.15". */
  about: string;
  startMs: number;
}

export interface Executor {
  readonly ready: Promise<ExecutorReady>;
  /** Sends a request; resolves with the interpreter's JSON answer. */
  request(request: ExecutorRequest): Promise<string>;
  /**
   * A request under a time limit: at `limitMs` the script is interrupted (KeyboardInterrupt); if no answer comes
   * `graceMs` later, the script swallowed it: resolves 'stopped' and the interpreter must be replaced.
   */
  requestWithin(request: ExecutorRequest, limitMs: number, graceMs: number): Promise<{ result: string; interrupted: boolean } | 'stopped'>;
  terminate(): Promise<void>;
}

/** The interpreter stopped (terminated, crashed, or failed to start) before answering. */
export class ExecutorGone extends Error {}

/** Starts one interpreter whose kept objects are numbered from `firstRef`; host calls are answered synchronously. */
export type SpawnExecutor = (firstRef: number, answerHostCall: (request: string) => string) => Executor;

/**
 * Races a reply against the time limit: `interrupt` at `limitMs`, then 'stopped' `graceMs` later. Both engines'
 * executors share it, so "interrupt, then replace" means the same thing whichever engine runs.
 */
export async function withinLimit(
  reply: Promise<string>,
  limitMs: number,
  graceMs: number,
  interrupt: () => void,
): Promise<{ result: string; interrupted: boolean } | 'stopped'> {
  reply.catch(() => undefined);
  let interrupted = false;
  let timer: NodeJS.Timeout | undefined;
  const stopped = new Promise<'stopped'>((resolve) => {
    timer = setTimeout(() => {
      interrupted = true;
      interrupt();
      timer = setTimeout(() => resolve('stopped'), graceMs);
    }, limitMs);
  });
  try {
    const winner = await Promise.race([reply, stopped]);
    return winner === 'stopped' ? winner : { result: winner, interrupted };
  } finally {
    clearTimeout(timer);
  }
}
