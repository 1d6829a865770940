// The library grid's window onto a possibly huge result set, as plain data and pure functions.
// Pages arrive in keyset order; each remembers the cursor that fetched it, so a page that was
// dropped to bound memory (items = null) can be fetched again when it scrolls back into view.
import type { GenerationRecord } from '../../shared/contract/contract';

export interface Page {
  /** The cursor this page was fetched with (null: the first page). */
  cursor: string | null;
  /** Null when evicted; `size` still holds its place in the list. */
  items: GenerationRecord[] | null;
  size: number;
}

export interface PagedList {
  pages: Page[];
  /** Cursor for the page after the last one; null when the server said there is no more. */
  nextCursor: string | null;
  /** True once the first page has arrived (before that nextCursor is meaningless). */
  started: boolean;
  total: number;
  /** `total` is a lower bound: the core stops counting past its cap ("10 000+"). */
  totalCapped: boolean;
}

export const EMPTY_LIST: PagedList = {
  pages: [],
  nextCursor: null,
  started: false,
  total: 0,
  totalCapped: false,
};

export function loadedCount(list: PagedList): number {
  let count = 0;
  for (const page of list.pages) count += page.size;
  return count;
}

export function isExhausted(list: PagedList): boolean {
  return list.started && list.nextCursor === null;
}

/** How many slots the grid should draw: every match the server counted, loaded or not. */
export function slotCount(list: PagedList): number {
  const loaded = loadedCount(list);
  return isExhausted(list) ? loaded : Math.max(loaded, list.total);
}

/** Start offset of every page, for index lookups. */
export function pageOffsets(list: PagedList): number[] {
  const offsets: number[] = [];
  let offset = 0;
  for (const page of list.pages) {
    offsets.push(offset);
    offset += page.size;
  }
  return offsets;
}

/** The record at a grid slot, or undefined when that part of the list is not loaded (a skeleton). */
export function itemAt(list: PagedList, offsets: number[], index: number): GenerationRecord | undefined {
  let low = 0;
  let high = offsets.length - 1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    const start = offsets[mid] ?? 0;
    const page = list.pages[mid];
    if (!page) return undefined;
    if (index < start) high = mid - 1;
    else if (index >= start + page.size) low = mid + 1;
    else return page.items?.[index - start];
  }
  return undefined;
}

export function appendPage(
  list: PagedList,
  cursor: string | null,
  items: GenerationRecord[],
  nextCursor: string | null,
  total: number,
  totalCapped = false,
): PagedList {
  return withPage(list, { cursor, items, size: items.length }, nextCursor, total, totalCapped);
}

/**
 * A page passed over far above the view (library.skip): it holds its place like an evicted page,
 * and is fetched by its cursor if it ever scrolls into view.
 */
export function appendSkipped(
  list: PagedList,
  cursor: string | null,
  size: number,
  nextCursor: string | null,
  total: number,
  totalCapped = false,
): PagedList {
  return withPage(list, { cursor, items: null, size }, nextCursor, total, totalCapped);
}

function withPage(
  list: PagedList,
  page: Page,
  nextCursor: string | null,
  total: number,
  totalCapped: boolean,
): PagedList {
  return { pages: [...list.pages, page], nextCursor, started: true, total, totalCapped };
}

export function refillPage(list: PagedList, pageIndex: number, items: GenerationRecord[]): PagedList {
  return {
    ...list,
    pages: list.pages.map((page, i) => (i === pageIndex ? { ...page, items, size: items.length } : page)),
  };
}

/** Drops items of pages entirely outside [keepFrom, keepTo) to bound memory on huge libraries. */
export function evictOutside(list: PagedList, keepFrom: number, keepTo: number): PagedList {
  const offsets = pageOffsets(list);
  let changed = false;
  const pages = list.pages.map((page, i) => {
    const start = offsets[i] ?? 0;
    const end = start + page.size;
    if (page.items && (end <= keepFrom || start >= keepTo)) {
      changed = true;
      return { ...page, items: null };
    }
    return page;
  });
  return changed ? { ...list, pages } : list;
}

/** First evicted page overlapping [from, to), to fetch again; -1 when none. */
export function evictedPageIn(list: PagedList, from: number, to: number): number {
  const offsets = pageOffsets(list);
  return list.pages.findIndex((page, i) => {
    const start = offsets[i] ?? 0;
    return page.items === null && start < to && start + page.size > from;
  });
}

export function replaceRecord(list: PagedList, record: GenerationRecord): PagedList {
  let changed = false;
  const pages = list.pages.map((page) => {
    if (!page.items) return page;
    const index = page.items.findIndex((item) => item.id === record.id);
    if (index < 0) return page;
    changed = true;
    return { ...page, items: page.items.map((item, i) => (i === index ? record : item)) };
  });
  return changed ? { ...list, pages } : list;
}

export interface RemovedAt {
  record: GenerationRecord;
  pageIndex: number;
  offset: number;
}

export function removeRecord(list: PagedList, id: string): { list: PagedList; removed: RemovedAt | null } {
  for (const [pageIndex, page] of list.pages.entries()) {
    const offset = page.items?.findIndex((item) => item.id === id) ?? -1;
    const record = offset >= 0 ? page.items?.[offset] : undefined;
    if (!page.items || !record) continue;
    const items = page.items.filter((_, i) => i !== offset);
    const pages = list.pages.map((p, i) => (i === pageIndex ? { ...p, items, size: items.length } : p));
    return {
      list: { ...list, pages, total: Math.max(0, list.total - 1) },
      removed: { record, pageIndex, offset },
    };
  }
  return { list, removed: null };
}

/** Puts a record back where it was (Undo after delete), if that page is still in memory. */
export function reinsertRecord(list: PagedList, removed: RemovedAt): PagedList {
  const page = list.pages[removed.pageIndex];
  if (!page?.items || page.items.some((item) => item.id === removed.record.id)) return list;
  const items = [...page.items];
  items.splice(Math.min(removed.offset, items.length), 0, removed.record);
  const pages = list.pages.map((p, i) => (i === removed.pageIndex ? { ...p, items, size: items.length } : p));
  return { ...list, pages, total: list.total + 1 };
}

/**
 * Merges a fresh first page into the list: records newer than our first one go on top. Returns
 * null when the fresh page does not reach our first record (too many new items: reload instead).
 */
export function mergeHead(
  list: PagedList,
  fresh: GenerationRecord[],
  total: number,
  totalCapped = false,
): PagedList | null {
  const first = list.pages[0];
  if (!first?.items) return null;
  const firstId = first.items[0]?.id;
  if (firstId === undefined) return fresh.length === 0 ? { ...list, total, totalCapped } : null;
  const known = fresh.findIndex((item) => item.id === firstId);
  if (known < 0) return null;
  const newer = fresh
    .slice(0, known)
    .filter((item) => !first.items?.some((existing) => existing.id === item.id));
  if (newer.length === 0) return { ...list, total, totalCapped };
  const items = [...newer, ...first.items];
  return {
    ...list,
    pages: list.pages.map((page, i) => (i === 0 ? { ...page, items, size: items.length } : page)),
    total,
    totalCapped,
  };
}

/** Records on top of `fresh` that the list does not have yet (how many "new" to announce). */
export function countNewerThanHead(list: PagedList, fresh: GenerationRecord[]): number {
  const firstId = list.pages[0]?.items?.[0]?.id;
  if (firstId === undefined) return fresh.length;
  const known = fresh.findIndex((item) => item.id === firstId);
  return known < 0 ? fresh.length : known;
}
