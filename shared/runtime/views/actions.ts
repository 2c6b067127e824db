// What a person does to a component from outside a script (a scenario step, the devtools panel): fire one of its
// events, and read a view or component property back for an expectation.
import type { Json } from '../../engine/types';
import type { ViewParts } from '../parts';
import type { Page, Session } from '../session';
import { checkKey, getAt, isObject, parsePath, type PathPart } from '../tree';
import { scriptsOf } from './catalog';
import type { ViewInstance } from './instance';
import { openViews } from './open-views';
import { runComponentScript } from './run';
import { writeTree, type TreeTarget } from './trees';

export interface ComponentAction {
  /** A view path (`Overview`) or an instance id (`popup:editor`, `dock:nav`). */
  view: string;
  /** `root/AddOrder`; empty for the view's own events. */
  component: string;
  /** `onActionPerformed`, or with its group: `component.onActionPerformed`, `dom.onClick`. */
  event: string;
  /** The fields of the event object the script receives (`event.value`, `event.row`...). */
  data: { [key: string]: Json };
}

function instanceOn(page: Page, view: string): ViewInstance | undefined {
  const views = openViews(page);
  return views.find((i) => i.id === view) ?? views.find((i) => i.viewPath === view);
}

/** Runs a component's event script on the session's current page; returns why it could not, if it could not. */
export async function performAction(parts: ViewParts, session: Session, action: ComponentAction): Promise<string | undefined> {
  const page = session.lastPage;
  if (!page || page.closed) return 'the session has no open page';
  const instance = instanceOn(page, action.view);
  if (!instance) {
    const open = openViews(page).map((i) => (i.placement === 'primary' ? i.viewPath : `${i.viewPath} (${i.id})`));
    return `view "${action.view}" is not open on page ${page.path}; open views: ${open.join(', ') || 'none'}`;
  }
  if (action.component !== '' && !instance.component(action.component)) {
    return `view ${instance.viewPath} has no component "${action.component}"; components: ${instance.components().map((c) => c.path).join(', ')}`;
  }
  const events = scriptsOf(parts.project.views, instance.viewPath, action.component).events;
  const key = events.has(action.event) ? action.event : [...events.keys()].find((k) => k.endsWith(`.${action.event}`));
  if (key === undefined) {
    return `${action.component || instance.viewPath} has no script for ${action.event}; its scripted events: ${[...events.keys()].join(', ') || 'none'}`;
  }
  await runComponentScript(parts, page, instance, action.component, events.get(key)!, [{ $record: action.data }], key.split('.').pop() ?? key);
  return undefined;
}

/**
 * The tree and path behind `view:Overview/root/Table.props.data` or `view:Area/Detail.params.area` on a page
 * (the first open instance of that view), or undefined when no open view has it.
 */
function locate(page: Page, path: string): { target: TreeTarget; path: PathPart[] } | undefined {
  if (!path.startsWith('view:')) return undefined;
  const body = path.slice('view:'.length);
  const dot = body.indexOf('.');
  if (dot < 0) return undefined;
  const owner = body.slice(0, dot);
  const [tree, ...rest] = parsePath(body.slice(dot + 1));
  for (const instance of openViews(page)) {
    if (owner === instance.viewPath) {
      if (tree !== 'params' && tree !== 'custom' && tree !== 'props') return undefined;
      return { target: { page, instance, component: '', tree, root: instance[tree] }, path: rest };
    }
    const node = owner.startsWith(`${instance.viewPath}/`) ? instance.component(owner.slice(instance.viewPath.length + 1)) : undefined;
    if (!node) continue;
    if (tree !== 'props' && tree !== 'custom' && tree !== 'meta') return undefined;
    return { target: { page, instance, component: node.path, tree, root: node[tree] }, path: rest };
  }
  return undefined;
}

/** The value behind a `view:` path on a page, or undefined when nothing is there. */
export function viewValueOn(page: Page | undefined, path: string): Json | undefined {
  const found = page ? locate(page, path) : undefined;
  return found ? getAt(found.target.root, found.path) : undefined;
}

/**
 * A write from the browser (a person typing into a field, a scenario's `write` step) to a `view:` path on the
 * session's current page; change scripts receive origin "Browser". Returns why it could not, if it could not.
 */
export function writeViewFromClient(session: Session, parts: ViewParts, path: string, value: Json): string | undefined {
  const page = session.lastPage;
  const found = page && !page.closed ? locate(page, path) : undefined;
  if (!found) return `"${path}" is not a property of a view open on the current page; write view:<view path>[/<component path>].<props|custom|params>.<name>`;
  if (found.path.length === 0) return `"${path}" names a whole tree; write one of its keys`;
  try {
    writeTree(parts, found.target, found.path, value, 'Browser');
  } catch (error) {
    return `cannot write ${path}: ${(error as Error).message}`;
  }
  return undefined;
}

/**
 * The object of a scenario's `action` step, checked: `{"view": "Overview", "component": "root/AddOrder",
 * "event": "onActionPerformed", "data": {...}}`. `fail` reports a problem with the step and does not return.
 */
export function parseComponentAction(value: Json, fail: (message: string) => never): ComponentAction {
  const example = '{"action": {"view": "Overview", "component": "root/AddOrder", "event": "onActionPerformed"}}';
  if (!isObject(value)) return fail(`an action step names a view, a component and an event, e.g. ${example}`);
  for (const key of Object.keys(value)) {
    if (!['view', 'component', 'event', 'data'].includes(key)) fail(`"${key}" does not belong in an action; it takes view, component, event and data`);
  }
  const text = (key: string, optional: boolean): string => {
    const v = value[key];
    if (v === undefined && optional) return '';
    return typeof v === 'string' && (optional || v !== '') ? v : fail(`the action needs "${key}" as text, e.g. ${example}`);
  };
  const data = value.data ?? {};
  if (!isObject(data)) fail('"data" holds the fields of the event object, e.g. {"value": {"line": "Capper"}}');
  Object.keys(data as object).forEach((key) => {
    try {
      checkKey(key);
    } catch (error) {
      fail((error as Error).message);
    }
  });
  return { view: text('view', false), component: text('component', true), event: text('event', false), data: data as { [key: string]: Json } };
}
