// The `lint` section of periscope.json: target version and per-rule severities, found upward from a linted path.
import { readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { TargetVersion } from './rule';
import type { RuleSetting } from './linter';

export interface LintConfig {
  /** The periscope.json the settings came from, when there is one. */
  file?: string;
  target?: TargetVersion;
  rules: Record<string, RuleSetting>;
}

/** A periscope.json that cannot be used; the message names the file and what to change. */
export class ConfigError extends Error {}

const SETTINGS: readonly RuleSetting[] = ['off', 'info', 'warning', 'error'];
const FORBIDDEN = new Set(['__proto__', 'constructor', 'prototype']);

/** Reads and checks a periscope.json text; `knownRules` are the ids a `rules` entry may name. */
export function parseLintConfig(file: string, text: string, knownRules: ReadonlySet<string>): LintConfig {
  let value: unknown;
  try {
    // A byte order mark (Windows editors write one) is accepted here as by `simulate` and `test`.
    value = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (error) {
    throw new ConfigError(`${file}: not valid JSON (${(error as Error).message}); fix the file or remove it`);
  }
  const config: LintConfig = { file, rules: Object.create(null) as Record<string, RuleSetting> };
  if (!isObject(value)) throw new ConfigError(`${file}: expected a JSON object such as {"lint": {"target": "8.3"}}`);
  const lint = value.lint;
  if (lint === undefined) return config;
  if (!isObject(lint)) throw new ConfigError(`${file}: "lint" must be an object such as {"target": "8.3", "rules": {"py3-only": "error"}}`);
  for (const key of Object.keys(lint)) {
    if (key !== 'target' && key !== 'rules') throw new ConfigError(`${file}: unknown key "lint.${key}"; the lint section takes "target" and "rules"`);
  }
  if (lint.target !== undefined) {
    if (lint.target !== '8.1' && lint.target !== '8.3') throw new ConfigError(`${file}: "lint.target" must be "8.1" or "8.3", not ${shown(lint.target)}`);
    config.target = lint.target;
  }
  if (lint.rules !== undefined) {
    if (!isObject(lint.rules)) throw new ConfigError(`${file}: "lint.rules" must map rule ids to "off", "info", "warning" or "error"`);
    for (const [id, setting] of Object.entries(lint.rules)) {
      if (FORBIDDEN.has(id)) throw new ConfigError(`${file}: "lint.rules" may not have a key named ${id}`);
      if (!knownRules.has(id)) throw new ConfigError(`${file}: unknown rule "${id}" in "lint.rules"; run 'periscope rules' for the list`);
      if (!SETTINGS.includes(setting as RuleSetting)) {
        throw new ConfigError(`${file}: rule "${id}" is set to ${shown(setting)}; use "off", "info", "warning" or "error"`);
      }
      config.rules[id] = setting as RuleSetting;
    }
  }
  return config;
}

/**
 * A wrong setting as a message shows it: a scalar as written (a long string cut), a list or an object by its kind,
 * since it may be nested deeper than JSON.stringify can write.
 */
function shown(value: unknown): string {
  if (Array.isArray(value)) return 'a list';
  if (isObject(value)) return 'an object';
  return typeof value === 'string' && value.length > 40 ? `${JSON.stringify(value.slice(0, 40)).slice(0, -1)}…"` : JSON.stringify(value);
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The nearest periscope.json at or above `path` (a file or a folder), parsed; an empty config when there is none. */
export function findLintConfig(path: string, knownRules: ReadonlySet<string>, cache = new Map<string, LintConfig>()): LintConfig {
  let dir = resolve(path);
  try {
    if (!statSync(dir).isDirectory()) dir = dirname(dir);
  } catch {
    dir = dirname(dir);
  }
  const visited: string[] = [];
  let found: LintConfig | undefined;
  for (;;) {
    const cached = cache.get(dir);
    if (cached) {
      found = cached;
      break;
    }
    visited.push(dir);
    const candidate = join(dir, 'periscope.json');
    const text = readConfigText(candidate);
    if (text !== undefined) {
      found = parseLintConfig(candidate, text, knownRules);
      break;
    }
    const parent = dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  const config = found ?? { rules: Object.create(null) as Record<string, RuleSetting> };
  for (const d of visited) cache.set(d, config);
  return config;
}

/** The text of a periscope.json, undefined when there is none; one that is a folder or unreadable is a ConfigError. */
function readConfigText(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return undefined;
    if (code === 'EISDIR') throw new ConfigError(`${file}: is a folder; Periscope's settings are a periscope.json file, so rename or remove the folder`);
    throw new ConfigError(`${file}: cannot be read (${code ?? (error as Error).message})`);
  }
}
