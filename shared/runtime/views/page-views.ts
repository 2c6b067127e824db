// The views open on each page (primary view, docks, popups and the views they embed), kept in step with the
// page's own state: whatever changes the page (open, navigate, popups, docks) calls syncViews afterwards.
import type { Json } from '../../engine/types';
import { sameJson } from '../../engine/values';
import type { DockConfig, View } from '../../loaders/project';
import type { ViewParts } from '../parts';
import type { Page } from '../session';
import { isObject } from '../tree';
import { embeddedViews, ViewInstance, type ViewPlacement } from './instance';
import { forgetViews, openViews, setOpenViews } from './open-views';
import { matchPageUrl } from './page-url';
import { runShutdownScripts, runStartupScripts } from './run';

/** Deeper embedding than this is almost surely a view that embeds itself through others. */
const MAX_EMBED_DEPTH = 8;
/** Docks a page shows without being asked; `onDemand` (and `hidden`) docks wait for openDock/toggleDock. */
const SHOWN_AT_START = new Set(['visible', 'expanded', 'push', 'cover']);

interface Wanted {
  id: string;
  view: string;
  placement: ViewPlacement;
  params: Json;
  /** Where the page shows it, in a trace's words: `page /area's primary view`, `the left dock "nav"`. */
  where: string;
}

/** `page.props.urlParams` for a URL, from the page configuration's patterns. */
export function urlParamsOf(parts: Pick<ViewParts, 'fixtures'>, path: string): { [name: string]: string } {
  return matchPageUrl(Object.keys(parts.fixtures.pages), path)?.params ?? {};
}

/**
 * Opens the views the page now shows and closes the ones it no longer does. A view that stays (same place,
 * same view, same params) keeps its state; a new one starts from its defaults and its onStartup scripts queue.
 */
export function syncViews(parts: ViewParts, page: Page): void {
  const catalog = parts.project?.views;
  if (!catalog) return;
  const before = openViews(page);
  if (page.closed) {
    forgetViews(page);
    return;
  }
  const wanted: Wanted[] = [];
  const primary = String(page.props.primaryView ?? '');
  if (primary !== '') wanted.push({ id: 'primary', view: primary, placement: 'primary', params: page.props.urlParams ?? {}, where: `page ${page.path}'s primary view` });
  const pattern = matchPageUrl(Object.keys(parts.fixtures.pages), page.path)?.pattern;
  for (const dock of catalog.docks) {
    if (dock.page !== undefined && dock.page !== pattern) continue;
    const id = dockId(dock);
    const state = page.docks.get(id);
    if (state ? state.open : SHOWN_AT_START.has(dock.show ?? 'visible')) wanted.push({ id: `dock:${id}`, view: dock.viewPath, placement: 'dock', params: state?.params ?? {}, where: `the ${dock.position} dock${dock.id ? ` "${dock.id}"` : ''}` });
  }
  for (const popup of page.popups.values()) wanted.push({ id: `popup:${popup.id}`, view: popup.view, placement: 'popup', params: popup.params, where: `the popup "${popup.id}"` });

  const after: ViewInstance[] = [];
  const started: ViewInstance[] = [];
  const place = (want: Wanted, chain: string[], host?: ViewInstance['embeddedIn']): void => {
    const view: View | undefined = Object.hasOwn(catalog.views, want.view) ? catalog.views[want.view] : undefined;
    if (!view) {
      const parent = parts.project?.missingParent;
      const whose = parent ? `; it may be a view of the parent project ${parent}, which is not in the export, and without it` : ';';
      parts.divergences.report('missing-view', `${want.where} is the view "${want.view}", which is not in the project${whose} a gateway shows an error in its place`);
      return;
    }
    // A view embedded in a newly opened one is new too, even when the same view with the same params was there.
    const hostIsNew = host !== undefined && started.includes(host.instance);
    const kept = hostIsNew ? undefined : before.find((i) => i.id === want.id && i.viewPath === view.path && sameParams(i, want.params));
    const instance = kept ?? ViewInstance.open(want.id, view, want.placement, want.params);
    instance.embeddedIn = host;
    if (!kept) started.push(instance);
    after.push(instance);
    if (chain.length >= MAX_EMBED_DEPTH) return;
    for (const embedded of embeddedViews(instance)) {
      if (chain.includes(embedded.viewPath)) continue;
      const wantEmbedded: Wanted = { id: `${instance.id}>${embedded.component.path}`, view: embedded.viewPath, placement: 'embedded', params: embedded.params, where: `the view embedded by ${embedded.component.path} of "${view.path}"` };
      place(wantEmbedded, [...chain, embedded.viewPath], { instance, component: embedded.component.path });
    }
  };
  for (const want of wanted) place(want, [want.view]);
  setOpenViews(page, after);
  const closed = before.filter((i) => !after.includes(i));
  if (closed.length > 0) runShutdownScripts(parts, page, closed);
  if (started.length > 0) runStartupScripts(parts, page, started);
}

function dockId(dock: DockConfig): string {
  return dock.id ?? `${dock.position}:${dock.viewPath}`;
}

/** Params the instance was opened with: the ones given must still hold the same values. */
function sameParams(instance: ViewInstance, params: Json): boolean {
  if (!isObject(params)) return true;
  return Object.entries(params).every(([key, value]) => sameJson(instance.opening[key] ?? null, value));
}
