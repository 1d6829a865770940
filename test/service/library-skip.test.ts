// library.skip, through the dispatcher every host uses: a page passed over on the way deeper
// answers with the same size and next cursor as library.query would, without the records, so
// walking by skips lands exactly where walking by pages does.
import { afterEach, describe, expect, it } from 'vitest';
import type { LibraryPage, LibraryQuery } from '../../shared/contract/contract';
import { type CoreHarness, startCoreHarness } from '../helpers/core-harness';
import { seedSyntheticLibrary } from '../helpers/synthetic-library';

let harness: CoreHarness | null = null;
afterEach(async () => {
  await harness?.close();
  harness = null;
});

describe('library.skip', () => {
  // skip reads only the sort keys of each page (query.ts skipGenerations): every way a page is
  // picked (sort index, FTS rowid order, rating levels) must still end where query's page ends.
  it.each<[string, LibraryQuery, number]>([
    ['a state filter, newest first', { sort: 'created_desc', states: ['done'], limit: 250 }, 500],
    ['oldest first', { sort: 'created_asc', limit: 300 }, 1_000],
    ['by rating', { sort: 'rating_desc', limit: 200 }, 1_000],
    ['a word of the prompts', { text: 'city', limit: 40 }, 50],
    ['a word and the favourites', { text: 'light', favourite: true, limit: 5 }, 10],
  ])(
    'walks %s page by page to the same cursors as library.query, with no records',
    async (_name, query, atLeast) => {
      harness = await startCoreHarness();
      const { core } = harness;
      seedSyntheticLibrary(core.library(), 1_300);
      const total = (await core.api.library.query({ ...query, limit: 1 })).total;
      expect(total).toBeGreaterThan(atLeast);

      let cursor: string | null = null;
      let seen = 0;
      for (let step = 0; step < 80 && (step === 0 || cursor !== null); step++) {
        const page: LibraryPage = await core.api.library.query({ ...query, cursor });
        const envelope = await core.dispatch('library.skip', { ...query, cursor });
        expect(envelope.ok).toBe(true);
        if (!envelope.ok) return;
        expect(envelope.value).toEqual({
          count: page.items.length,
          nextCursor: page.nextCursor,
          total: page.total,
          ...(page.totalCapped ? { totalCapped: true } : {}),
        });
        expect(envelope.value).not.toHaveProperty('items');
        seen += page.items.length;
        cursor = page.nextCursor;
      }
      expect(cursor).toBeNull();
      expect(seen).toBe(total);
    },
  );

  it('refuses what library.query refuses, naming the field', async () => {
    harness = await startCoreHarness();
    const envelope = await harness.core.dispatch('library.skip', { limit: 501 });
    expect(envelope).toMatchObject({ ok: false, error: { kind: 'validation' } });
    if (!envelope.ok) expect(Object.keys(envelope.error.fields ?? {})).toEqual(['limit']);
  });
});
