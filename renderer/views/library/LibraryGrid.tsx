// The virtualized grid: a row virtualizer over rows of N cards, N from the width. Only rows near
// the viewport exist in the DOM; the store fetches the pages those rows need. The scroll offset
// outlives the view (switching to Generate and back lands where you were), and store updates never
// touch it.
import { useVirtualizer } from '@tanstack/react-virtual';
import {
  type KeyboardEvent,
  type RefObject,
  useCallback,
  useDeferredValue,
  useEffect,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
} from 'react';
import type { GenerationRecord } from '../../../shared/contract/contract';
import { Icon } from '../../components/Icon';
import { useTranslation } from '../../i18n/use-translation';
import { formatNumber } from '../../lib/format';
import { useApp } from '../../state/app';
import { columnsFor, useDensity } from '../../state/density';
import { useLibrary } from '../../state/library';
import { itemAt, slotCount } from '../../state/library-pages';
import { type ClickModifiers, useSelection } from '../../state/selection';
import { GridRows } from './GridRows';
import { useFling } from './use-fling';

const GAP = 16;
const PAD = 20;
const META_HEIGHT = 58;

/** Where the grid was scrolled, for the query it was showing (a new query starts at the top). */
const saved = { offset: 0, request: 0 };

function useWidth(ref: RefObject<HTMLElement | null>): number {
  const [width, setWidth] = useState(0);
  useLayoutEffect(() => {
    const element = ref.current;
    if (!element) return;
    setWidth(element.clientWidth);
    const observer = new ResizeObserver(([entry]) => {
      // A hidden grid reports 0: keep the last real width so the layout does not collapse.
      const next = entry?.contentRect.width ?? 0;
      if (next > 0) setWidth(next);
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, [ref]);
  return width;
}

export function LibraryGrid({ onOpen }: { onOpen(record: GenerationRecord): void }) {
  const { t } = useTranslation();
  const parentRef = useRef<HTMLElement>(null);
  const width = useWidth(parentRef);
  const list = useLibrary((state) => state.list);
  const offsets = useLibrary((state) => state.offsets);
  const selectedId = useLibrary((state) => state.selected?.id);
  const scrollTopRequest = useLibrary((state) => state.scrollTopRequest);
  const pendingNew = useLibrary((state) => state.pendingNew);
  const { setVisibleRange, setAtTop, showPendingNew } = useLibrary.getState();
  const picked = useSelection((state) => state.selected);
  const pickedUnloaded = useSelection((state) => state.unloaded);
  const pickedCount = picked.size + pickedUnloaded.size;
  // Select-all keeps ids of matches never loaded apart; a card is picked by either.
  const pickedAll = useMemo(
    () => ({ size: pickedCount, has: (id: string) => picked.has(id) || pickedUnloaded.has(id) }),
    [picked, pickedUnloaded, pickedCount],
  );
  const cardSize = useDensity((state) => state.cardSize);
  const mediaBase = useApp((state) => state.info?.mediaBaseUrl);
  const host = useApp((state) => state.info?.host);

  const inner = Math.max(0, width - PAD * 2);
  const columns = columnsFor(inner, cardSize, GAP);
  const cardWidth = (inner - GAP * (columns - 1)) / columns;
  const rowHeight = Math.round((cardWidth * 9) / 16 + META_HEIGHT + GAP);
  const slots = slotCount(list);
  const rows = Math.ceil(slots / columns);

  // No rows until the width is known: one column of 100 000 rows would be measured for nothing.
  const count = width > 0 ? rows : 0;
  const virtualizer = useVirtualizer({
    count,
    getScrollElement: () => parentRef.current,
    estimateSize: () => rowHeight,
    overscan: 2,
    initialOffset: saved.request === scrollTopRequest ? saved.offset : 0,
    paddingStart: PAD,
    paddingEnd: PAD,
    // The rows render deferred (GridRows): no synchronous React render inside the scroll event.
    useFlushSync: false,
  });

  // A new row height re-measures every row (100 000 items are 20 000 rows: ~10 ms), but only when
  // the row count stayed: when it changed (the width arriving, a new column count, new items) the
  // virtualizer has just measured every row at the current height itself.
  const measuredCount = useRef(count);
  // biome-ignore lint/correctness/useExhaustiveDependencies: row height feeds estimateSize
  useEffect(() => {
    if (count === measuredCount.current) virtualizer.measure();
    measuredCount.current = count;
  }, [rowHeight, columns, count]);

  const virtualRows = virtualizer.getVirtualItems();
  // While the user scrolls, the scroll position and the fetches follow the range at once and the
  // cards follow when React has a moment (see GridRows); the list defers with the rows, so a page
  // never meets a stale range. At rest (the first page, a filter change) the cards render at once:
  // sliced rendering would only make the first grid later.
  const scrolling = virtualizer.isScrolling;
  // A fling shows placeholders at once (they follow the scroll exactly and cost one node each);
  // the cards that replace them when it settles render deferred, in slices React can interrupt.
  const flinging = useFling(parentRef);
  const placeholders = useDeferredValue(flinging) || flinging;
  const deferredRows = useDeferredValue(virtualRows);
  const deferredList = useDeferredValue(list);
  const deferredOffsets = useDeferredValue(offsets);
  const firstRow = virtualRows[0]?.index ?? 0;
  const lastRow = virtualRows.at(-1)?.index ?? 0;
  useEffect(() => {
    if (width > 0) setVisibleRange(firstRow * columns, (lastRow + 1) * columns);
  }, [firstRow, lastRow, columns, width, setVisibleRange]);

  useEffect(() => {
    if (saved.request !== scrollTopRequest) {
      saved.request = scrollTopRequest;
      saved.offset = 0;
      virtualizer.scrollToOffset(0);
    }
  }, [scrollTopRequest, virtualizer]);

  const onScroll = useCallback(() => {
    const offset = parentRef.current?.scrollTop ?? 0;
    saved.offset = offset;
    setAtTop(offset < rowHeight / 2);
  }, [rowHeight, setAtTop]);

  // Stable for the memoised cards: reads the list when clicked, not when rendered.
  const onCardClick = useCallback(
    (record: GenerationRecord, index: number, mods: ClickModifiers) => {
      const { list: current, offsets: at } = useLibrary.getState();
      useSelection.getState().click(record, index, mods, (i) => itemAt(current, at, i));
      if (!mods.shift && !mods.toggle) onOpen(record);
    },
    [onOpen],
  );

  function onKeyDown(event: KeyboardEvent<HTMLElement>): void {
    const target = event.target as HTMLElement;
    const index = Number(target.dataset.index);
    if (!Number.isInteger(index)) return;
    // Ctrl/Cmd+Space or Shift+Space on a card picks it the way a modified click does.
    const toggle = event.ctrlKey || event.metaKey;
    if (event.key === ' ' && (toggle || event.shiftKey)) {
      const record = itemAt(list, offsets, index);
      event.preventDefault();
      if (record) onCardClick(record, index, { shift: event.shiftKey, toggle });
      return;
    }
    const step: Record<string, number> = {
      ArrowRight: 1,
      ArrowLeft: -1,
      ArrowDown: columns,
      ArrowUp: -columns,
    };
    const delta = step[event.key];
    if (delta === undefined) return;
    event.preventDefault();
    const next = Math.min(Math.max(0, index + delta), slots - 1);
    virtualizer.scrollToIndex(Math.floor(next / columns), { align: 'auto' });
    focusWhenRendered(parentRef.current, next);
  }

  return (
    <div className="grid-wrap">
      {pendingNew > 0 ? (
        <button type="button" className="new-pill" onClick={showPendingNew}>
          <Icon name="sparkles" size={14} />
          {t('library.newItems', { count: pendingNew })}
        </button>
      ) : null}
      <section
        ref={parentRef}
        className="grid-scroll"
        onScroll={onScroll}
        onKeyDown={onKeyDown}
        aria-label={t('library.gridLabel', { count: slots, total: formatNumber(slots) })}
        data-testid="library-grid"
      >
        <div className="grid-space" style={{ height: virtualizer.getTotalSize() }}>
          <GridRows
            rows={scrolling && !placeholders ? deferredRows : virtualRows}
            placeholders={placeholders}
            list={scrolling ? deferredList : list}
            offsets={scrolling ? deferredOffsets : offsets}
            columns={columns}
            rowHeight={rowHeight}
            gap={GAP}
            pad={PAD}
            slots={slots}
            selectedId={selectedId}
            picked={pickedAll}
            mediaBase={mediaBase}
            host={host}
            onCardClick={onCardClick}
          />
        </div>
      </section>
    </div>
  );
}

/** Focuses a card once its (deferred) row has rendered: a few frames at most, then gives up. */
function focusWhenRendered(grid: HTMLElement | null, index: number, framesLeft = 10): void {
  requestAnimationFrame(() => {
    const card = grid?.querySelector<HTMLElement>(`[data-index="${index}"]`);
    if (card) card.focus({ preventScroll: true });
    else if (framesLeft > 0) focusWhenRendered(grid, index, framesLeft - 1);
  });
}
