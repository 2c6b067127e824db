// Writes from a client (a person typing, the devtools panel, a scenario's `write` step): custom props, the
// session props a client may change (theme, locale...), page props and the props of open views; never what the
// gateway owns.
import type { Json } from '../engine/types';
import type { ViewParts } from './parts';
import { writePage, writeSession } from './prop-writes';
import type { Session } from './session';
import { accessOf, pagePropWritable, scriptMayWrite } from './session-props';
import { parsePath, TreeError } from './tree';
import { writeViewFromClient } from './views/actions';

/**
 * Writes `value` at `path` (`custom.x`, `props.theme`, `page.props.title` on the session's last page,
 * `view:Overview/root/Field.props.text`); returns why it could not, if it could not.
 */
export function writeFromClient(parts: ViewParts, session: Session, path: string, value: Json): string | undefined {
  try {
    if (path.startsWith('view:')) return writeViewFromClient(session, parts, path, value);
    if (path.startsWith('page.props.')) return writePageFromClient(parts, session, path, value);
    const [head, ...rest] = path.split('.');
    const at = parsePath(rest.join('.'));
    if (head === 'custom') writeSession(parts.trace, session, 'custom', at, value);
    else if (head === 'props' && scriptMayWrite(at)) writeSession(parts.trace, session, 'props', at, value);
    else if (head === 'props') return `${path} is ${accessOf(at).toUpperCase()}: a client cannot write it (the gateway owns it)`;
    else return `"${path}" is not a writable path; write custom.<name>, props.theme, props.locale, page.props.<name>...`;
  } catch (error) {
    return error instanceof TreeError ? `cannot write ${path}: ${error.message}` : String(error);
  }
  return undefined;
}

function writePageFromClient(parts: ViewParts, session: Session, path: string, value: Json): string | undefined {
  const page = session.lastPage;
  if (!page || page.closed) return 'the session has no open page';
  const at = parsePath(path.slice('page.props.'.length));
  if (!pagePropWritable(at)) return `${path} is not writable: the page owns it (navigate to change the page)`;
  writePage(parts.trace, page, at, value);
  return undefined;
}
