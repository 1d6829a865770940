import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { normalizeTags } from '../../../main/core/library/curation';
import { create, kindOf, type TestLibrary, tempLibrary } from './library-fixture';

let lib: TestLibrary;
beforeEach(() => {
  lib = tempLibrary();
});
afterEach(() => lib.cleanup());

describe('curation', () => {
  it('sets favourite, rating and notes, bumping updatedAt each time', async () => {
    const record = create(lib.store);
    await lib.clock.advance(5);
    expect(lib.store.setFavourite(record.id, true)).toMatchObject({
      favourite: true,
      updatedAt: record.createdAt + 5,
    });
    expect(lib.store.setRating(record.id, 5).rating).toBe(5);
    expect(lib.store.setRating(record.id, 0).rating).toBe(0);
    expect(lib.store.setNotes(record.id, 'keep for the intro').notes).toBe('keep for the intro');
    expect(lib.store.getGeneration(record.id)).toMatchObject({
      favourite: true,
      rating: 0,
      notes: 'keep for the intro',
    });
    expect(lib.store.setFavourite(record.id, false).favourite).toBe(false);
  });

  it('rejects ratings outside 0..5 and overlong notes, and unknown ids', () => {
    const record = create(lib.store);
    expect(kindOf(() => lib.store.setRating(record.id, 6))).toBe('invalid_request');
    expect(kindOf(() => lib.store.setRating(record.id, -1))).toBe('invalid_request');
    expect(kindOf(() => lib.store.setRating(record.id, 2.5))).toBe('invalid_request');
    expect(kindOf(() => lib.store.setNotes(record.id, 'x'.repeat(10_001)))).toBe('invalid_request');
    expect(kindOf(() => lib.store.setFavourite('missing', true))).toBe('not_found');
    expect(kindOf(() => lib.store.setTags('missing', ['a']))).toBe('not_found');
  });

  it('normalizes tags: trims, collapses spaces, drops control characters and case duplicates', () => {
    expect(normalizeTags(['  b-roll ', 'Night  shot', 'night shot', '', '\u0007bell', 'B-ROLL'])).toEqual([
      'b-roll',
      'Night shot',
      'bell',
    ]);
    expect(kindOf(() => normalizeTags(['x'.repeat(65)]))).toBe('invalid_request');
    expect(kindOf(() => normalizeTags(Array.from({ length: 51 }, (_, i) => `t${i}`)))).toBe(
      'invalid_request',
    );
  });

  it('replaces a generation tag set, sorted by name, reusing a tag spelled another way', () => {
    const one = create(lib.store);
    const two = create(lib.store);
    lib.store.setTags(one.id, ['Night', 'city']);
    expect(lib.store.setTags(two.id, ['night']).tags).toEqual(['Night']);
    expect(lib.store.getGeneration(one.id)?.tags).toEqual(['city', 'Night']);
    expect(lib.store.setTags(one.id, ['water']).tags).toEqual(['water']);
    expect(lib.store.setTags(one.id, []).tags).toEqual([]);
  });

  it('lists tags in use with counts that leave out the trash, and forgets unused ones', () => {
    const one = create(lib.store);
    const two = create(lib.store);
    const three = create(lib.store);
    lib.store.setTags(one.id, ['client', 'night']);
    lib.store.setTags(two.id, ['client']);
    lib.store.setTags(three.id, ['client', 'draft']);
    expect(lib.store.listTags()).toEqual([
      { name: 'client', count: 3 },
      { name: 'draft', count: 1 },
      { name: 'night', count: 1 },
    ]);
    lib.store.updateGeneration(three.id, { state: 'failed' });
    lib.store.trash(three.id);
    lib.store.setTags(one.id, ['client']);
    expect(lib.store.listTags()).toEqual([{ name: 'client', count: 2 }]);
    lib.store.restore(three.id);
    expect(lib.store.listTags()).toEqual([
      { name: 'client', count: 3 },
      { name: 'draft', count: 1 },
    ]);
  });
});
