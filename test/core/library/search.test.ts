import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ftsMatchExpression } from '../../../main/core/library/fts';
import { create, type TestLibrary, tempLibrary } from './library-fixture';

describe('ftsMatchExpression', () => {
  it('quotes each word, ANDs them and makes the last one a prefix', () => {
    expect(ftsMatchExpression('red fox mount')).toBe('"red" AND "fox" AND "mount"*');
  });

  it('keeps FTS syntax from user text as plain words', () => {
    expect(ftsMatchExpression('"fox" OR -cat* NEAR(a b) col:x ^start')).toBe(
      '"fox" AND "OR" AND "cat" AND "NEAR" AND "a" AND "b" AND "col" AND "x" AND "start"*',
    );
  });

  it('means no filter for empty or punctuation-only text', () => {
    for (const text of ['', '   ', '"', '***', '-( )-', undefined, null])
      expect(ftsMatchExpression(text)).toBeNull();
  });

  it('does not prefix a one-letter last word and keeps letters of any script', () => {
    expect(ftsMatchExpression('fox a')).toBe('"fox" AND "a"');
    expect(ftsMatchExpression('café 東京')).toBe('"café" AND "東京"*');
  });
});

let lib: TestLibrary;
beforeEach(() => {
  lib = tempLibrary();
});
afterEach(() => lib.cleanup());

function search(text: string): string[] {
  return lib.store
    .query({ text, limit: 500 })
    .items.map((record) => record.params.prompt)
    .sort();
}

describe('library search', () => {
  beforeEach(() => {
    create(lib.store, { prompt: 'a red fox crossing snowy mountains' });
    create(lib.store, { prompt: 'a lighthouse at dusk', negativePrompt: 'blurry watermark' });
    create(lib.store, { prompt: 'Café terrace in the rain' });
    create(lib.store, { prompt: 'ocean waves, drone shot' });
  });

  it('finds words by prefix while typing, and needs every word', () => {
    expect(search('mount')).toEqual(['a red fox crossing snowy mountains']);
    expect(search('fox snow')).toEqual(['a red fox crossing snowy mountains']);
    expect(search('fox lighthouse')).toEqual([]);
    expect(search('light')).toEqual(['a lighthouse at dusk']);
  });

  it('matches stems and ignores case and diacritics', () => {
    expect(search('MOUNTAIN')).toEqual(['a red fox crossing snowy mountains']);
    expect(search('crossed')).toEqual(['a red fox crossing snowy mountains']);
    expect(search('cafe')).toEqual(['Café terrace in the rain']);
  });

  it('searches the negative prompt too', () => {
    expect(search('watermark')).toEqual(['a lighthouse at dusk']);
  });

  it('finds notes and tags once set, and forgets them once changed', () => {
    const target = lib.store.query({ text: 'ocean' }).items[0];
    if (!target) throw new Error('seed row missing');
    lib.store.setNotes(target.id, 'client picked this for the intro');
    lib.store.setTags(target.id, ['Seascape', 'b-roll']);
    expect(search('intro')).toEqual(['ocean waves, drone shot']);
    expect(search('seascape')).toEqual(['ocean waves, drone shot']);
    expect(search('broll')).toEqual([]);
    expect(search('b roll')).toEqual(['ocean waves, drone shot']);
    lib.store.setNotes(target.id, 'no longer relevant');
    lib.store.setTags(target.id, ['archive']);
    expect(search('intro')).toEqual([]);
    expect(search('seascape')).toEqual([]);
    expect(search('archive')).toEqual(['ocean waves, drone shot']);
  });

  it('treats FTS syntax in the search box as ordinary text, never as an error', () => {
    const hostile = [
      '"',
      '""',
      '"fox',
      'fox"',
      '*',
      'fox*',
      '-fox',
      'NOT fox',
      'fox OR lighthouse',
      'fox AND',
      'NEAR(fox mountains)',
      'NEAR(',
      'prompt:fox',
      '{prompt}: fox',
      '^fox',
      '(fox',
      "fox'; DROP TABLE generations; --",
      '\\',
      '\u0000fox',
    ];
    for (const text of hostile) {
      expect(() => lib.store.query({ text }), text).not.toThrow();
    }
    expect(search('fox OR lighthouse')).toEqual([]);
    expect(search('-fox')).toEqual(['a red fox crossing snowy mountains']);
    expect(search('NEAR(fox mountains)')).toEqual([]);
    expect(search('prompt:fox')).toEqual([]);
    expect(search('"fox')).toEqual(['a red fox crossing snowy mountains']);
    expect(lib.store.query({}).total).toBe(4);
  });

  it('shows everything for text with no words', () => {
    expect(lib.store.query({ text: ' -*" ' }).total).toBe(4);
  });
});
