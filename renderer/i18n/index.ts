// i18next with each language in its own chunk: the first paint loads only the language it shows
// (the strings are ~40 KB in English, ~70 KB in Russian), the other follows on demand. The language
// follows the setting, or the OS/browser language when the setting is 'system'.
import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { Settings } from '../../shared/contract/contract';

export const LANGUAGES = ['en', 'ru'] as const;
export type Language = (typeof LANGUAGES)[number];

const strings: Record<Language, () => Promise<{ default: Record<string, unknown> }>> = {
  en: () => import('./en.json'),
  ru: () => import('./ru.json'),
};

export function resolveLanguage(setting: Settings['language'] | undefined): Language {
  if (setting === 'en' || setting === 'ru') return setting;
  const preferred = navigator.languages?.length ? navigator.languages : [navigator.language];
  for (const tag of preferred) {
    const base = tag.toLowerCase().split('-')[0];
    if (base === 'ru' || base === 'en') return base;
  }
  return 'en';
}

/** Adds a language's strings once; import() caches the chunk, so a second call is free. */
async function loadStrings(language: Language): Promise<void> {
  if (i18n.hasResourceBundle(language, 'translation')) return;
  const { default: translation } = await strings[language]();
  i18n.addResourceBundle(language, 'translation', translation, true, true);
}

/**
 * Starts i18next in the browser's language with that language's strings loaded; English, the
 * fallback for a key a translation lacks, follows without holding up the first paint.
 */
export async function startI18n(): Promise<void> {
  const language = resolveLanguage(undefined);
  const { default: translation } = await strings[language]();
  await i18n.use(initReactI18next).init({
    resources: { [language]: { translation } },
    lng: language,
    fallbackLng: 'en',
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  document.documentElement.lang = language;
  if (language !== 'en') void loadStrings('en').catch(() => {});
}

export function applyLanguage(setting: Settings['language'] | undefined): void {
  const language = resolveLanguage(setting);
  document.documentElement.lang = language;
  if (i18n.language === language) return;
  // Switch once the strings are here, so the UI never shows raw keys in between.
  void loadStrings(language).then(() => i18n.changeLanguage(language));
}

export default i18n;
