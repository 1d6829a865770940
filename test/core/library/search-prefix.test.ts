// A typed prefix of 4+ letters runs as an OR of the indexed terms it stands for (search-match.ts).
// Whatever the rewrite, every page must hold exactly the rows the plain FTS prefix query finds:
// checked here against that query on a real library file, for prefixes of 1–6 letters, stems,
// Russian and other scripts, diacritics, FTS syntax typed by a user, and after edits and the trash.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ftsMatchExpression } from '../../../main/core/library/fts';
import { libraryContext } from '../../../main/core/library/library';
import { MAX_PREFIX_TERMS, searchMatch } from '../../../main/core/library/search-match';
import { FTS_TOKENIZE, tokenize } from '../../../main/core/library/search-terms';
import type { LibraryQuery } from '../../../main/core/library/types';
import { create, type TestLibrary, tempLibrary } from './library-fixture';

let lib: TestLibrary;

const PROMPTS = [
  'a mountain village at dawn',
  'mounted camera on a car',
  'mount fuji under snow',
  'the mountains at night',
  'golden hour over the sea',
  'gold leaf texture',
  'goldfish bowl, close-up',
  'a running horse',
  'runner on a track',
  'client liked the colours',
  'likes and dislikes',
  'горная деревня на рассвете',
  'горы в тумане, горный воздух',
  'Café terrace in the rain',
  'cafés of Paris',
  'naïve art style',
  '東京 tower at night',
  "don't stop the camera",
  'mountaineer climbing',
];

function pagesOf(query: LibraryQuery, limit = 3): string[] {
  const ids: string[] = [];
  let cursor: string | null = null;
  do {
    const page = lib.store.query({ ...query, limit, cursor });
    ids.push(...page.items.map((record) => record.id));
    cursor = page.nextCursor;
  } while (cursor !== null);
  return ids;
}

/** The plain FTS prefix query, newest first, outside the trash. */
function reference(text: string): string[] {
  const match = ftsMatchExpression(text);
  if (match === null) return pagesOf({}, 500);
  return libraryContext(lib.store)
    .db.prepare(
      `SELECT g.id FROM generations_fts JOIN generations g ON g.seq = generations_fts.rowid
       WHERE generations_fts MATCH ? AND g.deleted_at IS NULL ORDER BY g.created_at DESC, g.seq DESC`,
    )
    .pluck()
    .all(match) as string[];
}

beforeAll(() => {
  lib = tempLibrary();
  PROMPTS.forEach((prompt, index) => {
    const record = create(
      lib.store,
      { prompt, negativePrompt: index % 3 === 0 ? 'blurry mountaintop' : undefined },
      { state: index % 6 === 0 ? 'failed' : 'done' },
    );
    if (index % 4 === 0) lib.store.setNotes(record.id, 'goldsmith asked for a recut');
    if (index % 5 === 0) lib.store.setTags(record.id, ['mountainous', 'горный']);
    lib.clock.advance(index % 2 === 0 ? 0 : 1000); // ties on the date too
  });
});
afterAll(() => lib.cleanup());

const WORDS = ['mountains', 'golden', 'running', 'liked', 'горная', 'café', 'goldsmith', 'naïve'];
const TYPED = [
  ...new Set([
    ...WORDS.flatMap((word) => [1, 2, 3, 4, 5, 6].map((n) => word.slice(0, n))),
    'red fox gold',
    'camera mount',
    'горн',
    'ГОРН',
    'cafe',
    'moun*',
    '"mount" OR',
    'NEAR(gold',
    'prompt:mount',
    '-gold',
    'gold AND',
    'mountain NOT',
    '東京',
    "don't",
    'zzzzz',
  ]),
];

describe('prefix search rewritten as the terms it stands for', () => {
  it('uses the same tokenizer as the search index', () => {
    const sql = libraryContext(lib.store)
      .db.prepare("SELECT sql FROM sqlite_master WHERE name = 'generations_fts'")
      .pluck()
      .get() as string;
    expect(sql).toContain(`tokenize = '${FTS_TOKENIZE}'`);
    expect(tokenize(['Mountains RUNNING café', ''])).toEqual([['mountain', 'run', 'cafe'], []]);
  });

  it('rewrites a long prefix as an OR of terms, and leaves short or unknown ones to FTS', () => {
    const ctx = libraryContext(lib.store);
    expect(searchMatch(ctx, 'mount')).toBe('("mount" OR "mountain" OR "mountaintop")');
    expect(searchMatch(ctx, 'fox gold')).toBe('"fox" AND ("gold" OR "golden" OR "goldfish" OR "goldsmith")');
    expect(searchMatch(ctx, 'mo')).toBe('"mo"*');
    expect(searchMatch(ctx, 'zzzzz')).toBe('"zzzzz"*');
    expect(searchMatch(ctx, 'mountain a')).toBe('"mountain" AND "a"');
    expect(searchMatch(ctx, '  ')).toBeNull();
  });

  for (const text of TYPED) {
    it(`finds what the plain prefix query finds, on every page, for ${JSON.stringify(text)}`, () => {
      expect(pagesOf({ text })).toEqual(reference(text));
    });
  }

  it('finds a word added by an edit, and forgets a trashed row', () => {
    const [first] = pagesOf({ text: 'mountain village' });
    if (!first) throw new Error('no row');
    lib.store.setNotes(first, 'xylophone solo');
    expect(searchMatch(libraryContext(lib.store), 'xylop')).toBe('"xylophon"');
    expect(pagesOf({ text: 'xylop' })).toEqual([first]);
    lib.store.trash(first);
    expect(pagesOf({ text: 'xylop' })).toEqual([]);
    expect(pagesOf({ text: 'mount' })).toEqual(reference('mount'));
    lib.store.restore(first);
    expect(pagesOf({ text: 'xylop' })).toEqual([first]);
  });

  it('keeps the plain prefix when it stands for more terms than the OR is worth', () => {
    const words = Array.from({ length: MAX_PREFIX_TERMS + 1 }, (_, index) => `zebra${index.toString(36)}x`);
    create(lib.store, { prompt: words.join(' ') });
    expect(searchMatch(libraryContext(lib.store), 'zebr')).toBe('"zebr"*');
    expect(pagesOf({ text: 'zebr' })).toEqual(reference('zebr'));
    expect(searchMatch(libraryContext(lib.store), 'zebra1')).toMatch(/^\("zebra1/);
    expect(pagesOf({ text: 'zebra1' })).toEqual(reference('zebra1'));
  });
});
