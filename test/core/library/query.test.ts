import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isStudioError } from '../../../main/core/errors';
import type { GenerationRecord, LibraryQuery, SortKey } from '../../../main/core/library/types';
import { create, type TestLibrary, tempLibrary } from './library-fixture';

let lib: TestLibrary;
beforeEach(() => {
  lib = tempLibrary();
});
afterEach(() => lib.cleanup());

function ids(query: LibraryQuery): string[] {
  return lib.store.query({ limit: 500, ...query }).items.map((record) => record.id);
}

function sorted(records: GenerationRecord[]): string[] {
  return records.map((record) => record.id).sort();
}

describe('library query filters', () => {
  it('filters on every field and reports the filtered total', async () => {
    const project = lib.store.createProject('Brand film');
    const day = 24 * 3600 * 1000;
    const a = create(lib.store, { resolution: '1080p', duration: 10 }, { projectId: project.id });
    await lib.clock.advance(day);
    const b = create(lib.store, { aspectRatio: '9:16' });
    await lib.clock.advance(day);
    const c = create(lib.store, {
      mode: 'image-to-video',
      aspectRatio: undefined,
      imageUrl: 'https://x.test/i.png',
    });
    await lib.clock.advance(day);
    const d = create(lib.store, {}, { projectId: project.id });
    lib.store.updateGeneration(a.id, { state: 'done' });
    lib.store.updateGeneration(b.id, { state: 'failed' });
    lib.store.setFavourite(c.id, true);
    lib.store.setTags(d.id, ['Client', 'night']);
    lib.store.setTags(a.id, ['client']);
    const all = [a, b, c, d];

    expect(sorted(lib.store.query({}).items)).toEqual(sorted(all));
    const cases: [LibraryQuery, GenerationRecord[]][] = [
      [{ projectId: project.id }, [a, d]],
      [{ projectId: null }, [b, c]],
      [{ states: ['done', 'failed'] }, [a, b]],
      [{ states: ['queued'] }, [c, d]],
      [{ states: [] }, all],
      [{ resolution: '1080p' }, [a]],
      [{ resolution: '720p' }, [b, c, d]],
      [{ duration: 10 }, [a]],
      [{ aspectRatio: '9:16' }, [b]],
      [{ aspectRatio: '16:9' }, [a, d]],
      [{ mode: 'image-to-video' }, [c]],
      [{ favourite: true }, [c]],
      [{ favourite: false }, [a, b, d]],
      [{ tag: 'client' }, [a, d]],
      [{ tag: 'NIGHT' }, [d]],
      [{ tag: 'unknown' }, []],
      [{ createdFrom: b.createdAt }, [b, c, d]],
      [{ createdTo: c.createdAt }, [a, b]],
      [{ createdFrom: b.createdAt, createdTo: d.createdAt }, [b, c]],
      [{ projectId: project.id, tag: 'client', resolution: '720p' }, [d]],
      [{ text: 'fox', favourite: true }, [c]],
    ];
    for (const [query, expected] of cases) {
      const page = lib.store.query(query);
      expect(sorted(page.items), JSON.stringify(query)).toEqual(sorted(expected));
      expect(page.total, JSON.stringify(query)).toBe(expected.length);
    }
  });

  it('shows the trash only when asked, and never mixes it into the default view', () => {
    const kept = create(lib.store);
    const gone = create(lib.store);
    lib.store.updateGeneration(gone.id, { state: 'failed' });
    lib.store.trash(gone.id);
    expect(ids({})).toEqual([kept.id]);
    expect(ids({ trashed: true })).toEqual([gone.id]);
    expect(lib.store.query({ trashed: true }).total).toBe(1);
    expect(lib.store.query({ trashed: true, text: 'fox' }).total).toBe(1);
    expect(lib.store.query({ text: 'fox' }).total).toBe(1);
  });

  it('rejects unknown states, sorts and bad page sizes as invalid_request', () => {
    const kinds: string[] = [];
    const bad: LibraryQuery[] = [
      { states: ['paused' as never] },
      { sort: 'name' as SortKey },
      { limit: 0 },
      { limit: 1.5 },
      { createdFrom: Number.NaN },
    ];
    for (const query of bad) {
      try {
        lib.store.query(query);
        kinds.push('no error');
      } catch (error) {
        kinds.push(isStudioError(error) ? error.kind : 'other');
      }
    }
    expect(kinds).toEqual(bad.map(() => 'invalid_request'));
  });

  it('refreshes the total after a write (no stale count from the cache)', () => {
    create(lib.store);
    expect(lib.store.query({ resolution: '720p' }).total).toBe(1);
    create(lib.store);
    expect(lib.store.query({ resolution: '720p' }).total).toBe(2);
  });
});

