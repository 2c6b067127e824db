// What every tab is handed: the live store, the session it inspects, the sorted trace, and whether it can act.
import type { InspectorStore } from '../../../shared/inspector/store';
import type { Json } from '../../../shared/engine/types';
import type { PageState, SessionState } from '../../../shared/inspector/protocol';
import type { Mode } from '../link';
import type { EventIndex, FrameRow } from '../model/event-index';
import type { TreeSection } from '../model/tree-rows';

export interface TabProps {
  store: InspectorStore;
  session: SessionState | undefined;
  mode: Mode;
  index: EventIndex;
  /** The page's WebSocket frames: from the page surface, in either mode (beside the dev gateway in its mode). */
  frames: readonly FrameRow[];
  /** False while the connection is lost: what is shown is the last state, and nothing can be sent. */
  live: boolean;
}

/**
 * A session's trees as tree sections: session props (with access), custom props, and each open page's props,
 * then the views open on it (primary, docks, popups, embedded): each view's params, custom and props, and each of
 * its components' props and custom props. Stubs in them load when expanded, as in any tree.
 */
export function sessionSections(session: SessionState, editable: boolean): TreeSection[] {
  const open = session.pages.filter((p) => !p.closed);
  return [
    { id: 'props', title: 'session.props', path: 'props', root: session.props, access: session.access, editable },
    { id: 'custom', title: 'session.custom', path: 'custom', root: session.custom, editable },
    ...open.map((page) => ({
      id: `page:${page.id}`, title: `page ${page.id} · ${page.path} · page.props`, path: 'page.props', page: page.id, root: page.props, readOnly: page.readOnly, editable,
    })),
    ...open.flatMap((page) => viewSections(page, editable)),
  ];
}

/** Trees of one view and its components; empty trees are left out, so a view shows what it holds. */
function viewSections(page: PageState, editable: boolean): TreeSection[] {
  return page.views.flatMap((view) => {
    const where = `${page.id} · ${view.instanceId}`;
    const trees: Array<{ owner: string; name: 'params' | 'custom' | 'props'; root: Json; label: string }> = [
      { owner: view.path, name: 'params', root: view.params, label: `view ${view.path}` },
      { owner: view.path, name: 'custom', root: view.custom, label: `view ${view.path}` },
      { owner: view.path, name: 'props', root: view.props, label: `view ${view.path}` },
      ...view.components.flatMap((c) => (['props', 'custom'] as const).map((name) => ({ owner: `${view.path}/${c.path}`, name, root: c[name], label: `${view.path} ${c.path} (${c.type})` }))),
    ];
    return trees.filter((t) => !isEmpty(t.root)).map((t) => ({
      id: `view:${page.id}:${view.instanceId}:${t.owner}.${t.name}`, title: `${t.label} · ${t.name} · ${where}`, path: `view:${t.owner}.${t.name}`, page: page.id, root: t.root, editable,
    }));
  });
}

function isEmpty(value: Json): boolean {
  return value === null || (typeof value === 'object' && Object.keys(value).length === 0);
}
