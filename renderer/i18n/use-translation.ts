// The studio's useTranslation: `t` in the current language, and a re-render when it changes.
//
// Not react-i18next's hook: that one builds a fixed `t`, keeps state and binds its own i18next
// listeners in an effect for every component that calls it, and a 100k library's first grid
// mounts a few hundred such components (each card, each time label): a third of the first
// render's effect time. Here every component shares one language listener through
// useSyncExternalStore, and `t` remembers what it answered: i18next's own `t` copies its whole
// options object on every call (and its key parsing on top); a call with no options, or options
// that are only strings, numbers and booleans (counts, names), is looked up once per language and
// then answered from a Map that is emptied whenever strings are added or the language changes
// (translation-cache.ts), so a later chunk of strings is never hidden by it.
import type { i18n as I18n, TFunction } from 'i18next';
import { useSyncExternalStore } from 'react';
import i18n from './index';
import { cachedTranslation } from './translation-cache';

export interface Translation {
  t: TFunction;
  i18n: I18n;
}

const listeners = new Set<() => void>();
let current = makeTranslation();
let currentLanguage = i18n.language;

function makeTranslation(): Translation {
  // A new `t` per language, so memos and effects that depend on it run again after a change.
  const t = ((key: unknown, options?: unknown) =>
    cachedTranslation(i18n, key, options)) as unknown as TFunction;
  return { t, i18n };
}

function subscribe(listener: () => void): () => void {
  if (listeners.size === 0) i18n.on('languageChanged', onLanguageChanged);
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0) i18n.off('languageChanged', onLanguageChanged);
  };
}

function onLanguageChanged(): void {
  for (const listener of [...listeners]) listener();
}

/** Follows i18n.language itself, so a change made while nobody listened is not missed. */
function snapshot(): Translation {
  if (i18n.language !== currentLanguage) {
    currentLanguage = i18n.language;
    current = makeTranslation();
  }
  return current;
}

export function useTranslation(): Translation {
  return useSyncExternalStore(subscribe, snapshot);
}
