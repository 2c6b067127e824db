// Completion: `system.` modules and functions, keyword arguments of `system.*` calls, session/page/custom prop paths,
// library modules and functions, and inside strings the project's message types, named queries, pages and tags.
import { describeFunction, findFunction, findModule, isDeprecatedIn, listModule, modules, signatureLabel, type ApiFunction } from '../api/index';
import { childProps, describeProp } from '../api/props';
import { argumentKind, type ArgumentKind } from './argument-kinds';
import { dottedBefore, enclosingCall, type OpenBracket } from './code-context';
import type { CustomTree } from './custom-props';
import { fileRange, pointAt, stringAtPoint, type FileView, type ScriptPoint } from './file-view';
import { libraryFunctions, libraryModules, namedQueries, pages, tags } from './project-names';
import { propPath } from './prop-paths';

export type CompletionKind = 'module' | 'function' | 'property' | 'keyword-argument' | 'value' | 'constant';

export interface CompletionItem {
  label: string;
  kind: CompletionKind;
  detail?: string;
  /** Markdown. */
  documentation?: string;
  insertText?: string;
  /** File offsets the item replaces. */
  start: number;
  end: number;
  deprecated?: boolean;
}

type Item = Omit<CompletionItem, 'start' | 'end'>;

export function completion(view: FileView, fileOffset: number): CompletionItem[] {
  const point = pointAt(view, fileOffset);
  if (!point || point.context.inComment) return [];
  if (point.context.string) return stringCompletion(view, point);
  const text = point.script.text;
  const typed = dottedBefore(text, point.offset);
  const place = (items: Item[], start: number): CompletionItem[] => {
    const range = fileRange(point.script, start, point.offset);
    return items.map((item) => ({ ...item, ...range }));
  };
  if (typed && typed.object !== '') return place(members(view, typed.object), typed.start);
  const call = enclosingCall(point.context);
  if (call && !call.keyword) {
    const fn = call.callee ? findFunction(call.callee) : undefined;
    if (fn) return place(keywordArguments(fn, call), typed?.start ?? point.offset);
  }
  return [];
}

/** The members of `object`: a `system` module's functions, a prop tree's keys, a library package's modules. */
function members(view: FileView, object: string): Item[] {
  if (object === 'system') {
    return modules.map((m) => ({ label: m.name.slice('system.'.length), kind: 'module', detail: m.name, documentation: m.doc }));
  }
  const module = findModule(object);
  if (module) {
    return [
      ...listModule(object).map((fn): Item => {
        const deprecated = isDeprecatedIn(fn, view.target);
        return {
          label: fn.name.slice(object.length + 1), kind: 'function', detail: signatureLabel(fn, fn.signatures[0]),
          documentation: describeFunction(fn, view.target), ...(deprecated ? { deprecated } : {}),
        };
      }),
      ...module.constants.map((c): Item => ({ label: c, kind: 'constant', detail: `${object}.${c}` })),
    ];
  }
  const prop = propPath(object);
  if (prop?.tree === 'custom') return customMembers(view.workspace.customTree(view.unit), prop.path);
  if (prop) {
    const tree = prop.tree;
    return childProps(tree, prop.path).map((p) => ({
      label: p.path.split('.').pop()!, kind: 'property', detail: `${p.type} · ${p.access}`, documentation: describeProp(tree, p),
    }));
  }
  return libraryMembers(view, object);
}

function customMembers(tree: CustomTree, path: string): Item[] {
  let node: CustomTree | string = tree;
  for (const key of path === '' ? [] : path.split('.')) {
    if (typeof node !== 'object' || !Object.hasOwn(node, key)) return [];
    node = node[key];
  }
  if (typeof node !== 'object') return [];
  return Object.entries(node).map(([key, value]) => ({
    label: key, kind: 'property',
    detail: typeof value === 'object' ? 'custom prop (object)' : value === '' ? 'custom prop (written by a script)' : `custom prop = ${value}`,
  }));
}

function libraryMembers(view: FileView, object: string): Item[] {
  if (!view.unit.globals.includes(object.split('.')[0])) return [];
  const library = libraryModules(view.unit);
  const items: Item[] = [];
  const children = new Set<string>();
  for (const module of Object.keys(library)) {
    if (module.startsWith(`${object}.`)) children.add(module.slice(object.length + 1).split('.')[0]);
  }
  for (const child of [...children].sort()) items.push({ label: child, kind: 'module', detail: `${object}.${child}` });
  for (const fn of libraryFunctions(view.unit, object)) {
    items.push({ label: fn.name, kind: 'function', detail: `${fn.module}.${fn.name}(${fn.params})`, ...(fn.doc ? { documentation: fn.doc } : {}) });
  }
  return items;
}

/** `name=` for each parameter not yet given, once the positional ones before the cursor are counted. */
function keywordArguments(fn: ApiFunction, call: OpenBracket): Item[] {
  const seen = new Set<string>();
  const items: Item[] = [];
  for (const signature of fn.signatures) {
    signature.params.forEach((param, index) => {
      if (param.kind !== 'positional-or-keyword' || index < call.argIndex || call.keywordsBefore.includes(param.name) || seen.has(param.name)) return;
      seen.add(param.name);
      items.push({
        label: `${param.name}=`, kind: 'keyword-argument', insertText: `${param.name}=`,
        detail: `${param.name}: ${param.type}${param.default !== undefined ? ` = ${param.default}` : ''}`,
        documentation: `Argument of \`${fn.name}\`${param.required ? ' (required)' : ''}.`,
      });
    });
  }
  return items;
}

function stringCompletion(view: FileView, point: ScriptPoint): CompletionItem[] {
  const call = enclosingCall(point.context, true);
  const kind = call && argumentKind(call);
  const string = stringAtPoint(point);
  if (!kind || !string) return [];
  const range = fileRange(point.script, string.start, string.end);
  return projectNames(view, kind).map((item) => ({ ...item, ...range }));
}

function projectNames(view: FileView, kind: ArgumentKind): Item[] {
  switch (kind) {
    case 'session-message':
    case 'component-message': {
      const wanted = kind === 'session-message' ? 'session' : 'component';
      const types = new Set(view.workspace.handlers(view.unit).filter((h) => h.kind === wanted).map((h) => h.messageType));
      return [...types].sort().map((t) => ({ label: t, kind: 'value', detail: wanted === 'session' ? 'Session Events message handler' : 'component message handler' }));
    }
    case 'named-query':
      return namedQueries(view.unit).map((q) => ({ label: q.path, kind: 'value', detail: `named query${q.type ? ` (${q.type})` : ''}`, ...(q.sql ? { documentation: `\`\`\`sql\n${q.sql.trim()}\n\`\`\`` } : {}) }));
    case 'page':
      return pages(view.unit).map((p) => ({ label: p.url, kind: 'value', detail: [p.title, p.viewPath].filter(Boolean).join(' · ') || 'page' }));
    case 'tag-path':
      return tags(view.unit).map((t) => ({ label: t.path, kind: 'value', detail: `tag = ${JSON.stringify(t.value)}` }));
  }
}
