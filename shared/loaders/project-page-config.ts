// Page configuration: `page-config/config.json` with each page's URL, title, primary view and docks.
import { entries, problemAt, property, type JsonFile, type JsonNode } from './json-file';
import type { MissingViews } from './missing-views';
import type { ProjectReader } from './project-files';

export interface PageConfig {
  url: string;
  title?: string;
  viewPath: string;
  /** Names of the URL's parameters: `/area/:area` → `["area"]`. */
  params: string[];
}

export type DockPosition = 'top' | 'left' | 'right' | 'bottom';

export interface DockConfig {
  id?: string;
  position: DockPosition;
  viewPath: string;
  /** The page URL for a page's own dock; absent for a shared dock. */
  page?: string;
  /** `visible`, `expanded`, `onDemand`... as written. */
  show?: string;
}

export interface LoadedPageConfig {
  pages: PageConfig[];
  docks: DockConfig[];
}

const POSITIONS: readonly DockPosition[] = ['top', 'left', 'right', 'bottom'];

/** `views` says what to report of a page or dock naming a view the project and its parents do not hold. */
export function loadPageConfig(reader: ProjectReader, views: MissingViews): LoadedPageConfig {
  const result: LoadedPageConfig = { pages: [], docks: [] };
  const file = reader.path('com.inductiveautomation.perspective/page-config/config.json');
  if (!reader.exists(file)) return result;
  const doc = reader.readJson(file);
  if (!doc?.root || doc.root.type !== 'object') {
    if (doc?.root) problemAt(doc, doc.root.offset, 'config.json must hold an object {"pages": {...}, "sharedDocks": {...}}');
    return result;
  }
  for (const [url, page] of entries(doc, property(doc.root, 'pages'))) {
    if (!url.startsWith('/')) problemAt(doc, page.parent?.offset ?? page.offset, `page URL "${url}" must start with "/"`);
    const viewPath = property(page, 'viewPath');
    if (viewPath?.type !== 'string' || String(viewPath.value) === '') {
      problemAt(doc, page.offset, `page "${url}" has no primary view; set its "viewPath"`);
      continue;
    }
    const title = property(page, 'title');
    result.pages.push({
      url,
      ...(title?.type === 'string' && title.value !== '' ? { title: String(title.value) } : {}),
      viewPath: String(viewPath.value),
      params: [...url.matchAll(/:([A-Za-z_][A-Za-z0-9_]*)/g)].map((m) => m[1]),
    });
    checkView(doc, viewPath, `page "${url}"`, views);
    result.docks.push(...docks(doc, property(page, 'docks'), url, views));
  }
  result.docks.push(...docks(doc, property(doc.root, 'sharedDocks'), undefined, views));
  return result;
}

/** `{"left": [{"id", "viewPath", "show", ...}], "cornerPriority": "left"}`. */
function docks(doc: JsonFile, node: JsonNode | undefined, page: string | undefined, views: MissingViews): DockConfig[] {
  const out: DockConfig[] = [];
  for (const [position, list] of entries(doc, node)) {
    if (!POSITIONS.includes(position as DockPosition) || list.type !== 'array') continue;
    for (const dock of list.children ?? []) {
      const viewPath = property(dock, 'viewPath');
      if (viewPath?.type !== 'string') continue;
      const id = property(dock, 'id');
      checkView(doc, viewPath, `the ${position} dock${id?.type === 'string' ? ` "${String(id.value)}"` : ''}`, views);
      const show = property(dock, 'show');
      out.push({
        position: position as DockPosition,
        viewPath: String(viewPath.value),
        ...(id?.type === 'string' ? { id: String(id.value) } : {}),
        ...(page ? { page } : {}),
        ...(show?.type === 'string' ? { show: String(show.value) } : {}),
      });
    }
  }
  return out;
}

function checkView(doc: JsonFile, viewPath: JsonNode, what: string, views: MissingViews): void {
  const finding = views.check(`${what} shows`, String(viewPath.value));
  if (finding) problemAt(doc, viewPath.offset, finding.message, finding.severity, 'missing-view');
}
