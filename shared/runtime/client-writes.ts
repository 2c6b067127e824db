// Writes from a client (a person typing, the devtools panel, a scenario's `write` step): custom props, the
// session props a client may change (theme, locale...) and the props of open views; never what the gateway owns.
import type { Json } from '../engine/types';
import type { ViewParts } from './parts';
import { writeSession } from './prop-writes';
import type { Session } from './session';
import { scriptMayWrite } from './session-props';
import { parsePath, TreeError } from './tree';
import { writeViewFromClient } from './views/actions';

/** Writes `value` at `path` (`custom.x`, `props.theme`, `view:Overview/root/Field.props.text`); returns why not, if not. */
export function writeFromClient(parts: ViewParts, session: Session, path: string, value: Json): string | undefined {
  try {
    if (path.startsWith('view:')) return writeViewFromClient(session, parts, path, value);
    const [head, ...rest] = path.split('.');
    const at = parsePath(rest.join('.'));
    if (head === 'custom') writeSession(parts.trace, session, 'custom', at, value);
    else if (head === 'props' && scriptMayWrite(at)) writeSession(parts.trace, session, 'props', at, value);
    else if (head === 'props') return `${path} is not writable from a client: the gateway owns it`;
    else return `"${path}" is not a writable path; write custom.<name> or props.theme, props.locale...`;
  } catch (error) {
    return error instanceof TreeError ? `cannot write ${path}: ${error.message}` : String(error);
  }
  return undefined;
}
