// Scripts alike in everything the rules read: templated views repeat one script on thousands of components, and
// the linter parses and checks each distinct one once, then reports its findings at every place it occurs.
import { extname } from 'node:path';
import type { Script } from '../source/script';

/** A script the linter checks, and the others alike that get its findings at their own positions. */
export interface AlikeGroup {
  script: Script;
  alike: Script[];
}

/**
 * What rules may read of a script, as one key: its text, its role without the names of where it sits (`view`,
 * `component`), its wrapper and any other field a loader adds, and of its file the extension, or the file itself
 * for whole modules and script strings (whose names depend on the other blocks of their file). Positions (`origin`),
 * `id` and `title` are left out: findings are offsets in the text, mapped through each script's own origin.
 */
export function alikeKey(script: Script): string {
  return JSON.stringify([settingKey(script), script.text]);
}

/** `alikeKey` without the text, which groupAlike compares as it is rather than escaped into a key. */
function settingKey(script: Script): string {
  const { id: _id, origin, title: _title, role, text: _text, ...rest } = script;
  const { view: _view, component: _component, ...kind } = role as typeof role & { view?: string; component?: string };
  const file = role.kind === 'module' || role.kind === 'script-string' ? origin.file : extname(origin.file);
  return JSON.stringify([kind, rest, file]);
}

/** The scripts grouped by `alikeKey`, each group's first script in the order given. */
export function groupAlike(scripts: readonly Script[]): AlikeGroup[] {
  const byText = new Map<string, Map<string, AlikeGroup>>();
  const groups: AlikeGroup[] = [];
  for (const script of scripts) {
    let settings = byText.get(script.text);
    if (!settings) byText.set(script.text, (settings = new Map()));
    const key = settingKey(script);
    const group = settings.get(key);
    if (group) {
      group.alike.push(script);
    } else {
      const created = { script, alike: [] };
      settings.set(key, created);
      groups.push(created);
    }
  }
  return groups;
}
