// The running jobs. A long queue (200 jobs is normal for a batch) is virtual: only the rows near
// the viewport exist, so a burst of updates, the per-second clocks and the pulsing state dots cost
// what a screenful costs. A short one is a plain list, every row in the page.
import { useVirtualizer } from '@tanstack/react-virtual';
import { useLayoutEffect, useRef, useState } from 'react';
import type { GenerationRecord } from '../../../shared/contract/contract';
import { QueueItem } from './QueueItem';

/** Longer lists than this render only what is near the viewport. */
export const VIRTUAL_FROM = 40;
const ESTIMATED_ROW = 132;
const GAP = 8;

export function ActiveList({ active }: { active: GenerationRecord[] }) {
  if (active.length <= VIRTUAL_FROM)
    return (
      <ul className="queue-list" data-testid="queue-active">
        {active.map((record) => (
          <QueueItem key={record.id} record={record} />
        ))}
      </ul>
    );
  return <VirtualList active={active} />;
}

function VirtualList({ active }: { active: GenerationRecord[] }) {
  const list = useRef<HTMLUListElement>(null);
  // The view scrolls (main.view), not the list; the list starts below the section's heading.
  const [scroller, setScroller] = useState<HTMLElement | null>(null);
  const [listTop, setListTop] = useState(0);
  useLayoutEffect(() => {
    const element = list.current;
    const view = element?.closest<HTMLElement>('.view') ?? null;
    setScroller(view);
    if (element && view)
      setListTop(element.getBoundingClientRect().top - view.getBoundingClientRect().top + view.scrollTop);
  }, []);
  const virtualizer = useVirtualizer({
    count: active.length,
    getScrollElement: () => scroller,
    estimateSize: () => ESTIMATED_ROW,
    getItemKey: (index) => active[index]?.id ?? index,
    overscan: 4,
    gap: GAP,
    scrollMargin: listTop,
    useFlushSync: false,
  });
  return (
    <ul
      ref={list}
      className="queue-list is-virtual"
      data-testid="queue-active"
      style={{ height: virtualizer.getTotalSize() }}
    >
      {virtualizer.getVirtualItems().map((row) => {
        const record = active[row.index];
        return record ? (
          <QueueItem
            key={record.id}
            record={record}
            index={row.index}
            top={row.start - listTop}
            measure={virtualizer.measureElement}
          />
        ) : null;
      })}
    </ul>
  );
}
