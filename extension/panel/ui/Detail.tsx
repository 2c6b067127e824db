// The detail pane beside a list: a title, facts, and JSON values as read-only trees.
import type { ComponentChildren } from 'preact';
import type { Json } from '../../../shared/engine/types';
import { JsonTree } from './JsonTree';

export function Detail({ title, children }: { title: ComponentChildren; children: ComponentChildren }) {
  return (
    <aside class="pane side detail" aria-label="details">
      <div class="detail-title">{title}</div>
      {children}
    </aside>
  );
}

/** A JSON value as a small read-only tree under a heading. */
export function JsonBlock({ title, value, id }: { title: string; value: Json; id: string }) {
  return (
    <div class="json-block">
      <div class="sub-title">{title}</div>
      <JsonTree key={id} label={title} sections={[{ id, title, path: '', root: value, editable: false }]} open={[`${id}:`]} />
    </div>
  );
}
