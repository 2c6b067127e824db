// Notices files changed on disk for editors that do not report them (workspace/didChangeWatchedFiles needs the
// client's dynamic registration, which Neovim 0.7 lacks): a recursive watch of each project folder, and a watch of
// each folder searched for projects, so that a project created later is found; debounced.
import { watch, type FSWatcher } from 'node:fs';
import { join } from 'node:path';
import { findProjectFolders } from '../language/workspace';

/** Changes closer together than this are reported together. */
const SETTLE_MS = 150;
const IGNORED = /(^|\/)(node_modules|\.git|dist)(\/|$)/;

export class DiskWatcher {
  private readonly watchers = new Map<string, FSWatcher>();
  private readonly changed = new Set<string>();
  private timer: NodeJS.Timeout | undefined;
  private searchTimer: NodeJS.Timeout | undefined;

  /** Reports changed files, and the root of each project that appears, to `onChange`. */
  constructor(private readonly folders: readonly string[], private readonly onChange: (files: string[]) => void, private readonly log: (message: string) => void) {
    this.search(false);
  }

  dispose(): void {
    clearTimeout(this.timer);
    clearTimeout(this.searchTimer);
    for (const watcher of this.watchers.values()) watcher.close();
    this.watchers.clear();
  }

  /** Watches the projects under the folders, and the folders searched for them; `report` names new projects. */
  private search(report: boolean): void {
    for (const folder of this.folders) {
      const roots = findProjectFolders(folder, 0, (searched) => this.watch(searched, false));
      for (const root of roots) {
        if (this.watchers.has(root)) continue;
        this.watch(root, true);
        if (report) this.note(root);
      }
    }
  }

  /** A project folder is watched whole; a folder searched for projects only for entries appearing in it. */
  private watch(folder: string, project: boolean): void {
    if (this.watchers.has(folder)) return;
    try {
      const watcher = watch(folder, { recursive: project }, (_event, name) => {
        if (project) {
          if (name) this.note(join(folder, name.toString()));
        } else {
          clearTimeout(this.searchTimer);
          this.searchTimer = setTimeout(() => this.search(true), SETTLE_MS);
        }
      });
      watcher.on('error', (error) => {
        this.log(`watching ${folder} stopped: ${error.message}`);
        watcher.close();
        this.watchers.delete(folder);
      });
      this.watchers.set(folder, watcher);
    } catch (error) {
      this.log(`cannot watch ${folder} for changes on disk (${(error as Error).message}); save files in the editor to re-index them`);
    }
  }

  private note(file: string): void {
    if (IGNORED.test(file)) return;
    this.changed.add(file);
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      const files = [...this.changed];
      this.changed.clear();
      this.onChange(files);
    }, SETTLE_MS);
  }
}
