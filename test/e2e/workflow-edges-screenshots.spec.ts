// The workflow edges in light and dark, English and Russian, for review: a toast beside the
// Generate button, the queue's "Clear list", an image link that is not a link, a relative path in
// the folder prompt, "Show in folder" in the browser, and the library's date filters.
// Saved as edges-<what>-<theme>-<lang>.png.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { addFinishedVideo } from '../helpers/library-videos';
import { applySettings, expect, openView, queueGenerations, test, waitForDone } from './fixtures';
import { screenVariant } from './screen-variants';

const OUT = join(import.meta.dirname, '..', '..', 'artifacts', 'screenshots');

test.use({ hostConfig: { demoBalanceUsd: 997 } });

for (const theme of ['light', 'dark'] as const) {
  for (const lang of ['en', 'ru'] as const) {
    // CI takes two of the four (light/en, dark/ru); E2E_SCREENSHOTS=all takes every one.
    if (!screenVariant(theme, lang)) continue;
    test(`workflow edges in ${theme} / ${lang}`, async ({ studio: page, host }) => {
      mkdirSync(OUT, { recursive: true });
      const shot = async (what: string) => {
        await page.evaluate(() => document.fonts.ready);
        await page.screenshot({ path: join(OUT, `edges-${what}-${theme}-${lang}.png`) });
      };
      await page.setViewportSize({ width: 1280, height: 800 });
      await applySettings(host, { theme, language: lang, recentClearedAt: 0 });
      await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
      const done = host.core.library().query({ states: ['done'], limit: 1 }).total;
      await queueGenerations(host, [`Paper boats on a canal (${theme}, ${lang})`]);
      await waitForDone(host, done + 1);
      addFinishedVideo(host.core.library(), `A lantern over a river at night (${theme}, ${lang})`);

      await openView(page, 'generate');
      await page.getByTestId('prompt').fill('Gulls over a harbour at dawn, slow pan');
      await page.getByTestId('submit').click();
      const toast = page.getByTestId('toast').first();
      await toast.hover();
      await shot('toast');

      const mode = (en: string, ru: string) => page.getByRole('radio', { name: lang === 'ru' ? ru : en });
      await mode('Image to video', 'Изображение в видео').click();
      await page.getByTestId('image-url').fill('ftp://files.example.com/still.jpg');
      await page.getByTestId('image-url').press('Enter');
      await expect(page.getByTestId('image-url')).toHaveAttribute('aria-invalid', 'true');
      await shot('link');
      await page.getByTestId('image-url').fill('');
      await mode('Text to video', 'Текст в видео').click();

      await openView(page, 'queue');
      await expect(page.getByTestId('queue-recent')).toBeVisible();
      await shot('queue');

      await openView(page, 'library');
      await page.getByTestId('library-card').first().locator('.card-hit').click();
      const panel = page.getByTestId('detail-panel');
      const action = (en: string, ru: string) => panel.getByRole('button', { name: lang === 'ru' ? ru : en });
      await action('Show in folder', 'Показать в папке').click();
      await expect(page.getByTestId('file-location-path')).toBeVisible();
      await shot('show-in-folder');
      await page.keyboard.press('Escape');

      await action('Export…', 'Экспорт…').click();
      await page.getByTestId('folder-input').fill('exports/today');
      await page.getByTestId('folder-input').press('Enter');
      await expect(page.getByTestId('folder-input')).toHaveAttribute('aria-invalid', 'true');
      await shot('relative-path');
      await page.keyboard.press('Escape');

      await page.getByRole('button', { name: lang === 'ru' ? 'Фильтры' : 'Filters' }).click();
      await page.getByTestId('filter-from').fill('31.02.2026');
      await page.getByTestId('filter-from').press('Enter');
      await page.getByTestId('filter-to').fill(lang === 'ru' ? '31.12.2026' : '12/31/2026');
      await page.getByTestId('filter-to').press('Enter');
      await shot('dates');
      await page.getByTestId('filter-from').fill('');
      await page.getByTestId('filter-from').press('Enter');
      await page.getByTestId('filter-to').fill('');
      await page.getByTestId('filter-to').press('Enter');
    });
  }
}
