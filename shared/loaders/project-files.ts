// Reads the files of a project folder, turning every failure into a LoadProblem instead of an exception.
import { readdirSync, readFileSync, statSync, type Dirent } from 'node:fs';
import { join } from 'node:path';
import type { LoadProblem } from '../source/script';
import { firstInvalidUtf8, utf8Position } from '../source/utf8';
import { parseJsonFile, UNSAFE_KEYS, type JsonFile } from './json-file';

/** Decodes UTF-8 natively and throws at the first malformed byte (a BOM is kept, as the readers expect). */
const strictUtf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** Accumulates the problems of one project while its parts are read. */
export class ProjectReader {
  readonly problems: LoadProblem[] = [];

  constructor(readonly root: string) {}

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
   * Text of a file; null when it does not exist (no problem), undefined with a problem when it cannot be read or
   * is not UTF-8 (the gateway reads resources as UTF-8; a replacement character would hide the mistake).
   */
  readOptional(file: string): string | null | undefined {
    try {
      const bytes = readFileSync(file);
      try {
        return strictUtf8.decode(bytes);
      } catch {
        const bad = firstInvalidUtf8(bytes);
        const { line, column } = utf8Position(bytes, bad);
        this.problem(file, line, column, `the file is not valid UTF-8 (byte 0x${bytes[bad].toString(16).toUpperCase().padStart(2, '0')}); the gateway reads resources as UTF-8: save it with UTF-8 encoding`);
        return undefined;
      }
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'ENOENT') return null;
      this.problem(file, 1, 1, `cannot read the file (${code ?? (error as Error).message})`);
      return undefined;
    }
  }

  /** The bytes of a file, or undefined with a problem when it cannot be read. */
  readBytes(file: string): Buffer | undefined {
    try {
      return readFileSync(file);
    } catch (error) {
      this.problem(file, 1, 1, `cannot read the file (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
      return undefined;
    }
  }

  /**
   * A JSON file parsed with offsets; its problems join the project's. A file with a syntax error has no root:
   * the gateway would not load any of it either.
   */
  readJson(file: string, text: string | undefined = this.readText(file)): JsonFile | undefined {
    if (text === undefined) return undefined;
    const doc = parseJsonFile(file, text);
    this.problems.push(...doc.problems);
    doc.problems = this.problems;
    if (!doc.valid) doc.root = undefined;
    return doc;
  }

  /** Entries of a folder, sorted by name so that loading is deterministic; none when it does not exist. */
  list(folder: string): Dirent[] {
    try {
      return readdirSync(folder, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    } catch {
      return [];
    }
  }

  /**
   * Visits `base` and every folder under it, depth first in name order, with its path below `base` (`''` for
   * `base`, `Area/Line` below) and its entries; `visit` returns false to leave a folder's sub-folders out. Folder
   * names that could reach a prototype are reported and skipped.
   */
  walk(base: string, visit: (folder: string, path: string, entries: Dirent[]) => void | false): void {
    const step = (folder: string, path: string): void => {
      const entries = this.list(folder);
      if (visit(folder, path, entries) === false) return;
      for (const entry of entries) {
        if (entry.isDirectory() && this.safeName(folder, entry.name)) step(`${folder}/${entry.name}`, path === '' ? entry.name : `${path}/${entry.name}`);
      }
    };
    step(base, '');
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

  problem(file: string, line: number, column: number, message: string, severity: LoadProblem['severity'] = 'error', rule?: string): void {
    this.problems.push({ file, position: { line, column }, severity, message, ...(rule ? { rule } : {}) });
  }
}
