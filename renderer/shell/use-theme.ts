// Light or dark: the setting wins; 'system' follows the OS live (prefers-color-scheme).
import { useEffect } from 'react';
import { applyLanguage } from '../i18n';
import { useSettings } from '../state/settings';

/** Before React renders, so a dark OS never sees a flash of the light theme. */
export function applyInitialTheme(): void {
  document.documentElement.dataset.theme = window.matchMedia('(prefers-color-scheme: dark)').matches
    ? 'dark'
    : 'light';
}

export function useThemeAndLanguage(): void {
  const theme = useSettings((state) => state.settings?.theme ?? 'system');
  const language = useSettings((state) => state.settings?.language);

  useEffect(() => {
    const media = window.matchMedia('(prefers-color-scheme: dark)');
    const apply = () => {
      const resolved = theme === 'system' ? (media.matches ? 'dark' : 'light') : theme;
      document.documentElement.dataset.theme = resolved;
    };
    apply();
    media.addEventListener('change', apply);
    return () => media.removeEventListener('change', apply);
  }, [theme]);

  useEffect(() => {
    applyLanguage(language);
  }, [language]);
}
