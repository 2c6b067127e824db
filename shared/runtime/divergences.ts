// Divergences from what a real gateway would do, traced once each, and the failures that make a `--strict` run fail.
import type { ScriptContext } from './handler';
import type { NewEvent, Trace } from './trace';

/** A script that failed where the gateway would have failed it, in `--strict` runs. */
export interface StrictFailure {
  rule: string;
  message: string;
}

export class Divergences {
  /** Divergences and errors that make a `--strict` run fail. */
  readonly strictFailures: StrictFailure[] = [];
  private readonly reported = new Set<string>();

  constructor(
    private readonly trace: Trace,
    private readonly strict: boolean,
    /** Where a divergence outside any script is reported: the project's source. */
    private readonly sourceFile: string,
    /** The script running now, whose divergence it is when no other context is given. */
    private readonly current: () => ScriptContext | undefined,
  ) {}

  /**
   * Records a divergence once per rule, script line and message; in strict runs it also becomes a failure.
   * `context` says whose script it is when it is not the one running now (results recorded after a run).
   */
  report(rule: string, message: string, where?: { file: string; line: number; column?: number }, context: ScriptContext | undefined = this.current()): void {
    const at = where ?? (context ? { file: context.handler.file, line: context.handler.line } : { file: this.sourceFile, line: 1 });
    const key = `${rule}\u0000${at.file}\u0000${at.line}\u0000${message}`;
    this.failStrict(rule, `${at.file}:${at.line}: ${message}`);
    if (this.reported.has(key)) return;
    this.reported.add(key);
    this.trace.add({ kind: 'divergence', session: context?.session?.id ?? null, page: context?.page?.id, rule, message, file: at.file, line: at.line, ...(at.column ? { column: at.column } : {}) } as NewEvent);
  }

  /** A failure of a strict run (a script error, a broken project shape); nothing in lenient runs. */
  failStrict(rule: string, message: string): void {
    if (this.strict) this.strictFailures.push({ rule, message });
  }
}
