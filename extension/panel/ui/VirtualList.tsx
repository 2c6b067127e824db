// A list that draws only the rows in view (plus a few), so that 100,000 rows scroll like 100. Rows have one
// fixed height; the list can follow its end as rows arrive, and keeps a selected row in view.
import type { ComponentChildren } from 'preact';
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';

export const ROW_HEIGHT = 22;
const OVERSCAN = 8;

interface Props {
  count: number;
  renderRow: (index: number) => ComponentChildren;
  /** Keep the last row in view while new rows arrive (until the person scrolls up). */
  follow?: boolean;
  /** Scrolled into view when it changes. */
  selected?: number;
  onKeyDown?: (event: KeyboardEvent) => void;
  label: string;
  class?: string;
}

export function VirtualList({ count, renderRow, follow = false, selected, onKeyDown, label, class: className }: Props) {
  const box = useRef<HTMLDivElement>(null);
  const [top, setTop] = useState(0);
  const [height, setHeight] = useState(600);
  const pinned = useRef(follow);

  useLayoutEffect(() => {
    const element = box.current;
    if (!element) return;
    const observer = new ResizeObserver(() => setHeight(element.clientHeight));
    observer.observe(element);
    setHeight(element.clientHeight);
    return () => observer.disconnect();
  }, []);

  useLayoutEffect(() => {
    const element = box.current;
    if (element && follow && pinned.current) element.scrollTop = element.scrollHeight;
  }, [count, follow]);

  useEffect(() => {
    const element = box.current;
    if (!element || selected === undefined || selected < 0) return;
    const rowTop = selected * ROW_HEIGHT;
    if (rowTop < element.scrollTop) element.scrollTop = rowTop;
    else if (rowTop + ROW_HEIGHT > element.scrollTop + element.clientHeight) element.scrollTop = rowTop + ROW_HEIGHT - element.clientHeight;
  }, [selected]);

  const first = Math.max(0, Math.floor(top / ROW_HEIGHT) - OVERSCAN);
  const last = Math.min(count, Math.ceil((top + height) / ROW_HEIGHT) + OVERSCAN);
  // Rows are keyed by their slot, not their index: a row scrolled out at one end is the element reused for the row
  // scrolled in at the other, so scrolling changes texts and one transform per row and creates no elements.
  const slots = Math.ceil(height / ROW_HEIGHT) + 2 * OVERSCAN + 1;
  const rows: ComponentChildren[] = [];
  for (let i = first; i < last; i++) {
    rows.push(
      <div key={i % slots} class="vrow" style={{ transform: `translateY(${i * ROW_HEIGHT}px)` }} data-index={i}>
        {renderRow(i)}
      </div>,
    );
  }
  return (
    <div
      ref={box}
      class={`vlist ${className ?? ''}`}
      role="grid"
      aria-label={label}
      aria-rowcount={count}
      tabIndex={0}
      onKeyDown={onKeyDown}
      onScroll={(event) => {
        const element = event.currentTarget;
        setTop(element.scrollTop);
        pinned.current = element.scrollTop + element.clientHeight >= element.scrollHeight - ROW_HEIGHT;
      }}
    >
      <div class="vlist-space" style={{ height: `${count * ROW_HEIGHT}px` }}>
        {rows}
      </div>
    </div>
  );
}

/** Up, down, page up, page down, home and end over `count` rows: the next index, or undefined for other keys. */
export function movedSelection(key: string, current: number, count: number, page = 20): number | undefined {
  const at = current < 0 ? -1 : current;
  const moves: Record<string, number> = { ArrowDown: at + 1, ArrowUp: at - 1, PageDown: at + page, PageUp: at - page, Home: 0, End: count - 1 };
  if (!(key in moves) || count === 0) return undefined;
  return Math.max(0, Math.min(count - 1, moves[key]));
}

/** Moves a list's selection by the key pressed, as movedSelection says; other keys are left alone. */
export function selectByKey(event: KeyboardEvent, current: number, count: number, select: (index: number) => void): void {
  const next = movedSelection(event.key, current, count);
  if (next === undefined) return;
  select(next);
  event.preventDefault();
}
