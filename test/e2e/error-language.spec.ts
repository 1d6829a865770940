// In Russian, a failure is said in Russian: the core's English sentence is never a line of its own,
// only behind "Технические подробности". Screenshots of the queue error (light/dark, en/ru) go to
// artifacts/screenshots/queue-error-<theme>-<lang>.png.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { expect, openView, test } from './fixtures';

const OUT = join(import.meta.dirname, '..', '..', 'artifacts', 'screenshots');

test.use({ hostConfig: { demoBalanceUsd: 0 } });

test('a failed generation in Russian keeps the English detail behind a disclosure', async ({
  studio: page,
  host,
}) => {
  await page.getByTestId('prompt').fill('A paper boat sailing down a rain gutter, low angle');
  await page.getByTestId('submit').click();
  await openView(page, 'queue');
  const error = page.getByTestId('generation-error').first();
  await expect(error).toContainText('Insufficient credits', { timeout: 30_000 });
  const english = (await error.textContent()) ?? '';

  await host.core.api.settings.update({ language: 'ru' });
  await expect(error).toContainText('Недостаточно средств');
  await expect(error).toContainText('Пополните баланс APIXO');
  const details = error.getByRole('group').or(error.locator('details'));
  await expect(details.getByText('Технические подробности')).toBeVisible();
  // Folded: the English sentence is in the page but not shown.
  const detailLine = details.locator('span[lang="en"]');
  await expect(detailLine).toBeHidden();
  await details.getByText('Технические подробности').click();
  await expect(detailLine).toBeVisible();
  expect(english).toContain((await detailLine.textContent())?.slice(0, 20) ?? '∅');

  mkdirSync(OUT, { recursive: true });
  for (const language of ['en', 'ru'] as const) {
    for (const theme of ['light', 'dark'] as const) {
      await host.core.api.settings.update({ language, theme });
      await expect(page.locator('html')).toHaveAttribute('lang', language);
      await page.evaluate(() => document.fonts.ready);
      await page.screenshot({ path: join(OUT, `queue-error-${theme}-${language}.png`) });
    }
  }
});

test('settings: the hosting fields, light/dark and en/ru', async ({ studio: page, host }) => {
  mkdirSync(OUT, { recursive: true });
  await openView(page, 'settings');
  for (const language of ['en', 'ru'] as const) {
    for (const theme of ['light', 'dark'] as const) {
      await host.core.api.settings.update({ language, theme });
      await expect(page.locator('html')).toHaveAttribute('lang', language);
      await page
        .locator('section[aria-labelledby="settings-hosting"]')
        .screenshot({ path: join(OUT, `settings-hosting-${theme}-${language}.png`) });
    }
  }
});
