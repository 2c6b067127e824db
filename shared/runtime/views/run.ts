// Running a view's scripts for a component: the `self` they receive, the trace label, and who called whom, so
// that host calls made by the script (sendMessage scope "view", property writes) know their view and component.
import type { Value } from '../../engine/types';
import type { Handler } from '../handler';
import type { MessageChain } from '../message-chain';
import type { ViewParts } from '../parts';
import type { Page } from '../session';
import { scriptsOf } from './catalog';
import type { ViewInstance } from './instance';
import { isOpen, whileClosing } from './open-views';

/** The component a running script belongs to. `generation` counts change scripts fired by change scripts. */
export interface Caller {
  page: Page;
  instance: ViewInstance;
  /** `''` for the view itself. */
  component: string;
  generation: number;
}

const callers = new WeakMap<Handler, Caller>();

/** The component whose script is running now, if the running script is a view's. */
export function currentCaller(parts: Pick<ViewParts, 'scripts'>): Caller | undefined {
  const handler = parts.scripts.current?.handler;
  return handler ? callers.get(handler) : undefined;
}

/** How Python receives `self`: a component object, or the view object for the view's own scripts. */
function selfArgument(page: Page, instance: ViewInstance, component: string): Value {
  return component === ''
    ? { $view: [page.sessionId, page.id, instance.key, instance.viewPath] }
    : { $component: [page.sessionId, page.id, instance.key, instance.viewPath, component] };
}

/**
 * Runs one script of a component with `self` and the event's arguments, traced like any script. A view closed
 * or a session ended while the call waited in the queue is not run: there is no component left to run it on.
 */
export async function runComponentScript(
  parts: ViewParts, page: Page, instance: ViewInstance, component: string, handler: Handler, args: Value[], event: string, generation = 0, chain?: MessageChain,
): Promise<void> {
  const catalog = parts.project.views;
  await catalog?.prepare(instance.viewPath, handler);
  const session = parts.sessions.get(page.sessionId);
  if (!session || session.closed || page.closed || !isOpen(page, instance) || !catalog?.canRun(handler)) return;
  const own: Handler = { ...handler, label: instance.placement === 'primary' ? handler.label : `${handler.label} [${instance.id}]` };
  callers.set(own, { page, instance, component, generation });
  await parts.scripts.invoke(own, [selfArgument(page, instance, component), ...args], { session, page, chain }, event);
}

/** The `system.<event>` scripts of views, as queued work: the view's own first, then its components in order. */
function systemEvents(parts: ViewParts, page: Page, instances: ViewInstance[], event: 'onStartup' | 'onShutdown'): Array<() => Promise<void>> {
  const work: Array<() => Promise<void>> = [];
  for (const instance of instances) {
    for (const component of ['', ...instance.components().map((c) => c.path)]) {
      const handler = scriptsOf(parts.project.views, instance.viewPath, component).events.get(`system.${event}`);
      if (handler) work.push(() => runComponentScript(parts, page, instance, component, handler, [{ $record: {} }], event));
    }
  }
  return work;
}

/** Queues the onStartup scripts of newly opened views. */
export function runStartupScripts(parts: ViewParts, page: Page, instances: ViewInstance[]): void {
  const work = systemEvents(parts, page, instances, 'onStartup');
  if (work.length === 0) return;
  void parts.queue.enqueue(page.sessionId, async () => {
    for (const task of work) await task();
  });
}

/** Queues the onShutdown scripts of views a page no longer shows; they can still read and write those views. */
export function runShutdownScripts(parts: ViewParts, page: Page, instances: ViewInstance[]): void {
  const work = systemEvents(parts, page, instances, 'onShutdown');
  if (work.length === 0) return;
  void parts.queue.enqueue(page.sessionId, () => whileClosing(page, instances, async () => {
    for (const task of work) await task();
  }));
}

/** Runs the onShutdown scripts of views now, in the running task: the page is going away with its session. */
export async function shutDownViews(parts: ViewParts, page: Page, instances: ViewInstance[]): Promise<void> {
  for (const task of systemEvents(parts, page, instances, 'onShutdown')) await task();
}
