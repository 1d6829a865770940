// The library-management views in light and dark, English and Russian, for review:
// artifacts/screenshots/<view>-<theme>-<lang>.png (selection bar, viewer, Compare wipe, Trash,
// an imported video's details).
import { copyFileSync, mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { CLIP } from '../helpers/library-videos';
import { applySettings, expect, openView, queueGenerations, test, waitForDone } from './fixtures';
import { screenVariant } from './screen-variants';

const OUT = join(import.meta.dirname, '..', '..', 'artifacts', 'screenshots');
const PROMPTS = [
  'A serene mountain lake at dawn, mist drifting over the water, slow aerial push in',
  'Neon-lit street in the rain, reflections on wet asphalt, tracking shot',
  'A red fox running through fresh snow in a pine forest, slow motion',
  'Hot air balloons rising over a valley at sunrise, orbiting shot',
  'Waves crashing on black volcanic sand at sunset, wide shot',
];

test.use({ hostConfig: { demoBalanceUsd: 997 } });
test.describe.configure({ mode: 'serial' });

test.beforeAll(async ({ host }) => {
  await queueGenerations(host, PROMPTS);
  await waitForDone(host, PROMPTS.length, 90_000);
  const source = join(mkdtempSync(join(tmpdir(), 'wan-shots-')), 'Harbour walk, take 2.mp4');
  copyFileSync(CLIP, source);
  await host.core.api.library.importPaths({ paths: [source] });
});

async function shot(page: Page, name: string): Promise<void> {
  await page.evaluate(() => document.fonts.ready);
  await page.waitForTimeout(400);
  await page.screenshot({ path: join(OUT, name) });
}

for (const theme of ['light', 'dark'] as const) {
  for (const lang of ['en', 'ru'] as const) {
    // CI takes two of the four (light/en, dark/ru); E2E_SCREENSHOTS=all takes every one.
    if (!screenVariant(theme, lang)) continue;
    test(`library management in ${theme} / ${lang}`, async ({ studio: page, host }) => {
      mkdirSync(OUT, { recursive: true });
      await applySettings(host, { theme, language: lang });
      await expect(page.locator('html')).toHaveAttribute('lang', lang);
      const suffix = `${theme}-${lang}.png`;
      await openView(page, 'library');
      const cards = page.getByTestId('library-card');
      await expect(cards.nth(4)).toBeVisible();

      // The imported one is newest: its details.
      await cards.first().locator('.card-hit').click();
      await expect(page.getByTestId('imported-facts')).toBeVisible();
      await shot(page, `library-imported-${suffix}`);

      await cards.nth(1).locator('.card-hit').click();
      await cards
        .nth(3)
        .locator('.card-hit')
        .click({ modifiers: ['Shift'] });
      await expect(page.getByTestId('bulk-bar')).toBeVisible();
      await shot(page, `library-selection-${suffix}`);

      await cards.nth(1).locator('.card-hit').click();
      await cards
        .nth(2)
        .locator('.card-hit')
        .click({ modifiers: ['ControlOrMeta'] });
      await page
        .getByTestId('bulk-bar')
        .getByRole('button', { name: lang === 'en' ? 'Compare' : 'Сравнить', exact: true })
        .click();
      await expect(page.getByTestId('compare')).toBeVisible();
      await shot(page, `compare-${suffix}`);
      await page.getByTestId('compare').locator('.overlay-head button').first().click();
      await expect(page.getByTestId('compare-wipe')).toBeVisible();
      await shot(page, `compare-wipe-${suffix}`);
      await page.keyboard.press('Escape');

      await cards.nth(2).locator('.card-hit').click();
      await cards.nth(2).locator('.card-hit').dblclick();
      await expect(page.getByTestId('viewer')).toBeVisible();
      await page.keyboard.press(',');
      await shot(page, `viewer-${suffix}`);
      await page.keyboard.press('Escape');

      // One video in the trash for the Trash view, then back.
      await cards.nth(4).locator('.card-hit').click();
      await page.keyboard.press('Delete');
      await page.getByTestId('nav-trash').click();
      await expect(page.getByTestId('trash-item').first()).toBeVisible();
      await shot(page, `trash-${suffix}`);
      await page.getByTestId('trash-item').first().getByRole('button').first().click();
      await expect(page.getByTestId('trash-item')).toHaveCount(0);
      await openView(page, 'library');
    });
  }
}
