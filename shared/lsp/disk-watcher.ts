// Notices files changed on disk for editors that do not report them (workspace/didChangeWatchedFiles needs the
// client's dynamic registration, which Neovim 0.7 lacks): a recursive watch of each project folder, debounced.
import { watch, type FSWatcher } from 'node:fs';
import { join } from 'node:path';

/** Changes closer together than this are reported together. */
const SETTLE_MS = 150;
const IGNORED = /(^|\/)(node_modules|\.git|dist)(\/|$)/;

export class DiskWatcher {
  private readonly watchers: FSWatcher[] = [];
  private readonly changed = new Set<string>();
  private timer: NodeJS.Timeout | undefined;

  constructor(folders: readonly string[], private readonly onChange: (files: string[]) => void, log: (message: string) => void) {
    for (const folder of folders) {
      try {
        const watcher = watch(folder, { recursive: true }, (_event, name) => name && this.note(join(folder, name.toString())));
        watcher.on('error', (error) => log(`watching ${folder} stopped: ${error.message}`));
        this.watchers.push(watcher);
      } catch (error) {
        log(`cannot watch ${folder} for changes on disk (${(error as Error).message}); save files in the editor to re-index them`);
      }
    }
  }

  dispose(): void {
    clearTimeout(this.timer);
    for (const watcher of this.watchers) watcher.close();
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
