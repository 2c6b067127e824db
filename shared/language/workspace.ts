// The editor's view of a workspace: the projects and documents in it, and the facts about each that the language
// features need (message handlers and senders, custom props, named queries, pages, tags, library modules).
//
// A unit is what the linter checks as a whole: an Ignition project, or a standalone document or Python file. Each
// file of a unit is indexed on its own, so an edit or a change on disk re-reads one file, not the project.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve, sep } from 'node:path';
import type { Fixtures } from '../gateway-config/fixtures';
import { findFixtures, loadFixtures } from '../gateway-config/load';
import { sentMessageType } from '../lint/facts';
import type { Linter } from '../lint/linter';
import type { ProjectFacts, TargetVersion } from '../lint/rule';
import { discoverProjects, type Project } from '../loaders/project';
import { isProjectFolder } from '../loaders/project-detect';
import type { LoadProblem, Script } from '../source/script';
import { stringValue } from '../lint/syntax';
import { assignedCustomKeys, documentCustomDefaults, jsonCustomTree, type CustomTree } from './custom-props';
import { documentFileScripts, isScriptFile, projectFileScripts, type FileScripts } from './file-scripts';

/** Where a message type is handled or sent: offsets in `file`. */
export interface MessageSite {
  messageType: string;
  file: string;
  start: number;
  end: number;
}

export interface HandlerSite extends MessageSite {
  /** Session Events handler (system.util.sendMessage) or component handler (system.perspective.sendMessage). */
  kind: 'session' | 'component';
  script: Script;
}

export interface SendSite extends MessageSite {
  via: 'util' | 'perspective';
}

/** What one file contributes to its unit. */
export interface FileIndex {
  scripts: Script[];
  problems: LoadProblem[];
  handlers: HandlerSite[];
  sends: SendSite[];
  /** A system.util.sendMessage with a computed handler name: any handler may be reached. */
  computedUtil: boolean;
  customKeys: string[];
}

export interface Unit {
  kind: 'project' | 'document';
  /** The project folder, or the document. */
  root: string;
  project?: Project;
  fixtures?: Fixtures;
  fixturesFile?: string;
  target?: TargetVersion;
  /** Library packages every script may use. */
  globals: string[];
  files: Map<string, FileIndex>;
  customDefaults: CustomTree;
  /** False while the project's files are still being read for facts: "nothing sends this" cannot be said yet. */
  indexed: boolean;
}

/** Folders a workspace search never enters. */
const SKIPPED = new Set(['node_modules', '.git', 'dist', '.periscope']);
/** How deep below a workspace folder projects are looked for. */
const MAX_DEPTH = 4;

export class Workspace {
  private readonly projects = new Map<string, Unit>();
  private readonly documents = new Map<string, Unit>();
  /** Projects found but not read yet, by root: a file inside one waits for it rather than being taken for a document. */
  private readonly loading = new Map<string, Promise<void>>();

  constructor(
    private readonly linter: Linter,
    /** An editor's text of a file, when it is open; else the disk is read. */
    private readonly unsaved: (file: string) => string | undefined = () => undefined,
  ) {}

  /** Finds and indexes every project under the folders; `pause` lets a server answer requests in between. */
  async addFolders(folders: readonly string[], pause: () => Promise<void> = async () => {}): Promise<void> {
    // The roots are known at once (before any await), so requests about their files wait for the right project.
    const roots = folders.flatMap((folder) => findProjectFolders(resolve(folder)));
    const read = new Map<string, () => void>();
    for (const root of roots) this.loading.set(root, new Promise<void>((done) => read.set(root, done)));
    for (const root of roots) {
      await this.loadProject(root, pause, () => {
        this.loading.delete(root);
        read.get(root)!();
      });
    }
  }

  get units(): Unit[] {
    return [...this.projects.values(), ...this.documents.values()];
  }

  /** The project holding `file`, if any. */
  projectOf(file: string): Unit | undefined {
    let best: Unit | undefined;
    for (const unit of this.projects.values()) {
      if ((file.startsWith(unit.root + sep) || file === unit.root) && (!best || unit.root.length > best.root.length)) best = unit;
    }
    return best;
  }

  /** The unit `file` belongs to: its project, or the document itself (indexed on first use). */
  async unitOf(file: string, text?: string): Promise<Unit> {
    for (const [root, loaded] of this.loading) if (file.startsWith(root + sep)) await loaded;
    const project = this.projectOf(file);
    if (project) return project;
    let unit = this.documents.get(file);
    if (!unit) {
      unit = { kind: 'document', root: file, globals: [], files: new Map(), customDefaults: {}, indexed: true };
      this.documents.set(file, unit);
      await this.loadDocumentFixtures(unit);
      await this.indexFile(unit, file, text ?? this.textOf(file) ?? '');
    }
    return unit;
  }

