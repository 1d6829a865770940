// The query planner takes different ways (walk the sort index, or drive from the FTS matches or a
// tag's rows) depending on how many rows a source yields. Whatever the way, the answer must be the
// same: here every query is checked against an oracle computed in plain JS (and plain FTS for text)
// on a synthetic library large enough for both ways to occur.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createdInSeqOrder } from '../../../main/core/library/created-order';
import { PAGE_DRIVE_LIMIT } from '../../../main/core/library/filters';
import { ftsMatchExpression } from '../../../main/core/library/fts';
import { libraryContext } from '../../../main/core/library/library';
import { JOINED_TOTAL_CAP, queryGenerations } from '../../../main/core/library/query';
import type { GenerationRecord, LibraryPage, LibraryQuery, SortKey } from '../../../main/core/library/types';
import { seedSyntheticLibrary } from '../../helpers/synthetic-library';
import { type TestLibrary, tempLibrary } from './library-fixture';

const ROWS = 3_000;
let lib: TestLibrary;
let all: GenerationRecord[];
let projectIds: string[];

/** Every page of `query`; with `totalCap`, through the query function with that cap. */
function everyPage(
  query: LibraryQuery,
  limit: number,
  totalCap?: number,
): { ids: string[]; total: number; capped: boolean } {
  const ids: string[] = [];
  let cursor: string | null = null;
  let total = -1;
  let capped = false;
  do {
    const page: LibraryPage =
      totalCap === undefined
        ? lib.store.query({ ...query, limit, cursor })
        : queryGenerations(libraryContext(lib.store), { ...query, limit, cursor }, totalCap);
    if (total === -1) {
      total = page.total;
      capped = page.totalCapped === true;
    }
    expect(page.total).toBe(total);
    expect(page.totalCapped === true).toBe(capped);
    ids.push(...page.items.map((record) => record.id));
    cursor = page.nextCursor;
  } while (cursor !== null);
  return { ids, total, capped };
}

function ftsIds(text: string): Set<string> {
  const match = ftsMatchExpression(text);
  const { db } = libraryContext(lib.store);
  const rows = db
    .prepare(
      'SELECT g.id FROM generations_fts f JOIN generations g ON g.seq = f.rowid WHERE generations_fts MATCH ?',
    )
    .pluck()
    .all(match) as string[];
  return new Set(rows);
}

const ORDER: Record<SortKey, (a: GenerationRecord, b: GenerationRecord) => number> = {
  created_desc: (a, b) => b.createdAt - a.createdAt || (a.id < b.id ? 1 : -1),
  created_asc: (a, b) => a.createdAt - b.createdAt || (a.id < b.id ? -1 : 1),
  rating_desc: (a, b) => b.rating - a.rating || b.createdAt - a.createdAt || (a.id < b.id ? 1 : -1),
};

function oracle(query: LibraryQuery): string[] {
  const text = query.text ? ftsIds(query.text) : null;
  return all
    .filter(
      (r) =>
        (query.projectId === undefined || r.projectId === query.projectId) &&
        (!query.states?.length || query.states.includes(r.state)) &&
        (query.resolution === undefined || r.params.resolution === query.resolution) &&
        (query.duration === undefined || r.params.duration === query.duration) &&
        (query.mode === undefined || r.params.mode === query.mode) &&
        (query.favourite === undefined || r.favourite === query.favourite) &&
        (query.tag === undefined || r.tags.includes(query.tag)) &&
        (query.createdFrom === undefined || r.createdAt >= query.createdFrom) &&
        (text === null || text.has(r.id)),
    )
    .sort(ORDER[query.sort ?? 'created_desc'])
    .map((r) => r.id);
}

beforeAll(() => {
  lib = tempLibrary();
  projectIds = seedSyntheticLibrary(lib.store, ROWS, { seed: 7, endAt: lib.clock.now() }).projectIds;
  // A tag on more rows than the drive limit, so tag filters are walked as well as driven.
  const ids = everyPage({ sort: 'created_asc' }, 500).ids;
  libraryContext(lib.store).db.transaction(() => {
    for (const id of ids.filter((_, index) => index % 2 === 0)) {
      lib.store.setTags(id, [...(lib.store.getGeneration(id)?.tags ?? []), 'bulk']);
    }
  })();
  all = ids.map((id) => {
    const record = lib.store.getGeneration(id);
    if (!record) throw new Error(`missing ${id}`);
    return record;
  });
});
afterAll(() => lib.cleanup());

