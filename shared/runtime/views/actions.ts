// What a person does to a component from outside a script (a scenario step, the devtools panel): fire one of its
// events, and read a view or component property back for an expectation.
import type { Json } from '../../engine/types';
import type { Runtime } from '../runtime';
import type { Page, Session } from '../session';
import { checkKey, getAt, isObject, parsePath } from '../tree';
import { scriptsOf } from './catalog';
import type { ViewInstance } from './instance';
import { openViews } from './page-views';
import { runComponentScript } from './run';

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
export async function performAction(runtime: Runtime, session: Session, action: ComponentAction): Promise<string | undefined> {
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
  const events = scriptsOf(runtime.project.views, instance.viewPath, action.component).events;
  const key = events.has(action.event) ? action.event : [...events.keys()].find((k) => k.endsWith(`.${action.event}`));
  if (key === undefined) {
    return `${action.component || instance.viewPath} has no script for ${action.event}; its scripted events: ${[...events.keys()].join(', ') || 'none'}`;
  }
  await runComponentScript(runtime, page, instance, action.component, events.get(key)!, [{ $record: action.data }], key.split('.').pop() ?? key);
  return undefined;
}

/**
 * The value behind `view:Overview/root/Table.props.data` or `view:Area/Detail.params.area` on the session's
 * current page (the first open instance of that view), or undefined when nothing is there.
 */
export function viewValueAt(session: Session | undefined, path: string): Json | undefined {
  const page = session?.lastPage;
  if (!page || !path.startsWith('view:')) return undefined;
  const body = path.slice('view:'.length);
  const dot = body.indexOf('.');
  if (dot < 0) return undefined;
  const owner = body.slice(0, dot);
  const [tree, ...rest] = parsePath(body.slice(dot + 1));
  for (const instance of openViews(page)) {
    if (owner === instance.viewPath) {
      if (tree !== 'params' && tree !== 'custom' && tree !== 'props') return undefined;
      return getAt(instance[tree], rest);
    }
    if (owner.startsWith(`${instance.viewPath}/`)) {
      const node = instance.component(owner.slice(instance.viewPath.length + 1));
      if (!node) continue;
      if (tree !== 'props' && tree !== 'custom' && tree !== 'meta') return undefined;
      return getAt(node[tree], rest);
    }
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
