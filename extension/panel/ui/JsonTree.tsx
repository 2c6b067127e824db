// The property tree view: virtualised rows, keyboard navigation as in devtools (arrows, Enter to edit, Ctrl+C to
// copy), search, access badges, data loaded when expanded, and values edited in place as JSON: an invalid value
// is refused with a message and nothing is sent.
import type { Json } from '../../../shared/engine/types';
import { useMemo, useState } from 'preact/hooks';
import { parseJsonInput } from '../model/json-input';
import { descendantIds, parentRow, treeRows, type TreeRow, type TreeSection } from '../model/tree-rows';
import { copyText, Value } from './Value';
import { movedSelection, VirtualList } from './VirtualList';

interface Props {
  sections: TreeSection[];
  label: string;
  /** Loads the data behind a stub row. */
  onExpandStub?: (row: TreeRow) => void;
  /** Writes a value; rejects with the reason when the inspector refuses. */
  onWrite?: (row: TreeRow, value: Json) => Promise<void>;
  /** Paths to mark as changed (the diff view). */
  changed?: ReadonlySet<string>;
  /** Row ids open at first besides the section headers. */
  open?: string[];
}

interface Editing {
  id: string;
  text: string;
  error?: string;
  busy?: boolean;
}

export function JsonTree({ sections, label, onExpandStub, onWrite, changed, open = [] }: Props) {
  const [expanded, setExpanded] = useState<Set<string>>(() => new Set([...sections.map((s) => `${s.id}:`), ...open]));
  const [selectedId, setSelectedId] = useState<string | undefined>(undefined);
  const [editing, setEditing] = useState<Editing | undefined>(undefined);
  const [search, setSearch] = useState('');
  const [note, setNote] = useState('');

  // New sections (a page that opened) start expanded.
  const known = useMemo(() => new Set<string>(), []);
  for (const section of sections) {
    if (known.has(section.id)) continue;
    known.add(section.id);
    expanded.add(`${section.id}:`);
  }

  const rows = treeRows(sections, expanded, search);
  const selected = rows.findIndex((r) => r.id === selectedId);

  const toggle = (row: TreeRow, to = !row.expanded) => {
    if (row.kind === 'value') return;
    const next = new Set(expanded);
    if (to) next.add(row.id);
    else next.delete(row.id);
    setExpanded(next);
    if (to && row.kind === 'stub') onExpandStub?.(row);
  };

  /** Expands a row and everything loaded under it, as `*` does in the browser's own devtools trees. */
  const expandAll = (row: TreeRow) => {
    const next = new Set(expanded);
    for (const id of descendantIds(row)) next.add(id);
    setExpanded(next);
  };

  const startEdit = (row: TreeRow) => {
    if (!row.editable || !onWrite) return;
    setEditing({ id: row.id, text: JSON.stringify(row.value) });
  };

  const commit = async (row: TreeRow, text: string) => {
    const parsed = parseJsonInput(text);
    if (!parsed.ok) {
      setEditing({ id: row.id, text, error: parsed.message });
      return;
    }
    setEditing({ id: row.id, text, busy: true });
    try {
      await onWrite!(row, parsed.value);
      setEditing(undefined);
      setNote(`wrote ${row.path}`);
    } catch (error) {
      setEditing({ id: row.id, text, error: (error as Error).message });
    }
  };

  const copy = (what: 'path' | 'value', row: TreeRow) => {
    const text = what === 'path' ? row.path : JSON.stringify(row.value, null, 2);
    void copyText(text).then(() => setNote(`copied the ${what} of ${row.path || row.key}`));
  };

  const onKeyDown = (event: KeyboardEvent) => {
    if (editing) return;
    const row = rows[selected];
    const moved = movedSelection(event.key, selected, rows.length);
    if (moved !== undefined) {
      setSelectedId(rows[moved].id);
    } else if (row && event.key === 'ArrowRight') {
      if (row.kind !== 'value' && !row.expanded) toggle(row, true);
      else if (rows[selected + 1]?.depth > row.depth) setSelectedId(rows[selected + 1].id);
    } else if (row && event.key === 'ArrowLeft') {
      if (row.expanded && row.kind !== 'value') toggle(row, false);
      else setSelectedId(rows[parentRow(rows, selected)].id);
    } else if (row && event.key === '*') {
      expandAll(row);
    } else if (row && (event.key === 'Enter' || event.key === 'F2')) {
      if (row.editable) startEdit(row);
      else toggle(row);
    } else if (row && event.key === 'c' && (event.ctrlKey || event.metaKey)) {
      copy('value', row);
    } else return;
    event.preventDefault();
  };

  const renderRow = (index: number) => {
    const row = rows[index];
    const isSelected = index === selected;
    const isEditing = editing?.id === row.id;
    const classes = ['tree-row', `k-${row.kind}`, isSelected ? 'selected' : '', row.match ? 'match' : '', changed?.has(row.path) ? 'changed' : ''].join(' ');
    return (
      <div class={classes} style={{ paddingLeft: `${6 + row.depth * 14}px` }} onClick={() => setSelectedId(row.id)} onDblClick={() => (row.editable ? startEdit(row) : toggle(row))} aria-selected={isSelected} data-path={row.path}>
        <span class={`twisty ${row.kind === 'value' ? 'leaf' : row.expanded ? 'open' : 'closed'}`} title="Alt+click or * opens everything under it" onClick={(e) => { e.stopPropagation(); if (e.altKey) expandAll(row); else toggle(row); }} />
        {row.kind === 'section' ? <span class="section-title">{row.key}</span> : <span class="key">{row.key}</span>}
        {row.badge && <span class={`badge access-${row.badge}`} title={`${row.badge.toUpperCase()} access`}>{row.badge}</span>}
        {row.kind !== 'section' && <span class="colon">:</span>}
        {isEditing ? (
          <input
            class={`edit ${editing.error ? 'invalid' : ''}`}
            value={editing.text}
            disabled={editing.busy}
            aria-label={`new value of ${row.path}`}
            ref={(el) => {
              if (el && !editing.busy && document.activeElement !== el) el.focus();
            }}
            onInput={(e) => setEditing({ id: row.id, text: e.currentTarget.value })}
            onKeyDown={(e) => {
              e.stopPropagation();
              if (e.key === 'Enter') void commit(row, e.currentTarget.value);
              if (e.key === 'Escape') setEditing(undefined);
            }}
          />
        ) : row.kind === 'section' ? (
          <span class="section-size">{row.size} {row.size === 1 ? 'key' : 'keys'}</span>
        ) : row.kind === 'value' || row.kind === 'stub' || !row.expanded ? (
          <Value value={row.value} />
        ) : (
          <span class="v-preview">{row.kind === 'array' ? `Array(${row.size})` : `{${row.size}}`}</span>
        )}
        {isSelected && !isEditing && row.kind !== 'section' && (
          <span class="row-actions">
            {row.editable && onWrite && <button type="button" title="Edit (Enter)" onClick={(e) => { e.stopPropagation(); startEdit(row); }}>Edit</button>}
            <button type="button" title="Copy the property path" onClick={(e) => { e.stopPropagation(); copy('path', row); }}>Copy path</button>
            <button type="button" title="Copy the value as JSON (Ctrl+C)" onClick={(e) => { e.stopPropagation(); copy('value', row); }}>Copy value</button>
          </span>
        )}
      </div>
    );
  };

  return (
    <div class="tree">
      <div class="toolbar">
        <input class="search" type="search" placeholder="Search keys and values" value={search} onInput={(e) => setSearch(e.currentTarget.value)} aria-label={`search ${label}`} />
        <span class="hint">{note || '↑↓ move · → expand · * expand all · Enter edit · Ctrl+C copy'}</span>
      </div>
      {editing?.error && <div class="error-banner" role="alert">{editing.error}</div>}
      <VirtualList count={rows.length} renderRow={renderRow} selected={selected} onKeyDown={onKeyDown} label={label} class="tree-list" />
    </div>
  );
}
