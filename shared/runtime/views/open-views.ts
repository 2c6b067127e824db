// Which views are open on each page, and which closed ones stay reachable while their onShutdown scripts run.
import type { Page } from '../session';
import type { ViewInstance } from './instance';

const pages = new WeakMap<Page, ViewInstance[]>();
/** Views closed on a page whose onShutdown scripts have yet to run: still reachable by those scripts. */
const closing = new WeakMap<Page, Set<ViewInstance>>();

/** The views open on a page, primary first, then docks, popups, and each embedded view after its host. */
export function openViews(page: Page): readonly ViewInstance[] {
  return pages.get(page) ?? [];
}

/** What syncViews decided the page shows now. */
export function setOpenViews(page: Page, views: ViewInstance[]): void {
  pages.set(page, views);
}

/** A closed page shows nothing. */
export function forgetViews(page: Page): void {
  pages.delete(page);
}

/** An open view, or a closed one whose onShutdown scripts are running, by its key. */
export function reachableView(page: Page, key: string): ViewInstance | undefined {
  return openViews(page).find((i) => i.key === key) ?? [...(closing.get(page) ?? [])].find((i) => i.key === key);
}

export function isOpen(page: Page, instance: ViewInstance): boolean {
  return openViews(page).includes(instance) || (closing.get(page)?.has(instance) ?? false);
}

/** Runs `work` (the closed views' onShutdown scripts) while those views stay reachable. */
export async function whileClosing(page: Page, instances: ViewInstance[], work: () => Promise<void>): Promise<void> {
  let set = closing.get(page);
  if (!set) closing.set(page, (set = new Set()));
  for (const instance of instances) set.add(instance);
  try {
    await work();
  } finally {
    for (const instance of instances) set.delete(instance);
  }
}