  /** The scripts of a file from `text`, without touching the index. */
  async scriptsOf(unit: Unit, file: string, text: string): Promise<FileScripts> {
    if (unit.kind === 'project' && unit.project) return projectFileScripts(unit.project, file, text);
    return documentFileScripts(file, text);
  }

  /** Re-reads one file of its unit from `text` (the editor's or the disk's); returns false when the project must be reloaded. */
  async indexFile(unit: Unit, file: string, text: string): Promise<boolean> {
    const read = await this.scriptsOf(unit, file, text);
    if (!read.known) return false;
    this.indexScripts(unit, file, read.scripts, read.problems);
    return true;
  }

  /** Puts a file's scripts (read from an editor's text, say) into its unit's index. */
  indexScripts(unit: Unit, file: string, scripts: Script[], problems: LoadProblem[]): void {
    unit.files.set(file, this.fileIndex({ scripts, problems, known: true }));
    if (unit.kind === 'document') unit.customDefaults = documentCustomDefaults(this.linter, scripts.filter((s) => s.role.kind === 'module'));
  }

  /** Files changed, created or deleted on disk (or saved): re-read them, or their projects when the layout changed. */
  async filesChanged(files: readonly string[], pause: () => Promise<void> = async () => {}): Promise<void> {
    const reload = new Set<Unit>();
    for (const file of files) {
      const fixturesOf = [...this.units].filter((u) => u.fixturesFile === file);
      for (const unit of fixturesOf) {
        if (unit.kind === 'project') reload.add(unit);
        else await this.loadDocumentFixtures(unit);
      }
      const project = this.projectOf(file);
      if (!project) {
        const document = this.documents.get(file);
        if (document) {
          const text = this.textOf(file);
          if (text === undefined) this.documents.delete(file);
          else await this.indexFile(document, file, text);
        } else if (isProjectFolder(file)) {
          // A project folder that appeared (the disk watcher names new projects by their root).
          await this.loadProject(file, pause);
        } else if (isProjectFolder(dirname(file)) || /project\.json$/.test(file)) {
          await this.loadProject(dirname(file), pause);
        }
        continue;
      }
      if (reload.has(project)) continue;
      const text = this.textOf(file);
      if (text === undefined || !isScriptFile(file) || !(await this.indexFile(project, file, text))) reload.add(project);
    }
    for (const unit of reload) await this.loadProject(unit.root, pause);
  }

  /** Facts of every file of the unit but `file`, for linting `file` from an editor's text. */
  factsExcept(unit: Unit, file: string): ProjectFacts {
    const facts = { sessionMessageTypes: new Set<string>(), componentMessageTypes: new Set<string>(), sentByUtil: new Set<string>(), sentByPerspective: new Set<string>(), complete: unit.indexed };
    for (const [name, index] of unit.files) {
      if (name === file) continue;
      for (const h of index.handlers) (h.kind === 'session' ? facts.sessionMessageTypes : facts.componentMessageTypes).add(h.messageType);
      for (const s of index.sends) (s.via === 'util' ? facts.sentByUtil : facts.sentByPerspective).add(s.messageType);
      if (index.computedUtil) facts.complete = false;
    }
    return facts;
  }

  handlers(unit: Unit, messageType?: string): HandlerSite[] {
    return [...unit.files.values()].flatMap((f) => f.handlers.filter((h) => messageType === undefined || h.messageType === messageType));
  }

  sends(unit: Unit, messageType?: string): SendSite[] {
    return [...unit.files.values()].flatMap((f) => f.sends.filter((s) => messageType === undefined || s.messageType === messageType));
  }

  /** The custom props tree scripts see: the designer's defaults plus keys scripts assign. */
  customTree(unit: Unit): CustomTree {
    const tree: CustomTree = { ...unit.customDefaults };
    for (const index of unit.files.values()) for (const key of index.customKeys) if (!(key in tree)) tree[key] = '';
    return tree;
  }

