// The paged window onto the library's results: fetches the pages the grid shows (one request at a
// time), skips pages far above the view by their size and cursor alone (library.skip), drops
// far-away pages past a memory cap and refills them (and skipped ones) by cursor, and merges new items
// at the head. Owns its bookkeeping (the wanted range, the fetch in flight, the head timer) so the
// store holds only what the view renders.
import type { ContractError, GenerationRecord } from '../../shared/contract/contract';
import { asContractError } from '../lib/errors';
import { studio } from '../studio';
import { type LibraryFilters, toQuery } from './library-filters';
import {
  appendPage,
  appendSkipped,
  countNewerThanHead,
  evictedPageIn,
  evictOutside,
  loadedCount,
  mergeHead,
  type PagedList,
  pageOffsets,
  refillPage,
} from './library-pages';

export const PAGE_SIZE = 120;
const DEEP_PAGE_SIZE = 500;
/** Keep this many items around the viewport in memory; drop the rest once we hold more than the cap. */
const KEEP_MARGIN = 2_000;
const MEMORY_CAP = 5_000;
const HEAD_SIZE = 60;
/**
 * The next page is fetched once fewer than this many loaded items lie past the view: half a page
 * (a dozen rows, a few screens) keeps a scroll ahead of the cards, and the first page alone covers
 * the first screens, so start-up does not fetch and parse a second page (200 KB at 100k items)
 * while the first grid is being drawn.
 */
const READ_AHEAD = PAGE_SIZE / 2;
const HEAD_REFRESH_DELAY_MS = 400;

/** The part of the library store the pager reads and writes. */
export interface PagedView {
  filters: LibraryFilters;
  list: PagedList;
  offsets: number[];
  loading: boolean;
  error: ContractError | null;
  /** Bumped on every reset so answers to an old query are ignored. */
  epoch: number;
  /** New matches that arrived while the user was scrolled down: announced, not inserted. */
  pendingNew: number;
  atTop: boolean;
  selected: GenerationRecord | null;
}

export interface LibraryPager {
  /** The grid shows items [from, to): fetch what is missing. */
  setWanted(from: number, to: number): void;
  /** A new query: start from the top. */
  restart(): void;
  refreshHead(): Promise<void>;
  refreshHeadSoon(): void;
}

export function createLibraryPager(
  get: () => PagedView,
  set: (patch: Partial<PagedView>) => void,
  reload: () => void,
): LibraryPager {
  /** The items the grid shows; before it reports, the first screens (within the first page). */
  let wanted = { from: 0, to: READ_AHEAD };
  /** The epoch whose fetch is in flight; a reload starts a new epoch and may fetch at once. */
  let inFlight: number | null = null;
  let headTimer: ReturnType<typeof setTimeout> | null = null;

  function setList(list: PagedList, extra: Partial<PagedView> = {}): void {
    set({ list, offsets: pageOffsets(list), ...extra });
  }

  /** One fetch at a time: refill an evicted page in view, or append the next page. Repeats until the view is covered. */
  async function ensure(): Promise<void> {
    const { list, epoch, error } = get();
    if (inFlight === epoch) return;
    if (error) return;
    const refill = evictedPageIn(list, wanted.from, wanted.to);
    const loaded = loadedCount(list);
    const needMore = !list.started || (list.nextCursor !== null && loaded < wanted.to + READ_AHEAD);
    if (refill < 0 && !needMore) return;
    inFlight = epoch;
    set({ loading: true });
    try {
      const query = toQuery(get().filters);
      if (refill >= 0) {
        const page = list.pages[refill];
        const result = await studio.library.query({
          ...query,
          cursor: page?.cursor ?? null,
          limit: page?.size || 1,
        });
        if (get().epoch !== epoch) return;
        setList(refillPage(get().list, refill, result.items));
      } else if (wanted.from - loaded > KEEP_MARGIN + DEEP_PAGE_SIZE) {
        // Far above the view, a page would be dropped as soon as it arrived: take its size and
        // the cursor after it, not its records (a fling to the middle of 100 000 items used to
        // fetch and parse every page on the way, 800 KB each).
        const result = await studio.library.skip({
          ...query,
          cursor: list.nextCursor,
          limit: DEEP_PAGE_SIZE,
        });
        if (get().epoch !== epoch) return;
        setList(
          appendSkipped(
            get().list,
            list.nextCursor,
            result.count,
            result.nextCursor,
            result.total,
            result.totalCapped === true,
          ),
        );
      } else {
        const limit = wanted.from - loaded > DEEP_PAGE_SIZE ? DEEP_PAGE_SIZE : PAGE_SIZE;
        const result = await studio.library.query({ ...query, cursor: list.nextCursor, limit });
        if (get().epoch !== epoch) return;
        let next = appendPage(
          get().list,
          list.nextCursor,
          result.items,
          result.nextCursor,
          result.total,
          result.totalCapped === true,
        );
        if (loadedCount(next) > MEMORY_CAP)
          next = evictOutside(next, wanted.from - KEEP_MARGIN, wanted.to + KEEP_MARGIN);
        setList(next);
      }
    } catch (error) {
      if (get().epoch === epoch) set({ error: asContractError(error) });
    } finally {
      if (inFlight === epoch) inFlight = null;
      if (get().epoch === epoch) set({ loading: false });
    }
    void ensure();
  }

  async function refreshHead(): Promise<void> {
    const { list, epoch, filters, atTop } = get();
    if (!list.started) return;
    try {
      const result = await studio.library.query({ ...toQuery(filters), cursor: null, limit: HEAD_SIZE });
      if (get().epoch !== epoch) return;
      const current = get().list;
      if (filters.sort !== 'created_desc') {
        // New items sort to the end or by rating: say how many arrived; "show" reloads.
        const added = result.total - current.total;
        if (added > 0) set({ pendingNew: get().pendingNew + added });
        return;
      }
      if (atTop) {
        const merged = mergeHead(current, result.items, result.total, result.totalCapped === true);
        if (merged) setList(merged, { pendingNew: 0 });
        else reload();
        return;
      }
      set({ pendingNew: countNewerThanHead(current, result.items) });
    } catch {
      // A missed refresh only delays new items; the next event or scroll brings them.
    }
  }

  return {
    setWanted(from, to) {
      wanted = { from, to };
      void ensure();
    },
    restart() {
      wanted = { from: 0, to: READ_AHEAD };
      void ensure();
    },
    refreshHead,
    refreshHeadSoon() {
      if (headTimer) clearTimeout(headTimer);
      headTimer = setTimeout(() => {
        headTimer = null;
        void refreshHead();
      }, HEAD_REFRESH_DELAY_MS);
    },
  };
}
