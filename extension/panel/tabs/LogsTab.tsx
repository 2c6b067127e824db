// The Logs tab: every log line the scripts wrote (system.util.getLogger, print), filtered by level, logger and
// text, following the newest line unless scrolled up.
import { useMemo, useState } from 'preact/hooks';
import { clockText } from '../../../shared/runtime/format-text';
import { selectByKey, VirtualList } from '../ui/VirtualList';
import type { TabProps } from './props';

const LEVELS = ['trace', 'debug', 'info', 'warn', 'error'];

function rank(level: string): number {
  const i = LEVELS.indexOf(level.toLowerCase());
  return i < 0 ? 2 : i;
}

export function LogsTab({ index }: TabProps) {
  const [minimum, setMinimum] = useState('trace');
  const [search, setSearch] = useState('');
  const [selected, setSelected] = useState(-1);
  const needle = search.trim().toLowerCase();
  const rows = useMemo(
    () => (minimum === 'trace' && needle === '' ? index.logs : index.logs.filter((l) => rank(l.level) >= rank(minimum) && (needle === '' || `${l.logger} ${l.message}`.toLowerCase().includes(needle)))),
    [index.version, index.logs.length, minimum, needle],
  );
  return (
    <section class="pane grow">
      <div class="toolbar">
        <input class="search" type="search" placeholder="Filter by logger or text" value={search} onInput={(e) => setSearch(e.currentTarget.value)} aria-label="filter logs" />
        <select value={minimum} onChange={(e) => setMinimum(e.currentTarget.value)} aria-label="minimum level">
          {LEVELS.map((l) => <option key={l} value={l}>{l} and above</option>)}
        </select>
        <span class="hint">{rows.length} of {index.logs.length} lines</span>
      </div>
      <div class="table-head logs-grid"><span>time</span><span>level</span><span>logger</span><span>message</span></div>
      <VirtualList
        count={rows.length}
        follow
        label="logs"
        selected={selected}
        onKeyDown={(e) => selectByKey(e, selected, rows.length, setSelected)}
        renderRow={(i) => {
          const log = rows[i];
          return (
            <div class={`line logs-grid level-${log.level.toLowerCase()} ${i === selected ? 'selected' : ''}`} onClick={() => setSelected(i)}>
              <span class="time">{clockText(log.time)}</span>
              <span class="level">{log.level.toUpperCase()}</span>
              <span class="logger">{log.logger}</span>
              <span class="message">{log.message}</span>
            </div>
          );
        }}
      />
    </section>
  );
}
