// The few lines every script namespace starts with: the `system` package, as a gateway provides it.
import { LineIndex, OriginMap } from '../source/origin';
import type { Script, ScriptRole } from '../source/script';

export const PRELUDE_HAS_FUNCTION = 'periscope_has_function';

const text = [
  'from periscope_system import system',
  '',
  `def ${PRELUDE_HAS_FUNCTION}(name):`,
  '    return callable(globals().get(name))',
  '',
].join('\n');

const file = '<periscope>';

/** `role`: the role of the namespace's first script; a library module's namespace must be created as that module. */
export function prelude(role: ScriptRole = { kind: 'module' }): Script {
  return { id: file, role, text, origin: OriginMap.slice(file, new LineIndex(text), 0) };
}
