// The Queries tab: each named query the scripts ran, with its params, rows, duration and error.
import { useMemo, useState } from 'preact/hooks';
import { brief, clockText } from '../../../shared/runtime/format-text';
import { formatDuration } from '../model/duration';
import type { EventOf } from '../model/event-index';
import { Detail, JsonBlock } from '../ui/Detail';
import { selectByKey, VirtualList } from '../ui/VirtualList';
import type { TabProps } from './props';

function outcome(q: EventOf<'query'>): string {
  if (q.error) return `✖ ${q.error}`;
  if (q.rowCount !== undefined) return `${q.rowCount} ${q.rowCount === 1 ? 'row' : 'rows'}`;
  if (q.rowsAffected !== undefined) return `${q.rowsAffected} affected`;
  return `= ${brief(q.value, 40)}`;
}

export function QueriesTab({ index }: TabProps) {
  const [search, setSearch] = useState('');
  const [selected, setSelected] = useState(-1);
  const needle = search.trim().toLowerCase();
  const rows = useMemo(() => index.queries.filter((q) => needle === '' || `${q.name} ${JSON.stringify(q.params)}`.toLowerCase().includes(needle)), [index.version, needle]);
  const query = rows[selected];
  return (
    <div class="split">
      <section class="pane grow">
        <div class="toolbar">
          <input class="search" type="search" placeholder="Filter by query name or params" value={search} onInput={(e) => setSearch(e.currentTarget.value)} aria-label="filter queries" />
          <span class="hint">{rows.length} queries</span>
        </div>
        <div class="table-head queries-grid"><span>time</span><span>named query</span><span>params</span><span>result</span><span>duration</span></div>
        <VirtualList
          count={rows.length}
          follow
          label="queries"
          selected={selected}
          onKeyDown={(e) => selectByKey(e, selected, rows.length, setSelected)}
          renderRow={(i) => {
            const q = rows[i];
            return (
              <div class={`line queries-grid ${q.error ? 'problem' : ''} ${i === selected ? 'selected' : ''}`} onClick={() => setSelected(i)}>
                <span class="time">{clockText(q.time)}</span>
                <span class="type">{q.name}</span>
                <span class="mono">{brief(q.params, 120)}</span>
                <span class={q.error ? 'bad' : ''}>{outcome(q)}</span>
                <span class="num">{formatDuration(q.durationMs)}</span>
              </div>
            );
          }}
        />
      </section>
      {query && (
        <Detail title={`${query.name} · #${query.seq}`}>
          <dl class="facts">
            <dt>result</dt><dd class={query.error ? 'bad' : ''}>{outcome(query)}</dd>
            <dt>duration</dt><dd>{formatDuration(query.durationMs) || '—'}</dd>
          </dl>
          <JsonBlock id={`params-${query.seq}`} title="params" value={query.params} />
          {query.value !== undefined && <JsonBlock id={`value-${query.seq}`} title="value" value={query.value} />}
        </Detail>
      )}
    </div>
  );
}
