// Totals of facet filters without a resolution filter are counted one seek per resolution present
// in the library (filters.ts): the set is read from the index, never assumed, so a row with a
// resolution this version does not offer is still counted. Checked against a plain COUNT.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { libraryContext } from '../../../main/core/library/library';
import { queryGenerations, TOTAL_CAP } from '../../../main/core/library/query';
import type { LibraryQuery } from '../../../main/core/library/types';
import { seedSyntheticLibrary } from '../../helpers/synthetic-library';
import { type TestLibrary, tempLibrary } from './library-fixture';

let lib: TestLibrary;

function reference(query: LibraryQuery): number {
  const where = ['deleted_at IS NULL'];
  const args: unknown[] = [];
  for (const [key, column] of [
    ['duration', 'duration'],
    ['mode', 'mode'],
    ['aspectRatio', 'aspect_ratio'],
  ] as const) {
    if (query[key] !== undefined) {
      where.push(`${column} = ?`);
      args.push(query[key]);
    }
  }
  if (query.favourite !== undefined) where.push(`favourite = ${query.favourite ? 1 : 0}`);
  if (query.createdFrom !== undefined) {
    where.push('created_at >= ?');
    args.push(query.createdFrom);
  }
  return libraryContext(lib.store)
    .db.prepare(`SELECT count(*) FROM generations WHERE ${where.join(' AND ')}`)
    .pluck()
    .get(...args) as number;
}

beforeAll(() => {
  lib = tempLibrary();
  seedSyntheticLibrary(lib.store, 2_000, { seed: 5, endAt: lib.clock.now() });
  const { db } = libraryContext(lib.store);
  // The oldest rows: one written with a resolution this version does not offer, one in the trash.
  db.prepare(
    "UPDATE generations SET resolution = '480p' WHERE seq = (SELECT min(seq) FROM generations)",
  ).run();
  const second = db
    .prepare('SELECT id FROM generations ORDER BY seq LIMIT 1 OFFSET 1')
    .pluck()
    .get() as string;
  db.prepare("UPDATE generations SET state = 'done' WHERE id = ?").run(second);
  lib.store.trash(second);
});
afterAll(() => lib.cleanup());

describe('facet totals without a resolution filter', () => {
  const middle = Date.UTC(2025, 2, 1);
  const queries: LibraryQuery[] = [
    { duration: 10 },
    { mode: 'image-to-video' },
    { duration: 5, mode: 'text-to-video' },
    { favourite: false },
    { aspectRatio: '9:16', createdFrom: middle },
    { duration: 10, favourite: false, createdFrom: middle },
  ];
  for (const query of queries) {
    it(`equal a plain count for ${JSON.stringify(query)}, capped or not`, () => {
      const ctx = libraryContext(lib.store);
      const expected = reference(query);
      expect(expected).toBeGreaterThan(0);
      expect(queryGenerations(ctx, { ...query, limit: 1 }, TOTAL_CAP)).toMatchObject({ total: expected });
      const cap = Math.floor(expected / 2);
      const capped = queryGenerations(ctx, { ...query, limit: 1 }, cap);
      expect([capped.total, capped.totalCapped]).toEqual([cap, true]);
    });
  }

  it('counts the row whose resolution this version does not offer', () => {
    const { db } = libraryContext(lib.store);
    const odd = db.prepare("SELECT duration, mode FROM generations WHERE resolution = '480p'").get() as {
      duration: 5 | 10;
      mode: LibraryQuery['mode'];
    };
    const query: LibraryQuery = { duration: odd.duration, mode: odd.mode };
    expect(queryGenerations(libraryContext(lib.store), { ...query, limit: 1 }, TOTAL_CAP).total).toBe(
      reference(query),
    );
  });
});