  /**
   * Reads a project in two steps: its files and scripts (then `loaded` is called: its files can be linted), then
   * the facts of every script, a few files at a time with `pause` between, so that requests are answered meanwhile.
   */
  private async loadProject(root: string, pause: () => Promise<void>, loaded: () => void = () => {}): Promise<void> {
    const [project] = await discoverProjects(root);
    if (!project) {
      this.projects.delete(root);
      loaded();
      return;
    }
    const unit: Unit = {
      kind: 'project', root, project, target: project.version,
      globals: [...new Set(Object.keys(project.library).map((m) => m.split('.')[0]))],
      files: new Map(), customDefaults: jsonCustomTree(project.sessionProps.custom), indexed: false,
    };
    const fixturesFile = findFixtures(root);
    if (fixturesFile) {
      unit.fixturesFile = fixturesFile;
      unit.fixtures = (await loadFixtures(fixturesFile)).fixtures;
    }
    const previous = this.projects.get(root);
    // Until the new facts are read, the old ones (if any) stand.
    if (previous) unit.files = new Map(previous.files);
    this.projects.set(root, unit);
    loaded();
    const files = new Map<string, FileIndex>();
    const byFile = new Map<string, Script[]>();
    for (const script of project.scripts) {
      const list = byFile.get(script.origin.file) ?? [];
      list.push(script);
      byFile.set(script.origin.file, list);
    }
    let count = 0;
    const problems = new Map<string, LoadProblem[]>();
    for (const problem of project.problems) problems.set(problem.file, [...(problems.get(problem.file) ?? []), problem]);
    for (const [file, scripts] of byFile) {
      files.set(file, this.fileIndex({ scripts, problems: problems.get(file) ?? [], known: true }));
      // Parsing a large project takes a while: let requests in every few files.
      if (++count % 50 === 0) await pause();
    }
    for (const [file, list] of problems) if (!files.has(file)) files.set(file, { ...emptyIndex(), problems: list });
    // Files an editor re-indexed meanwhile keep their newer facts.
    for (const [file, index] of unit.files) if (previous?.files.get(file) !== index) files.set(file, index);
    unit.files = files;
    unit.indexed = true;
  }

  private async loadDocumentFixtures(unit: Unit): Promise<void> {
    const file = findFixtures(unit.root);
    delete unit.fixtures;
    delete unit.fixturesFile;
    if (!file) return;
    unit.fixturesFile = file;
    unit.fixtures = (await loadFixtures(file)).fixtures;
    unit.target = unit.fixtures.project.version;
  }

  private fileIndex(read: FileScripts): FileIndex {
    const index: FileIndex = { ...emptyIndex(), scripts: read.scripts, problems: read.problems };
    for (const script of read.scripts) {
      const role = script.role;
      const at = script.origin.originOffset(0);
      if (role.kind === 'session-message-handler') index.handlers.push({ messageType: role.messageType, kind: 'session', file: script.origin.file, start: at, end: at, script });
      if (role.kind === 'component-message-handler') index.handlers.push({ messageType: role.messageType, kind: 'component', file: script.origin.file, start: at, end: at, script });
      index.customKeys.push(...assignedCustomKeys(script.text));
      if (!script.text.includes('sendMessage')) continue;
      const { tree } = this.linter.parse(script);
      try {
        for (const call of tree.rootNode.descendantsOfType('call')) {
          const found = call && sentMessageType(call, script.text);
          if (!found) continue;
          const type = stringValue(found.type);
          if (type === undefined) {
            if (found.via === 'util') index.computedUtil = true;
            continue;
          }
          const start = script.origin.originOffset(found.type.startIndex);
          // A script held in a string of a document block is read twice, as the block and as itself.
          if (index.sends.some((s) => s.start === start)) continue;
          index.sends.push({ messageType: type, via: found.via, file: script.origin.file, start, end: script.origin.originOffset(found.type.endIndex) });
        }
      } finally {
        tree.delete();
      }
    }
    return index;
  }

  /** A file's text: the editor's when open, else the disk's; undefined when it cannot be read. */
  textOf(file: string): string | undefined {
    const open = this.unsaved(file);
    if (open !== undefined) return open;
    try {
      return readFileSync(file, 'utf8');
    } catch {
      return undefined;
    }
  }
}

function emptyIndex(): FileIndex {
  return { scripts: [], problems: [], handlers: [], sends: [], computedUtil: false, customKeys: [] };
}

/**
 * Project folders at or under `folder`, not looking inside a project or deeper than MAX_DEPTH; `searched` hears each
 * folder searched that is not a project (where a project created later would appear).
 */
export function findProjectFolders(folder: string, depth = 0, searched: (folder: string) => void = () => {}): string[] {
  try {
    if (!statSync(folder).isDirectory()) return [];
  } catch {
    return [];
  }
  if (isProjectFolder(folder)) return [folder];
  if (depth >= MAX_DEPTH) return [];
  searched(folder);
  let names: string[];
  try {
    names = readdirSync(folder).sort();
  } catch {
    return [];
  }
  return names.filter((n) => !SKIPPED.has(n) && !n.startsWith('.')).flatMap((n) => findProjectFolders(join(folder, n), depth + 1, searched));
}
