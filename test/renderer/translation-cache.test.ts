// The remembered answers of the UI's `t` (renderer/i18n/translation-cache.ts) on a real i18next.
import i18next from 'i18next';
import { beforeEach, describe, expect, it } from 'vitest';
import { cachedTranslation, forgetTranslations } from '../../renderer/i18n/translation-cache';

const i18n = i18next.createInstance();

beforeEach(async () => {
  forgetTranslations();
  await i18n.init({
    lng: 'en',
    fallbackLng: 'en',
    interpolation: { escapeValue: false },
    resources: {
      en: { translation: { hello: 'Hello', count_one: '{{count}} video', count_other: '{{count}} videos' } },
      ru: { translation: { hello: 'Привет' } },
    },
  });
});

describe('cachedTranslation', () => {
  it('answers like i18next, plurals and interpolation included', () => {
    expect(cachedTranslation(i18n, 'hello')).toBe('Hello');
    expect(cachedTranslation(i18n, 'count', { count: 1 })).toBe('1 video');
    expect(cachedTranslation(i18n, 'count', { count: 3 })).toBe('3 videos');
    expect(cachedTranslation(i18n, 'count', { count: 1 })).toBe('1 video');
  });

  it('keeps answers per language', async () => {
    expect(cachedTranslation(i18n, 'hello')).toBe('Hello');
    await i18n.changeLanguage('ru');
    expect(cachedTranslation(i18n, 'hello')).toBe('Привет');
    await i18n.changeLanguage('en');
    expect(cachedTranslation(i18n, 'hello')).toBe('Hello');
  });

  it('sees strings added later once told to forget (as loading a part of the strings does)', () => {
    expect(cachedTranslation(i18n, 'later')).toBe('later'); // the missing key, remembered
    i18n.addResourceBundle('en', 'translation', { later: 'Arrived' }, true, true);
    forgetTranslations();
    expect(cachedTranslation(i18n, 'later')).toBe('Arrived');
  });

  it('does not remember calls whose options are objects (their answer may depend on them)', () => {
    i18n.addResourceBundle('en', 'translation', { who: 'by {{person.name}}' }, true, true);
    expect(cachedTranslation(i18n, 'who', { person: { name: 'Ann' } })).toBe('by Ann');
    expect(cachedTranslation(i18n, 'who', { person: { name: 'Bob' } })).toBe('by Bob');
  });
});
