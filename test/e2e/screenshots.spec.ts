// Every view in light and dark, English and Russian, saved to artifacts/screenshots/ so a designer
// can review the studio without running it: <view>-<theme>-<lang>.png.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { applySettings, expect, openView, queueGenerations, test, waitForDone } from './fixtures';
import { screenVariant } from './screen-variants';

const OUT = join(import.meta.dirname, '..', '..', 'artifacts', 'screenshots');
const THEMES = ['light', 'dark'] as const;
const LANGUAGES = ['en', 'ru'] as const;

const PROMPTS = [
  'A serene mountain lake at dawn, mist drifting over the water, slow aerial push in',
  'Neon-lit street in the rain, reflections on wet asphalt, tracking shot',
  'A red fox running through fresh snow in a pine forest, slow motion',
  'Macro shot of coffee poured into a glass cup, swirling cream',
  'Hot air balloons rising over a valley at sunrise, orbiting shot',
  'Waves crashing on black volcanic sand at sunset, wide shot',
];

test.describe.configure({ mode: 'serial' });

test.beforeAll(async ({ host }) => {
  await queueGenerations(host, PROMPTS);
  await waitForDone(host, PROMPTS.length, 90_000);
});

async function shot(page: Page, name: string): Promise<void> {
  // Let fonts, posters and transitions settle so the picture is what a person would see.
  await page.evaluate(() => document.fonts.ready);
  await page.waitForTimeout(400);
  await page.screenshot({ path: join(OUT, name) });
}

for (const theme of THEMES) {
  for (const lang of LANGUAGES) {
    // CI takes two of the four (light/en, dark/ru); E2E_SCREENSHOTS=all takes every one.
    if (!screenVariant(theme, lang)) continue;
    test(`views in ${theme} / ${lang}`, async ({ studio: page, host }) => {
      mkdirSync(OUT, { recursive: true });
      await applySettings(host, { theme, language: lang });
      await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
      await expect(page.locator('html')).toHaveAttribute('lang', lang);

      await openView(page, 'generate');
      await page.getByTestId('prompt').fill(PROMPTS[0] ?? '');
      await shot(page, `generate-${theme}-${lang}.png`);

      // Something in flight, so the queue shows progress and not only history.
      await queueGenerations(host, [
        `A paper lantern drifting over a dark river (${theme}, ${lang}), slow pan`,
      ]);
      await openView(page, 'queue');
      await expect(page.getByTestId('queue-item').first()).toBeVisible();
      await shot(page, `queue-${theme}-${lang}.png`);

      await openView(page, 'library');
      await expect(page.getByTestId('library-card').first()).toBeVisible();
      await expect(page.locator('.card-media img').first()).toBeVisible();
      await shot(page, `library-${theme}-${lang}.png`);

      await page.getByTestId('library-card').first().locator('.card-hit').click();
      await expect(page.getByTestId('detail-panel')).toBeVisible();
      await expect
        .poll(() => page.getByTestId('player').evaluate((video: HTMLVideoElement) => video.readyState))
        .toBeGreaterThanOrEqual(2);
      await shot(page, `library-detail-${theme}-${lang}.png`);
      await page.keyboard.press('Escape');

      await openView(page, 'settings');
      await expect(page.getByTestId('key-section')).toBeVisible();
      await shot(page, `settings-${theme}-${lang}.png`);
    });
  }
}
