// What a Perspective client page offers a devtools hook (perspective.md section 8): `window.__client` with the
// session's id, the project's name and three property trees. Everything is read defensively: a real client's
// surface is not ours, and a missing piece means "not shown", never a broken page.
import type { Json } from '../../shared/engine/types';
import type { PageInfo } from '../wire';

export interface PropertyTree {
  read(path?: string): unknown;
  write(path: string, value: unknown): unknown;
  subscribe(listener: (...args: unknown[]) => void): unknown;
  toPlainObject(): unknown;
}

export interface ClientSurface {
  sessionId?: unknown;
  projectName?: unknown;
  page?: { id?: unknown; sessionProps?: PropertyTree; sessionCustom?: PropertyTree; pageProps?: PropertyTree };
}

/** The three trees, by the first part of the inspector protocol's property paths. */
export type TreeName = 'props' | 'custom' | 'page.props';

export function treeOf(client: ClientSurface, name: TreeName): PropertyTree | undefined {
  const page = client.page;
  const tree = name === 'props' ? page?.sessionProps : name === 'custom' ? page?.sessionCustom : page?.pageProps;
  return tree && typeof tree.toPlainObject === 'function' ? tree : undefined;
}

/** A tree's value as plain JSON (dates become ISO text, functions disappear); {} when it cannot be read. */
export function plainTree(tree: PropertyTree | undefined): { [key: string]: Json } {
  if (!tree) return {};
  try {
    const value = JSON.parse(JSON.stringify(tree.toPlainObject() ?? {})) as Json;
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? value : {};
  } catch {
    return {};
  }
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/** The page's id: the client's own field where it has one, else the `pageId` page prop. */
export function pageIdOf(client: ClientSurface): string | undefined {
  const own = text(client.page?.id);
  if (own) return own;
  try {
    return text(treeOf(client, 'page.props')?.read('pageId'));
  } catch {
    return undefined;
  }
}

/**
 * The page's facts for the panel. The dev gateway names its inspector endpoint (with the run's token) in a
 * `periscope-inspector` meta tag of the client page; a real gateway's page has none.
 */
export function describePage(win: { location: { href: string }; document: Document; __client?: ClientSurface }): PageInfo {
  const client = win.__client;
  const inspector = win.document.querySelector<HTMLMetaElement>('meta[name="periscope-inspector"]')?.content;
  const info: PageInfo = { url: win.location.href, client: typeof client === 'object' && client !== null };
  if (client && info.client) {
    info.sessionId = text(client.sessionId);
    info.projectName = text(client.projectName);
    info.pageId = pageIdOf(client);
  }
  if (inspector && /^wss?:\/\//.test(inspector)) info.inspector = inspector;
  return info;
}
