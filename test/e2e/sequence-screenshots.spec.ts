// The sequence editor and the export dialog in light and dark, English and Russian, for review:
// sequence-editor-<theme>-<lang>.png and sequence-export-<theme>-<lang>.png.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { applySettings, expect, openProject, TEXT_TO_VIDEO, test, waitForDone } from './fixtures';
import { screenVariant } from './screen-variants';

const OUT = join(import.meta.dirname, '..', '..', 'artifacts', 'screenshots');

test.use({ hostConfig: { demoBalanceUsd: 997 } });
test.describe.configure({ mode: 'serial' });

const SHOTS = [
  ['Harbour at dawn, fishing boats leave in the mist', '16:9'],
  ['The boats pass the lighthouse, gulls overhead', '16:9'],
  ['A gull lands on the pier, close-up', '9:16'],
] as const;

test.beforeAll(async ({ host }) => {
  const api = host.core.api;
  const project = await api.projects.create({ name: 'Harbour film' });
  for (const [prompt, aspectRatio] of SHOTS) {
    await api.generations.create({
      params: { ...TEXT_TO_VIDEO, prompt, aspectRatio },
      count: 1,
      seedMode: 'random',
      projectId: project.id,
    });
  }
  await waitForDone(host, SHOTS.length, 90_000);
  const ids = host.core
    .library()
    .query({ projectId: project.id, sort: 'created_asc' })
    .items.map((item) => item.id);
  const sequence = await api.sequences.create({
    name: 'Harbour morning',
    projectId: project.id,
    generationIds: ids,
  });
  await api.sequences.setClips({
    id: sequence.id,
    clips: ids.map((generationId, index) => ({ generationId, inMs: index * 500, outMs: 4000 - index * 500 })),
  });
});

for (const theme of ['light', 'dark'] as const) {
  for (const lang of ['en', 'ru'] as const) {
    // CI takes two of the four (light/en, dark/ru); E2E_SCREENSHOTS=all takes every one.
    if (!screenVariant(theme, lang)) continue;
    test(`sequence editor and export dialog in ${theme} / ${lang}`, async ({ studio: page, host }) => {
      mkdirSync(OUT, { recursive: true });
      await applySettings(host, { theme, language: lang });
      await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
      // The library makes the posters the clip cards show.
      await openProject(page, 'Harbour film').catch(() => {});
      await expect(page.locator('[data-testid="library-card"] img')).toHaveCount(3, { timeout: 30_000 });
      await page.getByTestId('nav-sequences').click();
      await page.getByTestId('sequence-list').getByRole('button').first().click();
      await expect(page.getByTestId('sequence-clip')).toHaveCount(3);
      await expect(page.locator('[data-testid="sequence-clip"] img')).toHaveCount(3);
      await page.evaluate(() => document.fonts.ready);
      await page.screenshot({ path: join(OUT, `sequence-editor-${theme}-${lang}.png`) });

      await page.locator('.sequence-actions .btn-primary').click();
      await expect(page.getByTestId('export-mismatch')).toBeVisible();
      await page.screenshot({ path: join(OUT, `sequence-export-${theme}-${lang}.png`) });
      await page.keyboard.press('Escape');
    });
  }
}
