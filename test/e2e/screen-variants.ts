// Which theme × language screenshots a run takes. Locally (and with E2E_SCREENSHOTS=all) every one
// of the four, to look at; in CI two of them, light/English and dark/Russian, which still render
// both themes and both languages and keep the run inside its time budget.
export function screenVariant(theme: 'light' | 'dark', language: 'en' | 'ru'): boolean {
  if (process.env.E2E_SCREENSHOTS === 'all' || !process.env.CI) return true;
  return (theme === 'light') === (language === 'en');
}
