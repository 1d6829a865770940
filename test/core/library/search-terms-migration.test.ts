// A library made before the 'search terms' migration gets the table filled from the search index
// it already has, so its long prefixes are rewritten (and stay correct) from the first search.
import { afterEach, beforeEach, expect, it } from 'vitest';
import { libraryContext } from '../../../main/core/library/library';
import { searchMatch } from '../../../main/core/library/search-match';
import { create, reopenFromBefore, type TestLibrary, tempLibrary } from './library-fixture';

let lib: TestLibrary;
beforeEach(() => {
  lib = tempLibrary();
});
afterEach(() => lib.cleanup());

it('fills the terms of an older library from its search index', () => {
  create(lib.store, { prompt: 'a mountain village at dawn' });
  create(lib.store, { prompt: 'mounted camera, горная дорога' });
  // The library as the version before 'search terms' left it: no terms table (nor what came later).
  const store = reopenFromBefore(lib, 'search terms', 'DROP TABLE search_terms; DROP TABLE spend_ledger;');
  try {
    const ctx = libraryContext(store);
    expect(ctx.db.prepare('SELECT term FROM search_terms ORDER BY term').pluck().all()).toEqual(
      expect.arrayContaining(['mountain', 'mount', 'горная', 'дорога']),
    );
    expect(searchMatch(ctx, 'mount')).toBe('("mount" OR "mountain")');
    expect(searchMatch(ctx, 'горн')).toBe('"горная"');
    expect(
      store
        .query({ text: 'moun' })
        .items.map((record) => record.params.prompt)
        .sort(),
    ).toEqual(['a mountain village at dawn', 'mounted camera, горная дорога']);
  } finally {
    store.close();
  }
});
