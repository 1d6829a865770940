// Two states only a long library or a remix reaches, in both themes and languages for review
// (artifacts/screenshots/<name>-<theme>-<lang>.png): the selection bar when a Shift+click range
// passes the 1 000 one bulk call takes, and Generate's note of where a remix comes from.
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { applySettings, expect, openView, test } from './fixtures';
import { screenVariant } from './screen-variants';

const OUT = join(import.meta.dirname, '..', '..', 'artifacts', 'screenshots');
test.use({ hostConfig: { seedSynthetic: 1_200 } });
test.describe.configure({ mode: 'serial' });

async function shot(page: Page, name: string): Promise<void> {
  await page.evaluate(() => document.fonts.ready);
  await page.screenshot({ path: join(OUT, name) });
}

for (const theme of ['light', 'dark'] as const) {
  for (const lang of ['en', 'ru'] as const) {
    if (!screenVariant(theme, lang)) continue;
    test(`a selection stopped at 1 000, and a remix's note, in ${theme} / ${lang}`, async ({
      studio: page,
      host,
    }) => {
      await applySettings(host, { theme, language: lang });
      await expect(page.locator('html')).toHaveAttribute('lang', lang);
      await openView(page, 'library');
      await page.locator('[aria-controls="library-filters"]').click();
      await page
        .getByTestId('library-filters')
        .getByLabel(lang === 'en' ? 'State' : 'Состояние')
        .selectOption('any');
      const cards = page.getByTestId('library-card');
      await cards.first().locator('.card-hit').click();
      // Down to the last row, so every record of the range is loaded, then Shift+click the last.
      const grid = page.getByTestId('library-grid');
      await expect(async () => {
        await grid.evaluate((element) => {
          element.scrollTop = element.scrollHeight;
        });
        await expect(page.locator('.card-hit[data-index="1199"]')).toBeVisible({ timeout: 1_000 });
      }).toPass({ timeout: 30_000 });
      await page.locator('.card-hit[data-index="1199"]').click({ modifiers: ['Shift'] });
      const bar = page.getByTestId('bulk-bar');
      await expect(bar.getByTestId('bulk-at-limit')).toContainText(lang === 'en' ? '1,000' : '1 000');
      // The count in the UI language's digits, as the line under it says the limit.
      await expect(bar.locator('.bulk-count')).toHaveText(
        lang === 'en' ? '1,000 selected' : /^Выбрано: 1\s000$/,
      );
      await shot(page, `library-selection-limit-${theme}-${lang}.png`);

      await page.keyboard.press('Escape');
      await page.locator('.card-hit[data-index="1199"]').click();
      await page
        .getByTestId('detail-panel')
        .getByRole('button', { name: lang === 'en' ? 'Remix' : 'Ремикс' })
        .click();
      await expect(page.getByTestId('lineage-note')).toBeVisible();
      await shot(page, `generate-lineage-note-${theme}-${lang}.png`);
    });
  }
}