describe('query results do not depend on the way the planner takes', () => {
  it('has sources on both sides of the drive limit', () => {
    expect(all).toHaveLength(ROWS);
    expect(ftsIds('shot').size).toBeGreaterThan(PAGE_DRIVE_LIMIT);
    expect(ftsIds('drone').size).toBeLessThan(PAGE_DRIVE_LIMIT);
    expect(ftsIds('zzzz').size).toBe(0);
    expect(all.filter((record) => record.tags.includes('bulk')).length).toBeGreaterThan(PAGE_DRIVE_LIMIT);
  });

  const queries: LibraryQuery[] = [
    {},
    { text: 'shot' },
    { text: 'drone' },
    { text: 'zzzz' },
    { text: 'fox gold' },
    { text: 'shot', resolution: '1080p' },
    { text: 'drone', favourite: true },
    { tag: 'retro' },
    { tag: 'retro', text: 'shot' },
    { tag: 'retro', text: 'drone', duration: 10 },
    { tag: 'bulk' },
    { tag: 'bulk', text: 'shot' },
    { tag: 'bulk', text: 'drone', resolution: '720p' },
    { resolution: '720p', duration: 5, mode: 'text-to-video' },
    { favourite: true },
    { favourite: false, resolution: '1080p' },
    { states: ['failed', 'expired'] },
    { states: ['done'], text: 'shot' },
  ];
  const sorts: SortKey[] = ['created_desc', 'created_asc', 'rating_desc'];
  for (const query of queries) {
    it(`matches the oracle for ${JSON.stringify(query)} in every sort`, () => {
      for (const sort of sorts) {
        const expected = oracle({ ...query, sort });
        const got = everyPage({ ...query, sort }, 97);
        // Exact, or (a large text source with other filters) "more than JOINED_TOTAL_CAP".
        if (got.capped) expect([got.total, expected.length > got.total]).toEqual([JOINED_TOTAL_CAP, true]);
        else expect(got.total).toBe(expected.length);
        expect(got.ids).toEqual(expected);
      }
    });
  }

  it('caps large totals ("at least this many") without losing or reordering a row', () => {
    const CAP = 400;
    // Some queries over the cap (by a source, a facet, or both), some under it, and trash present.
    const [trashed] = oracle({ text: 'shot', states: ['done'] });
    if (!trashed) throw new Error('nothing to trash');
    lib.store.trash(trashed);
    try {
      let cappedSeen = 0;
      for (const query of queries) {
        const expected = oracle(query).filter((id) => id !== trashed);
        const got = everyPage(query, 97, CAP);
        expect(got.ids).toEqual(expected);
        if (Object.keys(query).every((key) => key === 'states')) continue; // exact: the count tables
        expect(got.total).toBe(Math.min(expected.length, CAP));
        expect(got.capped).toBe(expected.length > CAP);
        if (got.capped) cappedSeen++;
      }
      expect(cappedSeen).toBeGreaterThanOrEqual(4);
      // { states: ['done'], text: 'shot' } went through the FTS join and was capped there.
      expect(everyPage({ states: ['done'], text: 'shot' }, 500).capped).toBe(true);
      // Totals the count tables keep stay exact above the cap.
      const unfiltered = everyPage({}, 500, CAP);
      expect(unfiltered).toMatchObject({ total: ROWS - 1, capped: false });
    } finally {
      lib.store.restore(trashed);
    }
  });

  it('matches the oracle for a project and a date range', () => {
    const projectId = projectIds[0];
    const middle = all[Math.floor(ROWS / 2)]?.createdAt;
    const query: LibraryQuery = { projectId, createdFrom: middle, text: 'shot' };
    const got = everyPage(query, 50);
    expect(got.ids).toEqual(oracle(query));
    expect(got.total).toBeGreaterThan(0);
  });

  // Last: it breaks the created order for good, which turns the FTS rowid-order pages off.
  it('gives the same pages by the sort index once rows are out of created order', () => {
    const { db } = libraryContext(lib.store);
    // The oldest row with "shot" becomes the newest: rowid order is no longer date order.
    const shot = ftsIds('shot');
    const first = all.find((record) => shot.has(record.id));
    if (!first) throw new Error('no row with "shot"');
    const newest = Math.max(...all.map((record) => record.createdAt)) + 1;
    db.prepare('UPDATE generations SET created_at = ? WHERE id = ?').run(newest, first.id);
    expect(createdInSeqOrder(libraryContext(lib.store))).toBe(false);
    all = all.map((record) => (record.id === first.id ? { ...record, createdAt: newest } : record));
    for (const query of [{ text: 'shot' }, { text: 'shot', resolution: '1080p' as const }]) {
      for (const sort of ['created_desc', 'created_asc'] as const) {
        expect(everyPage({ ...query, sort }, 97).ids).toEqual(oracle({ ...query, sort }));
      }
    }
  });
});
