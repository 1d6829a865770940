// react-i18next's useTranslation, with a `t` that remembers what it answered. i18next's own `t`
// copies its whole options object on every call (and its key parsing on top): a 100k library's
// first grid made ~3 000 calls that cost 100 ms of the first paint. Here a call with no options, or
// options that are only strings, numbers and booleans (counts, names), is looked up once per
// language and then answered from a Map; the Map is emptied whenever strings are added or the
// language changes (translation-cache.ts), so a later chunk of strings is never hidden by it.
import { useMemo } from 'react';
import { useTranslation as useI18nextTranslation } from 'react-i18next';
import i18n from './index';
import { cachedTranslation } from './translation-cache';

type Translation = ReturnType<typeof useI18nextTranslation>;

export function useTranslation(): Translation {
  const translation = useI18nextTranslation();
  const uncached = translation.t;
  // A new function when the language changes (uncached changes then), as react-i18next's is.
  // biome-ignore lint/correctness/useExhaustiveDependencies: `uncached` stands for the language
  const t = useMemo(
    () =>
      ((key: unknown, options?: unknown) =>
        cachedTranslation(i18n, key, options)) as unknown as typeof uncached,
    [uncached],
  );
  return useMemo(
    () =>
      Object.assign([t, translation.i18n, translation.ready], {
        t,
        i18n: translation.i18n,
        ready: translation.ready,
      }) as Translation,
    [t, translation.i18n, translation.ready],
  );
}
