// The library view's state: the filters, the paged window onto the results (fetched by
// ./library-pager as the grid asks for ranges, so 100 000 items cost the same memory as 5 000), the
// open detail and the tag suggestions.
import { create } from 'zustand';
import type { GenerationRecord } from '../../shared/contract/contract';
import { studio } from '../studio';
import { DEFAULT_FILTERS, type LibraryFilters } from './library-filters';
import { createLibraryPager, type PagedView } from './library-pager';
import {
  EMPTY_LIST,
  type PagedList,
  pageOffsets,
  type RemovedAt,
  reinsertRecord,
  removeRecord,
  replaceRecord,
} from './library-pages';

interface LibraryState extends PagedView {
  /** Bumped to ask the grid to scroll to the top (after "show new"). */
  scrollTopRequest: number;
  tags: { name: string; count: number }[];
  setFilters(patch: Partial<LibraryFilters>): void;
  resetFilters(): void;
  reload(): void;
  setVisibleRange(from: number, to: number): void;
  setAtTop(atTop: boolean): void;
  showPendingNew(): void;
  refreshHeadSoon(): void;
  applyUpdate(record: GenerationRecord): void;
  select(record: GenerationRecord | null): void;
  removeLocal(id: string): RemovedAt | null;
  reinsertLocal(removed: RemovedAt): void;
  refreshTags(): Promise<void>;
}

export const useLibrary = create<LibraryState>()((set, get) => {
  const pager = createLibraryPager(get, set, () => get().reload());

  function setList(list: PagedList, extra: Partial<LibraryState> = {}): void {
    set({ list, offsets: pageOffsets(list), ...extra });
  }

  return {
    filters: DEFAULT_FILTERS,
    list: EMPTY_LIST,
    offsets: [],
    loading: false,
    error: null,
    epoch: 0,
    pendingNew: 0,
    atTop: true,
    scrollTopRequest: 0,
    selected: null,
    tags: [],

    setFilters(patch) {
      set({ filters: { ...get().filters, ...patch } });
      get().reload();
    },
    resetFilters() {
      set({ filters: { ...DEFAULT_FILTERS, projectId: get().filters.projectId } });
      get().reload();
    },
    reload() {
      setList(EMPTY_LIST, {
        epoch: get().epoch + 1,
        error: null,
        pendingNew: 0,
        scrollTopRequest: get().scrollTopRequest + 1,
      });
      pager.restart();
    },
    setVisibleRange(from, to) {
      pager.setWanted(from, to);
    },
    setAtTop(atTop) {
      if (get().atTop === atTop) return;
      set({ atTop });
      if (atTop && get().pendingNew > 0) get().showPendingNew();
    },
    showPendingNew() {
      const { list, filters } = get();
      if (filters.sort !== 'created_desc' || !list.pages[0]?.items) {
        get().reload();
        return;
      }
      set({ atTop: true, scrollTopRequest: get().scrollTopRequest + 1 });
      void pager.refreshHead();
    },
    refreshHeadSoon() {
      pager.refreshHeadSoon();
    },
    applyUpdate(record) {
      const { list, selected } = get();
      if (selected?.id === record.id) set({ selected: record });
      if (record.deletedAt !== null) {
        const { list: without, removed } = removeRecord(list, record.id);
        if (removed) setList(without);
        return;
      }
      const replaced = replaceRecord(list, record);
      if (replaced !== list) setList(replaced);
      else if (record.state === 'done') get().refreshHeadSoon();
    },
    select(record) {
      set({ selected: record });
    },
    removeLocal(id) {
      const { list: without, removed } = removeRecord(get().list, id);
      setList(without, get().selected?.id === id ? { selected: null } : {});
      return removed;
    },
    reinsertLocal(removed) {
      setList(reinsertRecord(get().list, removed));
    },
    async refreshTags() {
      try {
        set({ tags: await studio.library.listTags() });
      } catch {
        // Tag suggestions are a convenience; the filter still accepts typed tags.
      }
    },
  };
});

/**
 * Fetches the library's first page before the view opens (with the start-up requests), so opening
 * the Library paints cards instead of waiting for a query. The events keep it current
 * from then on, as they do while the view is open; the view does not fetch it again.
 */
export function prefetchLibrary(): void {
  const { list, loading, reload } = useLibrary.getState();
  if (!list.started && !loading) reload();
}
