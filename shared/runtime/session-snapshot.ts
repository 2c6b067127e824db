// A session as plain data, copied out of the runtime: what an inspector, the language server and `--format json` see.
import type { Json } from '../engine/types';
import { cloneValue } from '../engine/values';
import type { Dock, Popup, Session } from './session';
import { snapshotViews, type ViewSnapshot } from './views/snapshot';

/** What the devtools panel, the language server and `--format json` see of a session. */
export interface SessionSnapshot {
  id: string;
  closed: boolean;
  props: Json;
  custom: Json;
  pages: Array<{ id: string; path: string; primaryView: string; closed: boolean; popups: Popup[]; docks: Dock[]; views: ViewSnapshot[] }>;
}

export function snapshotSession(session: Session): SessionSnapshot {
  return {
    id: session.id,
    closed: session.closed,
    props: cloneValue(session.props),
    custom: cloneValue(session.custom),
    pages: session.pages.map((p) => ({
      id: p.id,
      path: p.path,
      primaryView: String(p.props.primaryView),
      closed: p.closed,
      popups: [...p.popups.values()].map((x) => cloneValue(x)),
      docks: [...p.docks.values()].map((x) => cloneValue(x)),
      views: snapshotViews(p),
    })),
  };
}
