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
  /** The Python engine of runs (`auto`, `pyodide`, `jython`); the VS Code client sends pyodide in untrusted workspaces. */
  engine?: string;
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
  return out;
}

/** A path setting, relative to `base` (the first workspace folder) unless absolute. */
export function settingPath(path: string, base: string): string {
  return isAbsolute(path) ? path : resolve(base, path);
}
