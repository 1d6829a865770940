// The library view's state: filters, the paged window onto the results, and the open detail.
// Pages are fetched as the grid asks for ranges (never everything); far-away pages are dropped and
// fetched again by their cursor, so 100 000 items cost the same memory as 5 000.
import { create } from 'zustand';
import type { ContractError, GenerationRecord, LibraryQuery } from '../../shared/contract/contract';
import type { AspectRatio, Duration, Resolution } from '../../shared/domain/params';
import type { SortKey } from '../../shared/domain/records';
import type { GenerationState } from '../../shared/domain/states';
import { asContractError } from '../lib/errors';
import { studio } from '../studio';
import {
  appendPage,
  countNewerThanHead,
  EMPTY_LIST,
  evictedPageIn,
  evictOutside,
  loadedCount,
  mergeHead,
  type PagedList,
  pageOffsets,
  type RemovedAt,
  refillPage,
  reinsertRecord,
  removeRecord,
  replaceRecord,
} from './library-pages';

export interface LibraryFilters {
  text: string;
  /** undefined: every project; null: generations outside any project. */
  projectId: string | null | undefined;
  state: GenerationState | 'any';
  resolution: Resolution | undefined;
  duration: Duration | undefined;
  aspectRatio: AspectRatio | undefined;
  favouriteOnly: boolean;
  tag: string | undefined;
  createdFrom: number | undefined;
  createdTo: number | undefined;
  sort: SortKey;
}

export const DEFAULT_FILTERS: LibraryFilters = {
  text: '',
  projectId: undefined,
  state: 'done',
  resolution: undefined,
  duration: undefined,
  aspectRatio: undefined,
  favouriteOnly: false,
  tag: undefined,
  createdFrom: undefined,
  createdTo: undefined,
  sort: 'created_desc',
};

const PAGE_SIZE = 120;
const DEEP_PAGE_SIZE = 500;
/** Keep this many items around the viewport in memory; drop the rest once we hold more than the cap. */
const KEEP_MARGIN = 2_000;
const MEMORY_CAP = 5_000;
const HEAD_SIZE = 60;

export function toQuery(filters: LibraryFilters): LibraryQuery {
  const query: LibraryQuery = { sort: filters.sort };
  const text = filters.text.trim();
  if (text) query.text = text;
  if (filters.projectId !== undefined) query.projectId = filters.projectId;
  if (filters.state !== 'any') query.states = [filters.state];
  if (filters.resolution) query.resolution = filters.resolution;
  if (filters.duration) query.duration = filters.duration;
  if (filters.aspectRatio) query.aspectRatio = filters.aspectRatio;
  if (filters.favouriteOnly) query.favourite = true;
  if (filters.tag) query.tag = filters.tag;
  if (filters.createdFrom !== undefined) query.createdFrom = filters.createdFrom;
  if (filters.createdTo !== undefined) query.createdTo = filters.createdTo;
  return query;
}

interface LibraryState {
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
  /** Bumped to ask the grid to scroll to the top (after "show new"). */
  scrollTopRequest: number;
  selected: GenerationRecord | null;
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

let wanted = { from: 0, to: PAGE_SIZE };
/** The epoch whose fetch is in flight; a reload starts a new epoch and may fetch at once. */
let inFlight: number | null = null;
let headTimer: ReturnType<typeof setTimeout> | null = null;

export const useLibrary = create<LibraryState>()((set, get) => {
  function setList(list: PagedList, extra: Partial<LibraryState> = {}): void {
    set({ list, offsets: pageOffsets(list), ...extra });
  }

  /** One fetch at a time: refill an evicted page in view, or append the next page. Repeats until the view is covered. */
  async function ensure(): Promise<void> {
    const { list, epoch, error } = get();
    if (inFlight === epoch) return;
    if (error) return;
    const refill = evictedPageIn(list, wanted.from, wanted.to);
    const loaded = loadedCount(list);
    const needMore = !list.started || (list.nextCursor !== null && loaded < wanted.to + PAGE_SIZE);
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
      } else {
        const limit = wanted.from - loaded > DEEP_PAGE_SIZE ? DEEP_PAGE_SIZE : PAGE_SIZE;
        const result = await studio.library.query({ ...query, cursor: list.nextCursor, limit });
        if (get().epoch !== epoch) return;
        let next = appendPage(get().list, list.nextCursor, result.items, result.nextCursor, result.total);
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
        const merged = mergeHead(current, result.items, result.total);
        if (merged) setList(merged, { pendingNew: 0 });
        else get().reload();
        return;
      }
      set({ pendingNew: countNewerThanHead(current, result.items) });
    } catch {
      // A missed refresh only delays new items; the next event or scroll brings them.
    }
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
      wanted = { from: 0, to: PAGE_SIZE };
      setList(EMPTY_LIST, {
        epoch: get().epoch + 1,
        error: null,
        pendingNew: 0,
        scrollTopRequest: get().scrollTopRequest + 1,
      });
      void ensure();
    },
    setVisibleRange(from, to) {
      wanted = { from, to };
      void ensure();
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
      void refreshHead();
    },
    refreshHeadSoon() {
      if (headTimer) clearTimeout(headTimer);
      headTimer = setTimeout(() => {
        headTimer = null;
        void refreshHead();
      }, 400);
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
