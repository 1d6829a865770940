// i18next with both languages bundled (a desktop app has no reason to fetch them). The language
// follows the setting, or the OS/browser language when the setting is 'system'.
import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { Settings } from '../../shared/contract/contract';
import en from './en.json';
import ru from './ru.json';

export const LANGUAGES = ['en', 'ru'] as const;
export type Language = (typeof LANGUAGES)[number];

export function resolveLanguage(setting: Settings['language'] | undefined): Language {
  if (setting === 'en' || setting === 'ru') return setting;
  const preferred = navigator.languages?.length ? navigator.languages : [navigator.language];
  for (const tag of preferred) {
    const base = tag.toLowerCase().split('-')[0];
    if (base === 'ru' || base === 'en') return base;
  }
  return 'en';
}

void i18n.use(initReactI18next).init({
  resources: { en: { translation: en }, ru: { translation: ru } },
  lng: resolveLanguage(undefined),
  fallbackLng: 'en',
  interpolation: { escapeValue: false },
  returnNull: false,
});

export function applyLanguage(setting: Settings['language'] | undefined): void {
  const language = resolveLanguage(setting);
  if (i18n.language !== language) void i18n.changeLanguage(language);
  document.documentElement.lang = language;
}

export default i18n;
