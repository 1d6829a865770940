// i18next with the strings loaded in parts: the first paint loads only its own sections of the
// language it shows (renderer/i18n/parts.ts); each view's words come with the views' code, and the
// other language only when it is chosen. The language follows the setting, or the OS/browser
// language when the setting is 'system'.
import i18n from 'i18next';
import type { Settings } from '../../shared/contract/contract';
import type { StringsPart } from './parts';
import { forgetTranslations } from './translation-cache';

export const LANGUAGES = ['en', 'ru'] as const;
export type Language = (typeof LANGUAGES)[number];

type Strings = { default: Record<string, unknown> };
const parts: Record<Language, Record<StringsPart, () => Promise<Strings>>> = {
  en: { shell: () => import('virtual:strings/en/shell'), views: () => import('virtual:strings/en/views') },
  ru: { shell: () => import('virtual:strings/ru/shell'), views: () => import('virtual:strings/ru/views') },
};
const loaded = new Map<string, Promise<void>>();

export function resolveLanguage(setting: Settings['language'] | undefined): Language {
  if (setting === 'en' || setting === 'ru') return setting;
  const preferred = navigator.languages?.length ? navigator.languages : [navigator.language];
  for (const tag of preferred) {
    const base = tag.toLowerCase().split('-')[0];
    if (base === 'ru' || base === 'en') return base;
  }
  return 'en';
}

/** Adds one part of a language's strings, once (a failed load may be tried again). */
function loadPart(language: Language, part: StringsPart): Promise<void> {
  const key = `${language}/${part}`;
  let loading = loaded.get(key);
  if (!loading) {
    loading = parts[language][part]().then(({ default: strings }) => {
      i18n.addResourceBundle(language, 'translation', strings, true, true);
      forgetTranslations();
    });
    loading.catch(() => loaded.delete(key));
    loaded.set(key, loading);
  }
  return loading;
}

/** The shell's strings in the browser's language, before React's first render. */
export async function startI18n(): Promise<void> {
  const language = resolveLanguage(undefined);
  const { default: shell } = await parts[language].shell();
  await i18n.init({
    resources: { [language]: { translation: shell } },
    lng: language,
    fallbackLng: 'en',
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  loaded.set(`${language}/shell`, Promise.resolve());
  document.documentElement.lang = language;
}

/**
 * Every string of the current language, and English (the fallback for a key a translation lacks):
 * what a view needs before it renders. The views' loaders wait for it with their code.
 */
export function loadViewStrings(): Promise<void> {
  const language = (i18n.language as Language) ?? 'en';
  const wanted = [loadPart(language, 'views'), loadPart('en', 'shell'), loadPart('en', 'views')];
  return Promise.all(wanted).then(() => {});
}

export function applyLanguage(setting: Settings['language'] | undefined): void {
  const language = resolveLanguage(setting);
  document.documentElement.lang = language;
  if (i18n.language === language) return;
  // Switch once every string is here, so the UI never shows raw keys in between.
  void Promise.all([loadPart(language, 'shell'), loadPart(language, 'views')])
    .then(() => i18n.changeLanguage(language))
    .then(forgetTranslations);
}

export default i18n;