describe('keyset pagination', () => {
  async function seedWithTies(): Promise<GenerationRecord[]> {
    // Groups of rows share a creation time and a rating: only the id breaks the tie.
    const records: GenerationRecord[] = [];
    for (let i = 0; i < 47; i++) {
      if (i % 5 === 0) await lib.clock.advance(1000);
      const record = create(lib.store, { prompt: `clip number ${i}` });
      records.push(lib.store.setRating(record.id, i % 3 === 0 ? 0 : (i % 4) + 1));
    }
    return records;
  }

  function walk(sort: SortKey, limit: number): GenerationRecord[] {
    const seen: GenerationRecord[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const page = lib.store.query({ sort, limit, cursor });
      expect(page.total).toBe(47);
      expect(page.items.length).toBeLessThanOrEqual(limit);
      seen.push(...page.items);
      cursor = page.nextCursor;
      pages++;
    } while (cursor !== null && pages < 100);
    return seen;
  }

  const compare: Record<SortKey, (a: GenerationRecord, b: GenerationRecord) => number> = {
    created_desc: (a, b) => b.createdAt - a.createdAt || (a.id < b.id ? 1 : -1),
    created_asc: (a, b) => a.createdAt - b.createdAt || (a.id < b.id ? -1 : 1),
    rating_desc: (a, b) => b.rating - a.rating || b.createdAt - a.createdAt || (a.id < b.id ? 1 : -1),
  };

  for (const sort of ['created_desc', 'created_asc', 'rating_desc'] as const) {
    it(`visits every row exactly once, in order, sorted ${sort} with ties`, async () => {
      const records = await seedWithTies();
      for (const limit of [1, 4, 10, 47, 100]) {
        const seen = walk(sort, limit);
        expect(seen.map((record) => record.id)).toEqual(
          [...records].sort(compare[sort]).map((record) => record.id),
        );
        expect(new Set(seen.map((record) => record.id)).size).toBe(47);
      }
    });
  }

  it('returns no cursor on the last page and an empty page for an empty library', () => {
    expect(lib.store.query({})).toEqual({ items: [], nextCursor: null, total: 0 });
    create(lib.store);
    create(lib.store);
    const page = lib.store.query({ limit: 2 });
    expect(page.items).toHaveLength(2);
    expect(page.nextCursor).toBeNull();
  });

  it('keeps its place when rows are added before the cursor', async () => {
    for (let i = 0; i < 6; i++) {
      await lib.clock.advance(10);
      create(lib.store);
    }
    const first = lib.store.query({ limit: 3 });
    await lib.clock.advance(10);
    create(lib.store); // newest: would shift an OFFSET page by one
    const second = lib.store.query({ limit: 3, cursor: first.nextCursor });
    const firstIds = new Set(first.items.map((record) => record.id));
    expect(second.items.some((record) => firstIds.has(record.id))).toBe(false);
    expect(second.items).toHaveLength(3);
    expect(second.total).toBe(7);
  });

  it('refuses a cursor that is garbage or was made for another sort', () => {
    for (let i = 0; i < 3; i++) create(lib.store);
    const page = lib.store.query({ limit: 1, sort: 'created_desc' });
    const attempts: LibraryQuery[] = [
      { cursor: 'not base64 json' },
      { cursor: Buffer.from('{"s":"created_desc","k":[1]}').toString('base64url') },
      { cursor: Buffer.from('{"s":"created_desc","k":[{},"x"]}').toString('base64url') },
      { cursor: page.nextCursor, sort: 'rating_desc' },
    ];
    for (const query of attempts) {
      let kind = 'no error';
      try {
        lib.store.query(query);
      } catch (error) {
        kind = isStudioError(error) ? error.kind : 'other';
      }
      expect(kind, JSON.stringify(query)).toBe('invalid_request');
    }
  });
});
