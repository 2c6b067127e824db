// What every tab is handed: the live store, the session it inspects, the sorted trace, and whether it can act.
import type { InspectorStore } from '../../../shared/inspector/store';
import type { SessionState } from '../../../shared/inspector/protocol';
import type { Mode } from '../link';
import type { EventIndex } from '../model/event-index';
import type { TreeSection } from '../model/tree-rows';

export interface TabProps {
  store: InspectorStore;
  session: SessionState | undefined;
  mode: Mode;
  index: EventIndex;
  /** False while the connection is lost: what is shown is the last state, and nothing can be sent. */
  live: boolean;
}

/** A session's trees as tree sections: session props (with access), custom props, and each open page's props. */
export function sessionSections(session: SessionState, editable: boolean): TreeSection[] {
  return [
    { id: 'props', title: 'session.props', path: 'props', root: session.props, access: session.access, editable },
    { id: 'custom', title: 'session.custom', path: 'custom', root: session.custom, editable },
    ...session.pages.filter((p) => !p.closed).map((page) => ({
      id: `page:${page.id}`, title: `page ${page.id} · ${page.path} · page.props`, path: 'page.props', page: page.id, root: page.props, readOnly: page.readOnly, editable,
    })),
  ];
}
