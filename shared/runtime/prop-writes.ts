// Writes to session props, custom props and page props, each traced as a `prop` event with its old and new value.
import type { Json } from '../engine/types';
import { cloneValue, sameJson } from '../engine/values';
import type { Page, Session } from './session';
import type { NewEvent, Trace } from './trace';
import { deleteAt, formatPath, getAt, plainCopy, setAt, type PathPart } from './tree';

function tracePropChange(trace: Trace, session: string, page: string | undefined, path: string, old: Json | undefined, value: Json | undefined): void {
  // A key that did not exist has no `old`; a removed key has no `new`.
  trace.add({
    kind: 'prop', session, page, path,
    ...(old === undefined ? {} : { old: cloneValue(old) }),
    ...(value === undefined ? {} : { new: cloneValue(value) }),
  } as NewEvent);
  trace.patch({ session, page, path, value });
}

/** Writes a session prop or custom prop (access levels are the caller's business). */
export function writeSession(trace: Trace, session: Session, tree: 'props' | 'custom', path: readonly PathPart[], value: unknown): void {
  const root = tree === 'props' ? session.props : session.custom;
  const copy = plainCopy(value);
  const old = getAt(root, path);
  setAt(root, path, copy);
  tracePropChange(trace, session.id, undefined, `${tree}.${formatPath(path)}`, old, copy);
}

export function deleteSession(trace: Trace, session: Session, tree: 'props' | 'custom', path: readonly PathPart[]): void {
  const root = tree === 'props' ? session.props : session.custom;
  const old = deleteAt(root, path);
  if (old !== undefined) tracePropChange(trace, session.id, undefined, `${tree}.${formatPath(path)}`, old, undefined);
}

/** Writes a page prop; writing the value it already has changes nothing and traces nothing. */
export function writePage(trace: Trace, page: Page, path: readonly PathPart[], value: unknown): void {
  const copy = plainCopy(value);
  const old = getAt(page.props, path);
  if (sameJson(old, copy)) return;
  setAt(page.props, path, copy);
  tracePropChange(trace, page.sessionId, page.id, `page.props.${formatPath(path)}`, old, copy);
}
