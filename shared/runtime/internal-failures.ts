// Failures of the runtime itself while it serves a session: a bug in Periscope, never the project's. The trace gets
// one event saying so in a line; the error with its stack stays here for the crash report and `--debug`.
import type { Trace } from './trace';

export interface InternalFailure {
  /** The trace event that told of it. */
  seq: number;
  session: string | null;
  error: unknown;
}

/** `Name: first line of the message`, at most 200 characters: what a person reads, without any stack. */
export function errorSummary(error: unknown): string {
  const text = error instanceof Error ? `${error.name}: ${error.message.split('\n')[0]}` : String(error).split('\n')[0];
  return text.length > 200 ? `${text.slice(0, 199)}…` : text;
}

export class InternalFailures {
  readonly failures: InternalFailure[] = [];

  constructor(private readonly trace: Trace) {}

  /** Traces the failure as an `internal` event (its summary, no stack) and keeps the error; the session goes on. */
  report(session: string | null, error: unknown): void {
    const event = this.trace.add({ kind: 'internal', session, message: errorSummary(error) });
    this.failures.push({ seq: event.seq, session, error });
  }
}
