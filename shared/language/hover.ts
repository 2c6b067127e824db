// Hovers: `system.*` functions and modules from the API table, session and page props, custom props, library
// functions, and the project names string arguments refer to (message types, named queries, pages, tags).
import { relative } from 'node:path';
import { describeFunction, findFunction, findModule, listModule } from '../api/index';
import { describeProp, findProp } from '../api/props';
import { argumentKind } from './argument-kinds';
import { dottedAt, enclosingCall } from './code-context';
import { fileRange, pointAt, stringAtPoint, type FileView, type ScriptPoint } from './file-view';
import { namedQueries, pages, resolveLibrary, tags } from './project-names';
import { propPath } from './prop-paths';

export interface Hover {
  markdown: string;
  /** File offsets of what the hover is about. */
  start: number;
  end: number;
}

export function hover(view: FileView, fileOffset: number): Hover | undefined {
  const point = pointAt(view, fileOffset);
  if (!point || point.context.inComment) return undefined;
  if (point.context.string) return stringHover(view, point);
  const name = dottedAt(point.script.text, point.offset);
  if (!name) return undefined;
  const markdown = nameHover(view, name.name);
  return markdown ? { markdown, ...fileRange(point.script, name.start, name.end) } : undefined;
}

function nameHover(view: FileView, name: string): string | undefined {
  const fn = findFunction(name);
  if (fn) return describeFunction(fn, view.target);
  const module = findModule(name);
  if (module) return `\`\`\`python\n${module.name}\n\`\`\`\n${module.doc}\n\n${listModule(module.name).length} functions.`;
  const prop = propPath(name);
  if (prop?.tree === 'custom') {
    let node: unknown = view.workspace.customTree(view.unit);
    for (const key of prop.path.split('.')) node = typeof node === 'object' && node !== null ? (node as Record<string, unknown>)[key] : undefined;
    if (node === undefined) return undefined;
    const value = typeof node === 'string' ? node : 'an object';
    return `\`\`\`python\nsession.custom.${prop.path}\n\`\`\`\nA session custom prop${value === '' ? ', written by a script' : `; default: \`${value}\``}.\n\nCustom props are property-tree wrappers: \`isinstance(x, dict)\` is False; \`.get(k, d)\` works.`;
  }
  if (prop && prop.path !== '') {
    const doc = findProp(prop.tree, prop.path);
    return doc && describeProp(prop.tree, doc);
  }
  const library = view.unit.globals.includes(name.split('.')[0]) ? resolveLibrary(view.unit, name) : undefined;
  if (library?.fn) {
    const { fn } = library;
    return `\`\`\`python\ndef ${fn.module}.${fn.name}(${fn.params})\n\`\`\`\n${fn.doc ?? ''}\n\nProject library: ${relative(view.unit.root, fn.script.origin.file)}`;
  }
  if (library) return `\`\`\`python\n${library.module}\n\`\`\`\nProject library module: ${relative(view.unit.root, library.script.origin.file)}`;
  return undefined;
}

function stringHover(view: FileView, point: ScriptPoint): Hover | undefined {
  const call = enclosingCall(point.context, true);
  const kind = call && argumentKind(call);
  const string = stringAtPoint(point);
  if (!kind || !string) return undefined;
  const markdown = projectNameHover(view, kind, string.value);
  return markdown ? { markdown, ...fileRange(point.script, string.start, string.end) } : undefined;
}

function projectNameHover(view: FileView, kind: NonNullable<ReturnType<typeof argumentKind>>, value: string): string | undefined {
  const where = (file: string, offset: number) => {
    const text = view.workspace.textOf(file);
    const line = text === undefined ? 1 : text.slice(0, offset).split('\n').length;
    return `${relative(view.unit.kind === 'project' ? view.unit.root : view.file.replace(/[^/]*$/, ''), file)}:${line}`;
  };
  switch (kind) {
    case 'session-message':
    case 'component-message': {
      const handlers = view.workspace.handlers(view.unit, value).filter((h) => h.kind === (kind === 'session-message' ? 'session' : 'component'));
      const what = kind === 'session-message' ? 'Session Events message handler' : 'component message handler';
      if (handlers.length === 0) return `No ${what} handles \`${value}\` in this project.`;
      return [`**${value}**: handled by ${handlers.length} ${what}${handlers.length === 1 ? '' : 's'}`, '', ...handlers.map((h) => `- ${h.script.title ?? h.messageType} (${where(h.file, h.start)})`)].join('\n');
    }
    case 'named-query': {
      const query = namedQueries(view.unit).find((q) => q.path === value);
      if (!query) return `No named query \`${value}\` in this project or its fixtures.`;
      return [`**Named query** \`${query.path}\`${query.type ? ` (${query.type})` : ''}`, ...(query.sql ? ['```sql', query.sql.trim(), '```'] : [])].join('\n');
    }
    case 'page': {
      const page = pages(view.unit).find((p) => p.url === value);
      return page ? `**Page** \`${page.url}\`${page.title ? `: ${page.title}` : ''}${page.viewPath ? `, view \`${page.viewPath}\`` : ''}` : `No page \`${value}\` is configured.`;
    }
    case 'tag-path': {
      const tag = tags(view.unit).find((t) => t.path.toLowerCase() === value.toLowerCase());
      return tag ? `**Tag** \`${tag.path}\` = \`${JSON.stringify(tag.value)}\` (fixtures)` : undefined;
    }
  }
}
