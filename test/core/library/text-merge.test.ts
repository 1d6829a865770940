// Text search with a project, the favourites or the rating sort goes by a merge of the FTS matches
// with that filter's index (fts-merge.ts). Every page and total must equal a straightforward SQL
// query over the same library file: ties on the date, trashed and purged rows, rows without a
// project, other filters on top, and both date sorts.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PAGE_DRIVE_LIMIT, planFilters } from '../../../main/core/library/filters';
import { ftsMatchExpression } from '../../../main/core/library/fts';
import { WINDOWS } from '../../../main/core/library/fts-merge';
import { libraryContext } from '../../../main/core/library/library';
import { JOINED_TOTAL_CAP, TOTAL_CAP } from '../../../main/core/library/query';
import { LEVEL } from '../../../main/core/library/rating-text-pages';
import { pageByMerge } from '../../../main/core/library/text-pages';
import type { LibraryQuery, SortKey } from '../../../main/core/library/types';
import { seedSyntheticLibrary } from '../../helpers/synthetic-library';
import { create, type TestLibrary, tempLibrary } from './library-fixture';

const ROWS = 3_000;
let lib: TestLibrary;
let projectIds: string[];

const ORDER: Record<SortKey, string> = {
  created_desc: 'g.created_at DESC, g.seq DESC',
  created_asc: 'g.created_at ASC, g.seq ASC',
  rating_desc: 'g.rating DESC, g.created_at DESC, g.seq DESC',
};

/** The plain reference: every matching row, filtered and sorted in one SQL statement. */
function reference(query: LibraryQuery): string[] {
  const where = [
    'g.deleted_at IS NULL',
    'g.seq IN (SELECT rowid FROM generations_fts WHERE generations_fts MATCH ?)',
  ];
  const args: unknown[] = [ftsMatchExpression(query.text)];
  const term = (sql: string, ...values: unknown[]) => {
    where.push(sql);
    args.push(...values);
  };
  if (query.projectId === null) term('g.project_id IS NULL');
  else if (query.projectId !== undefined) term('g.project_id = ?', query.projectId);
  if (query.favourite === true) term('g.favourite = 1');
  if (query.resolution !== undefined) term('g.resolution = ?', query.resolution);
  if (query.states?.length) term(`g.state IN (${query.states.map(() => '?').join(', ')})`, ...query.states);
  return libraryContext(lib.store)
    .db.prepare(
      `SELECT g.id FROM generations g WHERE ${where.join(' AND ')} ORDER BY ${ORDER[query.sort ?? 'created_desc']}`,
    )
    .pluck()
    .all(...args) as string[];
}

function everyPage(query: LibraryQuery, limit: number): { ids: string[]; total: number; capped: boolean } {
  const ids: string[] = [];
  let cursor: string | null = null;
  const first = lib.store.query({ ...query, limit });
  let page = first;
  for (;;) {
    ids.push(...page.items.map((record) => record.id));
    cursor = page.nextCursor;
    if (cursor === null) break;
    page = lib.store.query({ ...query, limit, cursor });
  }
  return { ids, total: first.total, capped: first.totalCapped === true };
}

beforeAll(() => {
  lib = tempLibrary();
  projectIds = seedSyntheticLibrary(lib.store, ROWS, { seed: 11, endAt: lib.clock.now() }).projectIds;
  const project = projectIds[0] ?? null;
  // Ties on the date (the clock stands still), in a project and out of one, some in the trash,
  // one purged, favourites and ratings among them.
  for (let index = 0; index < 12; index++) {
    const record = create(lib.store, { prompt: `aerial drone shot number ${index}` }, { state: 'done' });
    if (index % 2 === 0 && project) lib.store.assignProject([record.id], project);
    if (index % 3 === 0) lib.store.setFavourite(record.id, true);
    lib.store.setRating(record.id, index % 6);
    if (index === 4 || index === 7) lib.store.trash(record.id);
    if (index === 7) lib.store.purgeTrashed([record.id]);
  }
});
afterAll(() => lib.cleanup());

describe('text search merged with an index', () => {
  const queries = (): LibraryQuery[] => [
    { text: 'shot', projectId: projectIds[0] },
    { text: 'shot', projectId: projectIds[1] },
    { text: 'shot', projectId: null },
    { text: 'shot', favourite: true },
    { text: 'shot', projectId: projectIds[0], resolution: '1080p' },
    { text: 'shot', favourite: true, states: ['done'] },
    { text: 'sho', projectId: projectIds[2] },
    { text: 'shot', sort: 'rating_desc' },
    { text: 'shot', sort: 'rating_desc', projectId: projectIds[0] },
    { text: 'zzzz', projectId: projectIds[0] },
  ];

  it('takes the merge for these queries (a text source above the drive limit)', () => {
    const ctx = libraryContext(lib.store);
    for (const query of queries().slice(0, 9)) {
      const plan = planFilters(ctx, query, TOTAL_CAP);
      expect(plan.ftsJoin, JSON.stringify(query)).not.toBeNull();
      const page = pageByMerge(
        ctx,
        query,
        plan,
        query.sort ?? 'created_desc',
        null,
        10,
        JOINED_TOTAL_CAP + 1,
      );
      expect(page).toHaveLength(10);
    }
    expect(reference({ text: 'shot' }).length).toBeGreaterThan(PAGE_DRIVE_LIMIT);
  });

  const tunings = [
    { name: 'as shipped', windows: { ...WINDOWS }, batch: LEVEL.batch, limits: [1, 7, 100] },
    // Many windows, and rating levels rare within a batch: every way through the code.
    { name: 'small windows and batches', windows: { first: 64, max: 256 }, batch: 16, limits: [3, 29] },
  ];
  for (const tuning of tunings) {
    it(`gives every page and total the reference gives, in every sort (${tuning.name})`, () => {
      const saved = { windows: { ...WINDOWS }, batch: LEVEL.batch };
      Object.assign(WINDOWS, tuning.windows);
      LEVEL.batch = tuning.batch;
      try {
        for (const base of queries()) {
          for (const sort of ['created_desc', 'created_asc', 'rating_desc'] as const) {
            const query = { ...base, sort };
            const expected = reference(query);
            // Pages of one row only where there are few: the walk is long enough elsewhere.
            for (const limit of tuning.limits.filter((n) => n > 1 || expected.length < 200)) {
              const got = everyPage(query, limit);
              expect(got.ids, `${JSON.stringify(query)} by ${limit}`).toEqual(expected);
              if (got.capped)
                expect([got.total, expected.length > got.total]).toEqual([JOINED_TOTAL_CAP, true]);
              else expect(got.total).toBe(expected.length);
            }
          }
        }
      } finally {
        Object.assign(WINDOWS, saved.windows);
        LEVEL.batch = saved.batch;
      }
    });
  }
});
