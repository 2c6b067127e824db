// The views open on a page as plain data for an inspector (devtools panel, `--format json`): each view with its
// params and custom props and every component with its props, custom props and meta.
import type { Json } from '../../engine/types';
import { cloneValue } from '../../engine/values';
import type { Page } from '../session';
import type { ViewPlacement } from './instance';
import { openViews } from './open-views';

export interface ComponentSnapshot {
  /** `root/Header/Save`, as getChild paths from the view are written. */
  path: string;
  name: string;
  type: string;
  props: Json;
  custom: Json;
  meta: Json;
}

export interface ViewSnapshot {
  /** Unique on its page: `primary`, `popup:<id>`, `dock:<id>`, or `<host id>><component path>` when embedded. */
  instanceId: string;
  path: string;
  placement: ViewPlacement;
  params: Json;
  custom: Json;
  props: Json;
  /** For an embedded view: the view instance and the Embedded View component showing it. */
  embeddedIn?: { instanceId: string; component: string };
  /** Parents before children, in the view's order. */
  components: ComponentSnapshot[];
}

export function snapshotViews(page: Page): ViewSnapshot[] {
  return openViews(page).map((instance) => ({
    instanceId: instance.id,
    path: instance.viewPath,
    placement: instance.placement,
    params: cloneValue(instance.params),
    custom: cloneValue(instance.custom),
    props: cloneValue(instance.props),
    ...(instance.embeddedIn ? { embeddedIn: { instanceId: instance.embeddedIn.instance.id, component: instance.embeddedIn.component } } : {}),
    components: instance.components().map((c) => ({
      path: c.path, name: c.name, type: c.type,
      props: cloneValue(c.props), custom: cloneValue(c.custom), meta: cloneValue(c.meta),
    })),
  }));
}
