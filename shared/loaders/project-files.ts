// Reads the files of a project folder, turning every failure into a LoadProblem instead of an exception.
import { readdirSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { LoadProblem } from '../source/script';
import { badUtf8Message, decodeUtf8 } from '../source/utf8';
import { parseJsonFile, UNSAFE_KEYS, type JsonFile } from './json-file';
import type { JsonTreeOptions } from './json-tree';

/** An entry of a project folder; a symbolic link to a file is listed as the file it points to. */
export interface FolderEntry {
  name: string;
  isFile(): boolean;
  isDirectory(): boolean;
}

/** Accumulates the problems of one project while its parts are read. */
export class ProjectReader {
  readonly problems: LoadProblem[] = [];

  /** `unsaved` gives an editor's text of a file that differs from the disk; it wins over the file's content. */
  constructor(readonly root: string, private readonly unsaved?: (file: string) => string | undefined) {}

  /** Path of a project-relative file, as problems and scripts name it. */
  path(...parts: string[]): string {
    return join(this.root, ...parts);
  }

  exists(file: string): boolean {
    try {
      statSync(file);
      return true;
    } catch {
      return false;
    }
  }

  isDirectory(file: string): boolean {
    try {
      return statSync(file).isDirectory();
    } catch {
      return false;
    }
  }

  /** Text of a file, or undefined with a problem when it cannot be read. */
  readText(file: string): string | undefined {
    const text = this.readOptional(file);
    if (text === null) this.problem(file, 1, 1, 'cannot read the file (ENOENT)');
    return text ?? undefined;
  }

  /**
   * Text of a file; null when it does not exist (no problem), undefined with a problem when it cannot be read. A file
   * that is not UTF-8 gets the problem that names its first bad byte and is read as a gateway would, with
   * replacement characters, so that the rest of it is still checked (`lint --fix` refuses to write it).
   */
  readOptional(file: string): string | null | undefined {
    const open = this.unsaved?.(file);
    if (open !== undefined) return open;
    try {
      const bytes = readFileSync(file);
      const read = decodeUtf8(bytes);
      if (read.ok) return read.text;
      this.problem(file, read.bad.line, read.bad.column, badUtf8Message(read.bad));
      return bytes.toString('utf8');
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'ENOENT') return null;
      this.problem(file, 1, 1, `cannot read the file (${code ?? (error as Error).message})`);
      return undefined;
    }
  }

  /**
   * A JSON file parsed with offsets; its problems join the project's. A file with a syntax error has no root:
   * the gateway would not load any of it either.
   */
  readJson(file: string, text: string | undefined = this.readText(file), options: JsonTreeOptions = {}): JsonFile | undefined {
    if (text === undefined) return undefined;
    const doc = parseJsonFile(file, text, options);
    this.problems.push(...doc.problems);
    doc.problems = this.problems;
    if (!doc.valid) doc.root = undefined;
    return doc;
  }

  /**
   * Entries of a folder, sorted by name so that loading is deterministic; none when it does not exist. A symbolic
   * link to a file is read through (and said so); links to folders are not followed, since they can make a loop.
   */
  list(folder: string): FolderEntry[] {
    let entries;
    try {
      entries = readdirSync(folder, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    } catch {
      return [];
    }
    return entries.flatMap((entry) => (entry.isSymbolicLink() ? this.followLink(`${folder}/${entry.name}`, entry.name) : [entry]));
  }

  private followLink(path: string, name: string): FolderEntry[] {
    let target: string;
    let isFile: boolean;
    try {
      target = realpathSync(path);
      const stats = statSync(target);
      if (stats.isDirectory()) {
        this.problem(path, 1, 1, `is a symbolic link to the folder ${target}, which Periscope does not follow (folder links can loop), so nothing under it is read; copy the folder here instead`, 'warning');
        return [];
      }
      isFile = stats.isFile();
    } catch (error) {
      this.problem(path, 1, 1, `is a symbolic link that leads nowhere (${(error as NodeJS.ErrnoException).code ?? 'unreadable'}); remove it or point it at the file`, 'warning');
      return [];
    }
    if (!isFile) return [];
    this.problem(path, 1, 1, `is a symbolic link; Periscope reads the file it points to, ${target}`, 'info');
    return [{ name, isFile: () => true, isDirectory: () => false }];
  }

  /**
   * Resource paths and parameter names become keys of the project's maps; a name like `__proto__` would reach an
   * object's prototype, so it is reported and skipped.
   */
  safeName(folder: string, name: string): boolean {
    if (!UNSAFE_KEYS.has(name)) return true;
    this.problem(`${folder}/${name}`, 1, 1, `"${name}" cannot be used as a resource or parameter name (it would change how objects behave); rename it`);
    return false;
  }

  problem(file: string, line: number, column: number, message: string, severity: LoadProblem['severity'] = 'error'): void {
    this.problems.push({ file, position: { line, column }, severity, message });
  }
}
