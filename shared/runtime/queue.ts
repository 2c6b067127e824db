// The per-session queue: the events of one session run one after another, as on a gateway's session thread.
import type { InternalFailures } from './internal-failures';

export class SessionQueue {
  private readonly queues = new Map<string, Promise<void>>();

  constructor(private readonly internal: InternalFailures) {}

  /** Runs `task` after everything already queued for the session; events of one session never overlap. */
  enqueue(sessionId: string, task: () => Promise<void>): Promise<void> {
    const previous = this.queues.get(sessionId) ?? Promise.resolve();
    // A task that throws is the runtime's own failure: traced as one, and the session's next events still run.
    const next = previous.then(task).catch((error: unknown) => this.internal.report(sessionId, error));
    this.queues.set(sessionId, next);
    return next;
  }

  /** Resolves when every queued task of every session, including tasks they queue, has run. */
  async settle(): Promise<void> {
    for (;;) {
      const pending = [...this.queues.values()];
      await Promise.all(pending);
      if ([...this.queues.values()].every((q, i) => q === pending[i]) && this.queues.size === pending.length) return;
    }
  }
}
