// Recent prompts, presets and the segmented controls in light and dark, English and Russian, for
// review: artifacts/screenshots/generate-{history,presets,segmented}-<theme>-<lang>.png
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { applySettings, expect, openView, TEXT_TO_VIDEO, test } from './fixtures';
import { screenVariant } from './screen-variants';
import { settle } from './settle';

const OUT = join(import.meta.dirname, '..', '..', 'artifacts', 'screenshots');

test.beforeAll(async ({ host }) => {
  await host.core.api.prompts.clear();
  for (const prompt of [
    'A serene mountain lake at dawn, mist drifting over the water, slow aerial push in',
    'Neon-lit street in the rain, reflections on wet asphalt, tracking shot',
    'A red fox running through fresh snow in a pine forest, slow motion',
  ])
    await host.core.api.generations.create({
      params: { ...TEXT_TO_VIDEO, prompt, negativePrompt: 'blurry, text' },
      hold: true,
    });
  for (const preset of await host.core.api.presets.list())
    await host.core.api.presets.remove({ id: preset.id });
  const base = {
    model: 'wan-2-5',
    mode: 'text-to-video',
    negativePrompt: '',
    resolution: '1080p',
    duration: 10,
    aspectRatio: '9:16',
    seedMode: 'fixed',
    seed: '4242',
    promptExpansion: true,
    provider: 'auto',
    count: 1,
  } as const;
  await host.core.api.presets.save({ name: 'Vertical 1080p', params: base });
  await host.core.api.presets.save({
    name: 'Quick 720p drafts',
    params: {
      ...base,
      resolution: '720p',
      duration: 5,
      aspectRatio: '16:9',
      seedMode: 'random',
      seed: '',
      count: 4,
    },
  });
});

async function shot(page: Page, name: string): Promise<void> {
  await settle(page);
  await page.screenshot({ path: join(OUT, name) });
}

for (const theme of ['light', 'dark'] as const) {
  for (const lang of ['en', 'ru'] as const) {
    // CI takes two of the four (light/en, dark/ru); E2E_SCREENSHOTS=all takes every one.
    if (!screenVariant(theme, lang)) continue;
    test(`recent prompts, presets and segmented controls in ${theme} / ${lang}`, async ({
      studio: page,
      host,
    }) => {
      mkdirSync(OUT, { recursive: true });
      await applySettings(host, { theme, language: lang });
      await expect(page.locator('html')).toHaveAttribute('lang', lang);
      const suffix = `${theme}-${lang}.png`;
      await openView(page, 'generate');
      await page.getByRole('radio', { name: /^1080p/ }).check();
      await shot(page, `generate-segmented-${suffix}`);

      await page.getByRole('button', { name: lang === 'en' ? 'Recent prompts' : 'Недавние промпты' }).click();
      await expect(page.getByRole('dialog').getByRole('listitem')).toHaveCount(3);
      await shot(page, `generate-history-${suffix}`);
      await page.keyboard.press('Escape');

      await page.getByRole('button', { name: lang === 'en' ? 'Presets' : 'Пресеты' }).click();
      await expect(page.getByRole('dialog').getByRole('listitem')).toHaveCount(2);
      await shot(page, `generate-presets-${suffix}`);
      await page.keyboard.press('Escape');
    });
  }
}
