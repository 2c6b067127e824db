// Idle detection on the virtual clock: activity restarts the timers; onIdle and onIdleTimeout fire when they run out.
import type { Handler } from './handler';
import type { RuntimeParts } from './parts';
import { writeSession } from './prop-writes';
import { sessionArg, type Session } from './session';
import { getAt } from './tree';

/** What idle detection uses of a runtime. */
export type IdleParts = Pick<RuntimeParts, 'trace' | 'clock' | 'queue' | 'scripts' | 'project'>;

/** (Re)starts a session's idle timers from now; a closed session or a project without idle detection has none. */
export function armIdle(parts: IdleParts, session: Session): void {
  stopIdle(parts, session);
  const idle = parts.project.idle;
  if (!idle || session.closed) return;
  const now = parts.clock.now();
  const fire = (handler: Handler | undefined, event: string) => async () => {
    if (!handler || session.closed) return;
    await parts.queue.enqueue(session.id, async () => {
      await parts.scripts.invoke(handler, [sessionArg(session)], { session, page: session.lastPage }, event);
    });
  };
  if (idle.warningMs > 0 && idle.warningMs < idle.timeoutMs) {
    session.idleTimers.push(parts.clock.schedule(now + idle.timeoutMs - idle.warningMs, `${session.id} onIdle`, fire(idle.onIdle, 'onIdle')));
  }
  session.idleTimers.push(parts.clock.schedule(now + idle.timeoutMs, `${session.id} onIdleTimeout`, fire(idle.onIdleTimeout, 'onIdleTimeout')));
}

export function stopIdle(parts: Pick<RuntimeParts, 'clock'>, session: Session): void {
  for (const id of session.idleTimers) parts.clock.cancel(id);
  session.idleTimers = [];
}

/** A person touched the session: lastActivity moves, the idle timers restart and onIdleReset runs. */
export async function activity(parts: IdleParts, session: Session): Promise<void> {
  const now = parts.clock.epochNow();
  if ((getAt(session.props, ['lastActivity']) as { $date?: number } | undefined)?.$date !== now) writeSession(parts.trace, session, 'props', ['lastActivity'], { $date: now });
  const reset = parts.project.idle?.onIdleReset;
  if (reset) await parts.scripts.invoke(reset, [sessionArg(session)], { session, page: session.lastPage }, 'onIdleReset');
  armIdle(parts, session);
}
