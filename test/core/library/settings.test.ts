import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { libraryContext } from '../../../main/core/library/library';
import { kindOf, type TestLibrary, tempLibrary } from './library-fixture';

let lib: TestLibrary;
beforeEach(() => {
  lib = tempLibrary();
});
afterEach(() => lib.cleanup());

describe('settings', () => {
  it('round-trips JSON values of every shape', () => {
    const values: [string, unknown][] = [
      ['notifications', true],
      ['downloadConcurrency', 3],
      ['theme', 'dark'],
      ['lastProject', null],
      ['recentFolders', ['/a', '/b']],
      ['defaults', { resolution: '1080p', duration: 10, nested: { list: [1, 2] } }],
    ];
    for (const [key, value] of values) lib.store.setSetting(key, value);
    for (const [key, value] of values) expect(lib.store.getSetting(key)).toEqual(value);
    expect(lib.store.getSetting('never-set')).toBeUndefined();
  });

  it('overwrites, and removes a setting set to undefined', () => {
    lib.store.setSetting('theme', 'dark');
    lib.store.setSetting('theme', 'light');
    expect(lib.store.getSetting('theme')).toBe('light');
    lib.store.setSetting('theme', undefined);
    expect(lib.store.getSetting('theme')).toBeUndefined();
  });

  it('refuses keys that look like secrets: the API key lives in the keychain only', () => {
    for (const key of ['apiKey', 'apixo_api_key', 'API-KEY', 'clientSecret', 'password']) {
      expect(
        kindOf(() => lib.store.setSetting(key, 'sk-123')),
        key,
      ).toBe('invalid_request');
    }
    const stored = libraryContext(lib.store).db.prepare('SELECT count(*) FROM settings').pluck().get();
    expect(stored).toBe(0);
  });

  it('refuses values that are not JSON and empty keys', () => {
    expect(kindOf(() => lib.store.setSetting('fn', () => 1))).toBe('invalid_request');
    expect(kindOf(() => lib.store.setSetting('big', 10n))).toBe('invalid_request');
    expect(kindOf(() => lib.store.setSetting('', 1))).toBe('invalid_request');
  });

  it('ignores a stored value that is not JSON (hand-edited database) instead of crashing', () => {
    libraryContext(lib.store)
      .db.prepare(`INSERT INTO settings (key, value, updated_at) VALUES ('broken', '{oops', 0)`)
      .run();
    expect(lib.store.getSetting('broken')).toBeUndefined();
    expect(lib.warnings.some((warning) => warning.includes('broken'))).toBe(true);
  });
});
