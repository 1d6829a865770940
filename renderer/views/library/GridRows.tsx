// The grid's visible rows of cards. While the grid scrolls, LibraryGrid hands them deferred values
// (useDeferredValue): a fling changes the range on every scroll event, and rendering fifty new
// cards inside that event was a long task each time. Deferred, React renders the new rows in
// slices it can interrupt, and a render for a range already scrolled past is dropped. During a
// fling (use-fling.ts) every slot is a one-node placeholder.

import type { VirtualItem } from '@tanstack/react-virtual';
import { memo } from 'react';
import type { AppInfo, GenerationRecord } from '../../../shared/contract/contract';
import { itemAt, type PagedList } from '../../state/library-pages';
import type { ClickModifiers } from '../../state/selection';
import { LibraryCard, SkeletonCard } from './LibraryCard';

export interface GridRowsProps {
  rows: VirtualItem[];
  /** Placeholders in every slot (the grid is being flung). */
  placeholders: boolean;
  list: PagedList;
  offsets: number[];
  columns: number;
  rowHeight: number;
  gap: number;
  pad: number;
  slots: number;
  selectedId: string | undefined;
  /** The multi-selection (ids). */
  picked: { readonly size: number; has(id: string): boolean };
  mediaBase: string | undefined;
  host: AppInfo['host'] | undefined;
  onCardClick(record: GenerationRecord, index: number, mods: ClickModifiers): void;
}

export const GridRows = memo(function GridRows({
  rows,
  placeholders,
  list,
  offsets,
  columns,
  rowHeight,
  gap,
  pad,
  slots,
  selectedId,
  picked,
  mediaBase,
  host,
  onCardClick,
}: GridRowsProps) {
  return rows.map((row) => (
    <div
      key={row.key}
      className="grid-row"
      style={{
        transform: `translateY(${row.start}px)`,
        height: rowHeight - gap,
        gridTemplateColumns: `repeat(${columns}, minmax(0, 1fr))`,
        left: pad,
        right: pad,
      }}
    >
      {Array.from({ length: columns }, (_, column) => {
        const index = row.index * columns + column;
        if (index >= slots) return <div key={`filler-${index}`} />;
        const record = placeholders ? undefined : itemAt(list, offsets, index);
        return record ? (
          <LibraryCard
            key={record.id}
            record={record}
            index={index}
            mediaBase={mediaBase}
            host={host}
            selected={record.id === selectedId}
            picked={picked.size > 1 && picked.has(record.id)}
            onClick={onCardClick}
          />
        ) : (
          <SkeletonCard key={`skeleton-${index}`} />
        );
      })}
    </div>
  ));
});
