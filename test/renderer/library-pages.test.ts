// The library grid's paged window: lookups across pages, eviction and refill by cursor, delete
// with undo in place, and new items merged on top without disturbing what is loaded.
import { describe, expect, it } from 'vitest';
import {
  appendPage,
  appendSkipped,
  countNewerThanHead,
  EMPTY_LIST,
  evictedPageIn,
  evictOutside,
  isExhausted,
  itemAt,
  loadedCount,
  mergeHead,
  type PagedList,
  pageOffsets,
  refillPage,
  reinsertRecord,
  removeRecord,
  replaceRecord,
  slotCount,
} from '../../renderer/state/library-pages';
import type { GenerationRecord } from '../../shared/contract/contract';

function record(n: number): GenerationRecord {
  return { id: `g${n}`, rating: 0 } as GenerationRecord;
}

function range(from: number, to: number): GenerationRecord[] {
  return Array.from({ length: to - from }, (_, i) => record(from + i));
}

/** 3 pages of 10 from a 100-item result. */
function threePages(): PagedList {
  let list = appendPage(EMPTY_LIST, null, range(0, 10), 'c1', 100);
  list = appendPage(list, 'c1', range(10, 20), 'c2', 100);
  return appendPage(list, 'c2', range(20, 30), 'c3', 100);
}

describe('library pages', () => {
  it('finds any loaded slot and reports unloaded ones as skeletons', () => {
    const list = threePages();
    const offsets = pageOffsets(list);
    expect(itemAt(list, offsets, 0)?.id).toBe('g0');
    expect(itemAt(list, offsets, 15)?.id).toBe('g15');
    expect(itemAt(list, offsets, 29)?.id).toBe('g29');
    expect(itemAt(list, offsets, 30)).toBeUndefined();
    expect(loadedCount(list)).toBe(30);
    // Draw every match the server counted, not only what is loaded.
    expect(slotCount(list)).toBe(100);
    expect(isExhausted(list)).toBe(false);
  });

  it('keeps saying when the total is only a lower bound (the core stopped counting at its cap)', () => {
    const capped = appendPage(EMPTY_LIST, null, range(0, 10), 'c1', 10_000, true);
    expect(capped.totalCapped).toBe(true);
    expect(slotCount(capped)).toBe(10_000);
    const fresh = [...range(100, 102), ...range(0, 10)];
    expect(mergeHead(capped, fresh, 10_000, true)?.totalCapped).toBe(true);
    // Once the filter narrows below the cap the count is exact again.
    expect(mergeHead(capped, fresh, 9_000)?.totalCapped).toBe(false);
    expect(appendPage(EMPTY_LIST, null, range(0, 10), null, 10).totalCapped).toBe(false);
  });

  it('trusts what it loaded once the server says there is no more', () => {
    const list = appendPage(EMPTY_LIST, null, range(0, 7), null, 9);
    expect(isExhausted(list)).toBe(true);
    expect(slotCount(list)).toBe(7);
  });

  it('evicts far pages but keeps their place, then refills them by cursor', () => {
    const evicted = evictOutside(threePages(), 10, 20);
    expect(evicted.pages.map((page) => page.items === null)).toEqual([true, false, true]);
    expect(loadedCount(evicted)).toBe(30);
    expect(itemAt(evicted, pageOffsets(evicted), 5)).toBeUndefined();
    expect(itemAt(evicted, pageOffsets(evicted), 12)?.id).toBe('g12');

    const index = evictedPageIn(evicted, 22, 25);
    expect(index).toBe(2);
    expect(evicted.pages[index]?.cursor).toBe('c2');
    const refilled = refillPage(evicted, index, range(20, 30));
    expect(itemAt(refilled, pageOffsets(refilled), 22)?.id).toBe('g22');
    expect(evictedPageIn(refilled, 22, 25)).toBe(-1);
  });

  it('holds the place of a skipped page and refills it by its cursor when it comes into view', () => {
    let list = appendPage(EMPTY_LIST, null, range(0, 100), 'c1', 10_000);
    list = appendSkipped(list, 'c1', 500, 'c2', 10_000);
    list = appendPage(list, 'c2', range(600, 700), 'c3', 10_000);
    expect(loadedCount(list)).toBe(700);
    expect(itemAt(list, pageOffsets(list), 650)?.id).toBe('g650');
    expect(itemAt(list, pageOffsets(list), 300)).toBeUndefined();
    expect(evictedPageIn(list, 0, 100)).toBe(-1);
    expect(evictedPageIn(list, 550, 650)).toBe(1);
    expect(list.pages[1]?.cursor).toBe('c1');
    list = refillPage(list, 1, range(100, 600));
    expect(itemAt(list, pageOffsets(list), 300)?.id).toBe('g300');
    expect(evictedPageIn(list, 0, 700)).toBe(-1);
  });

  it('replaces an updated record in place', () => {
    const list = threePages();
    const updated = { ...record(14), rating: 5 };
    const next = replaceRecord(list, updated);
    expect(itemAt(next, pageOffsets(next), 14)?.rating).toBe(5);
    expect(replaceRecord(list, record(999))).toBe(list);
  });

  it('removes a record and puts it back where it was (undo)', () => {
    const { list, removed } = removeRecord(threePages(), 'g13');
    expect(removed).not.toBeNull();
    expect(list.total).toBe(99);
    expect(itemAt(list, pageOffsets(list), 13)?.id).toBe('g14');
    if (!removed) return;
    const restored = reinsertRecord(list, removed);
    expect(restored.total).toBe(100);
    expect(itemAt(restored, pageOffsets(restored), 13)?.id).toBe('g13');
    // Undo twice is harmless.
    expect(reinsertRecord(restored, removed)).toBe(restored);
  });

  it('merges newer records on top of the first page', () => {
    const list = threePages();
    const fresh = [record(-2), record(-1), ...range(0, 8)];
    expect(countNewerThanHead(list, fresh)).toBe(2);
    const merged = mergeHead(list, fresh, 102);
    expect(merged?.total).toBe(102);
    expect(merged?.pages[0]?.size).toBe(12);
    expect(merged && itemAt(merged, pageOffsets(merged), 0)?.id).toBe('g-2');
    expect(merged && itemAt(merged, pageOffsets(merged), 12)?.id).toBe('g10');
    // The next page's cursor is untouched: it still continues after g9.
    expect(merged?.pages[1]?.cursor).toBe('c1');
  });

  it('asks for a reload when the fresh head does not reach what we have', () => {
    const list = threePages();
    expect(mergeHead(list, range(100, 110), 120)).toBeNull();
  });
});
