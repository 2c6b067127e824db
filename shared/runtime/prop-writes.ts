// Writes to session props, custom props and page props, each traced as a `prop` event with its old and new value.
import type { Json } from '../engine/types';
import { cloneValue } from '../engine/values';
import type { Runtime } from './runtime';
import type { Page, Session } from './session';
import type { NewEvent } from './trace';
import { deleteAt, formatPath, getAt, plainCopy, setAt, type PathPart } from './tree';

function tracePropChange(runtime: Runtime, session: string, page: string | undefined, path: string, old: Json | undefined, value: Json | undefined): void {
  // A key that did not exist has no `old`; a removed key has no `new`.
  runtime.event({
    kind: 'prop', session, page, path,
    ...(old === undefined ? {} : { old: cloneValue(old) }),
    ...(value === undefined ? {} : { new: cloneValue(value) }),
  } as NewEvent);
  runtime.trace.patch({ session, page, path, value });
}

/** Writes a session prop or custom prop (access levels are the caller's business). */
export function writeSession(runtime: Runtime, session: Session, tree: 'props' | 'custom', path: readonly PathPart[], value: unknown): void {
  const root = tree === 'props' ? session.props : session.custom;
  const copy = plainCopy(value);
  const old = getAt(root, path);
  setAt(root, path, copy);
  tracePropChange(runtime, session.id, undefined, `${tree}.${formatPath(path)}`, old, copy);
}

export function deleteSession(runtime: Runtime, session: Session, tree: 'props' | 'custom', path: readonly PathPart[]): void {
  const root = tree === 'props' ? session.props : session.custom;
  const old = deleteAt(root, path);
  if (old !== undefined) tracePropChange(runtime, session.id, undefined, `${tree}.${formatPath(path)}`, old, undefined);
}

/** Writes a page prop; writing the value it already has changes nothing and traces nothing. */
export function writePage(runtime: Runtime, page: Page, path: readonly PathPart[], value: unknown): void {
  const copy = plainCopy(value);
  const old = getAt(page.props, path);
  if (JSON.stringify(old) === JSON.stringify(copy)) return;
  setAt(page.props, path, copy);
  tracePropChange(runtime, page.sessionId, page.id, `page.props.${formatPath(path)}`, old, copy);
}
