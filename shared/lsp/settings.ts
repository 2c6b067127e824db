// The `periscope.*` settings an editor sends (initializationOptions, workspace/didChangeConfiguration), checked.
import { isAbsolute, resolve } from 'node:path';
import type { TargetVersion } from '../lint/rule';

export interface ServerSettings {
  target?: TargetVersion | 'auto';
  /** A periscope.json to simulate against instead of the one beside the scripts. */
  fixturesFile?: string;
  strict?: boolean;
  /** The Node.js that runs the simulator. */
  nodePath?: string;
  scriptTimeoutSeconds?: number;
  /** The Python engine of runs the person chose (`auto`, `pyodide`, `jython`); see runEngine for the one runs use. */
  engine?: string;
  /**
   * Whether the editor trusts the workspace (VS Code's Workspace Trust). Editors that do not say are trusted: the
   * person started `periscope lsp` on these files, as they would start `periscope simulate`.
   */
  trusted?: boolean;
}

/**
 * The engine runs use, and whether the person's choice was set aside. Jython runs a project's code with the powers
 * of a gateway's Jython (files, processes, sockets of this machine), so it runs only in a trusted workspace; an
 * untrusted one runs on the sealed Pyodide engine, which reaches nothing of the host.
 */
export function runEngine(settings: ServerSettings): { engine?: string; sealed: boolean } {
  if (settings.trusted !== false) return { ...(settings.engine ? { engine: settings.engine } : {}), sealed: false };
  return { engine: 'pyodide', sealed: settings.engine !== undefined && settings.engine !== 'pyodide' };
}

export function readSettings(value: unknown): ServerSettings {
  if (typeof value !== 'object' || value === null) return {};
  const v = value as Record<string, unknown>;
  const out: ServerSettings = {};
  if (v.target === '8.1' || v.target === '8.3' || v.target === 'auto') out.target = v.target;
  if (typeof v.fixturesFile === 'string' && v.fixturesFile !== '') out.fixturesFile = v.fixturesFile;
  if (typeof v.strict === 'boolean') out.strict = v.strict;
  if (typeof v.nodePath === 'string' && v.nodePath !== '') out.nodePath = v.nodePath;
  if (typeof v.scriptTimeoutSeconds === 'number' && v.scriptTimeoutSeconds > 0) out.scriptTimeoutSeconds = v.scriptTimeoutSeconds;
  if (typeof v.engine === 'string') out.engine = v.engine;
  // A trust value the server cannot read is no trust.
  if (v.trusted !== undefined) out.trusted = v.trusted === true;
  return out;
}

/** A path setting, relative to `base` (the first workspace folder) unless absolute. */
export function settingPath(path: string, base: string): string {
  return isAbsolute(path) ? path : resolve(base, path);
}
