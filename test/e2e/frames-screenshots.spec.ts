// Frames in light and dark, English and Russian, for review: a card mid-scrub, the viewer with
// "Use this frame" and "Continue from last frame", and the lineage section of a clip with a
// continuation and a clip made from one of its frames. Saved as frames-<what>-<theme>-<lang>.png.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserHost } from '../../main/host/browser-host';
import { applySettings, expect, openView, TEXT_TO_VIDEO, test } from './fixtures';
import { screenVariant } from './screen-variants';

const OUT = join(import.meta.dirname, '..', '..', 'artifacts', 'screenshots');

async function done(
  host: BrowserHost,
  prompt: string,
  lineage?: { kind: 'continues' | 'frame_of'; parentId: string; frameMs: number },
) {
  const [created] = await host.core.api.generations.create({
    params: { ...TEXT_TO_VIDEO, prompt },
    count: 1,
    seedMode: 'random',
    projectId: null,
    ...(lineage ? { lineage } : {}),
  });
  const id = created?.id ?? '';
  await expect
    .poll(async () => (await host.core.api.generations.get({ id }))?.state, { timeout: 60_000 })
    .toBe('done');
  return id;
}

let parentId = '';

test.beforeAll(async ({ host }) => {
  parentId = await done(host, 'Lanterns drifting over a dusk harbour, slow push in');
  await done(host, 'The lanterns rise into the clouds', { kind: 'continues', parentId, frameMs: 4960 });
  await done(host, 'A single lantern close up, flame flickering', {
    kind: 'frame_of',
    parentId,
    frameMs: 2520,
  });
});

for (const theme of ['light', 'dark'] as const) {
  for (const lang of ['en', 'ru'] as const) {
    // CI takes two of the four (light/en, dark/ru); E2E_SCREENSHOTS=all takes every one.
    if (!screenVariant(theme, lang)) continue;
    test(`frames in ${theme} / ${lang}`, async ({ studio: page, host }) => {
      mkdirSync(OUT, { recursive: true });
      await applySettings(host, { theme, language: lang });
      await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
      await openView(page, 'library');
      const card = page.locator(`[data-testid="library-card"][data-id="${parentId}"]`);
      await expect
        .poll(
          async () => (await host.core.api.generations.get({ id: parentId }))?.video?.stripRelPath ?? null,
          {
            timeout: 30_000,
          },
        )
        .not.toBeNull();
      await page.reload();
      await openView(page, 'library');
      const box = await card.locator('.card-hit').boundingBox();
      if (!box) throw new Error('card not laid out');
      await page.mouse.move(box.x + box.width * 0.62, box.y + box.height * 0.3);
      await expect(card.getByTestId('card-scrub')).toHaveAttribute('data-frame', '6');
      await page.evaluate(() => document.fonts.ready);
      await page.screenshot({ path: join(OUT, `frames-scrub-${theme}-${lang}.png`) });

      await card.locator('.card-hit').click();
      const lineage = page.getByTestId('detail-panel').getByTestId('lineage');
      await expect(lineage.getByTestId('lineage-entry')).toHaveCount(2);
      await lineage.scrollIntoViewIfNeeded();
      await page.mouse.move(0, 0);
      await page.screenshot({ path: join(OUT, `frames-lineage-${theme}-${lang}.png`) });

      await page.getByTestId('detail-panel').getByTestId('continue-last-frame').waitFor();
      await card.locator('.card-hit').dblclick();
      const viewer = page.getByTestId('viewer');
      await expect(viewer.getByTestId('use-this-frame')).toBeVisible();
      await viewer.focus();
      await page.keyboard.press(',');
      await viewer.getByRole('slider').fill('2.5');
      await page.screenshot({ path: join(OUT, `frames-viewer-${theme}-${lang}.png`) });
      await page.keyboard.press('Escape');
      await openView(page, 'generate');
    });
  }
}
