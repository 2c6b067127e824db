// Idle detection on the virtual clock: activity restarts the timers; onIdle and onIdleTimeout fire when they run out.
import type { Handler } from './project';
import type { Runtime } from './runtime';
import type { Session } from './session';
import { getAt } from './tree';

/** (Re)starts a session's idle timers from now; a closed session or a project without idle detection has none. */
export function armIdle(runtime: Runtime, session: Session): void {
  stopIdle(runtime, session);
  const idle = runtime.project.idle;
  if (!idle || session.closed) return;
  const now = runtime.clock.now();
  const fire = (handler: Handler | undefined, event: string) => async () => {
    if (!handler || session.closed) return;
    await runtime.enqueue(session.id, async () => {
      await runtime.invoke(handler, [runtime.sessionArg(session)], { session, page: session.lastPage }, event);
    });
  };
  if (idle.warningMs > 0 && idle.warningMs < idle.timeoutMs) {
    session.idleTimers.push(runtime.clock.schedule(now + idle.timeoutMs - idle.warningMs, `${session.id} onIdle`, fire(idle.onIdle, 'onIdle')));
  }
  session.idleTimers.push(runtime.clock.schedule(now + idle.timeoutMs, `${session.id} onIdleTimeout`, fire(idle.onIdleTimeout, 'onIdleTimeout')));
}

export function stopIdle(runtime: Runtime, session: Session): void {
  for (const id of session.idleTimers) runtime.clock.cancel(id);
  session.idleTimers = [];
}

/** A person touched the session: lastActivity moves, the idle timers restart and onIdleReset runs. */
export async function activity(runtime: Runtime, session: Session): Promise<void> {
  const now = runtime.clock.epochNow();
  if ((getAt(session.props, ['lastActivity']) as { $date?: number } | undefined)?.$date !== now) runtime.writeSession(session, 'props', ['lastActivity'], { $date: now });
  const reset = runtime.project.idle?.onIdleReset;
  if (reset) await runtime.invoke(reset, [runtime.sessionArg(session)], { session, page: session.lastPage }, 'onIdleReset');
  armIdle(runtime, session);
}
