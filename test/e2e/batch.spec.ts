// The batch builder in the real UI against the real core (demo mode): a template with a grid
// sweep previewed with its count and total, the confirmation above the threshold, the result grid
// filling in as videos finish, a CSV with bad rows held until the user skips them, and the watch
// folder settings; screenshots in light and dark, English and Russian.
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { applySettings, expect, test } from './fixtures';
import { screenVariant } from './screen-variants';

const OUT = join(import.meta.dirname, '..', '..', 'artifacts', 'screenshots');

async function shot(page: Page, name: string): Promise<void> {
  mkdirSync(OUT, { recursive: true });
  await page.evaluate(() => document.fonts.ready);
  await page.waitForTimeout(300);
  await page.screenshot({ path: join(OUT, name) });
}

async function openBatch(page: Page): Promise<void> {
  await page.getByTestId('nav-batch').click();
  await expect(page.getByTestId('nav-batch')).toHaveAttribute('aria-current', 'page');
}

const CSV = [
  'prompt,resolution,duration,aspect_ratio,seed,tags',
  'a paper boat on a puddle,720p,5,16:9,3,rain',
  'a ship,4k,5,,,',
  'a tram in fog,720p,7,,,',
  'a kite over dunes,720p,5,1:1,,',
].join('\n');

test.describe.configure({ mode: 'serial' });

// The user's confirmation threshold (Settings → Spending caps): totals above $5 ask first.
test.beforeEach(async ({ host }) => {
  await host.core.api.budget.update({ confirmAboveUsd: 5 });
});

test('a template grid is previewed with its count and total, then sent and shown as a grid', async ({
  studio: page,
}) => {
  await openBatch(page);
  await page.getByTestId('batch-template').fill('A {subject} under {neon|paper} lanterns');
  await page.getByTestId('batch-variable-subject').fill('heron\nbicycle');
  await expect(page.getByTestId('batch-preview')).toContainText('Preview: 2 videos');
  await page.getByTestId('batch-seeds').fill('1, 2');
  await page.getByTestId('batch-resolutions').getByText('1080p').click();
  // 2 prompts × 2 seeds × 2 resolutions: 4 × $0.40 + 4 × $0.65
  await expect(page.getByTestId('batch-preview')).toContainText('Preview: 8 videos');
  await expect(page.getByTestId('batch-total')).toContainText('$4.20');
  const prompts = await page.locator('.batch-preview-prompt').allTextContents();
  expect(prompts.every((prompt) => /^A (heron|bicycle) under (neon|paper) lanterns$/.test(prompt))).toBe(
    true,
  );

  // 10 s too: 16 videos, $12.60, above the threshold → a confirmation first; cancelling sends nothing.
  await page.getByTestId('batch-durations').getByText('10 s').click();
  await expect(page.getByTestId('batch-total')).toContainText('$12.60');
  await page.getByTestId('batch-send').click();
  await expect(page.getByRole('dialog')).toContainText('16 videos will cost about $12.60');
  await page.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByTestId('batch-results')).toHaveCount(0);

  await page.getByTestId('batch-durations').getByText('10 s').click();
  await page.getByTestId('batch-send').click();
  await expect(page.getByTestId('batch-cell')).toHaveCount(8);
  await expect(page.locator('.batch-grid-head').first()).toHaveText('seed 1 · 720p · 5 s · 16:9');
  await expect(page.locator('[data-testid="batch-cell"][data-state="done"]')).toHaveCount(8, {
    timeout: 60_000,
  });
  await expect(page.getByTestId('batch-results')).toContainText('8 of 8 done');
  await expect(page.locator('.batch-cell-media img').first()).toBeVisible();

  // The finished batch opens side by side, on one transport, as a library batch does.
  await page.getByRole('button', { name: 'Compare finished (8)' }).click();
  const compare = page.getByRole('dialog', { name: 'Comparing 8 videos' });
  await expect(compare.getByTestId('compare-video')).toHaveCount(8);
  await page.keyboard.press('Escape');
  await expect(compare).toHaveCount(0);
});

test('a template batch goes to the chosen project', async ({ studio: page, host }) => {
  const project = await host.core.api.projects.create({ name: 'Lanterns' });
  await page.reload();
  await openBatch(page);
  await page.getByTestId('batch-template').fill('A {subject} at night');
  await page.getByTestId('batch-variable-subject').fill('heron');
  await page.getByTestId('batch-project').selectOption('Lanterns');
  await page.getByTestId('batch-send').click();
  await expect(page.getByTestId('batch-cell')).toHaveCount(1);
  await expect
    .poll(async () =>
      (await host.core.api.library.query({ projectId: project.id })).items.map((item) => item.params.prompt),
    )
    .toEqual(['A heron at night']);
});

test('a CSV with bad rows lists them by line and sends nothing until they are skipped', async ({
  studio: page,
  host,
}) => {
  await openBatch(page);
  await page.getByRole('radio', { name: 'CSV or JSONL file' }).check({ force: true });
  await page
    .getByTestId('batch-file')
    .setInputFiles({ name: 'shots.csv', mimeType: 'text/csv', buffer: Buffer.from(CSV) });
  await expect(page.getByTestId('batch-file-summary')).toHaveText('shots.csv: 2 good rows, 2 with problems');
  await expect(page.getByTestId('batch-problems')).toContainText('Line 3:');
  await expect(page.getByTestId('batch-problems')).toContainText(
    'Line 4: duration: Duration must be 5 or 10 seconds',
  );
  await expect(page.getByTestId('batch-send')).toBeDisabled();
  const before = (await host.core.api.library.query({ limit: 500 })).total;
  await page.getByText('Skip the bad rows').click();
  await expect(page.getByTestId('batch-send')).toBeEnabled();
  await page.getByTestId('batch-send').click();
  await expect(page.getByTestId('batch-cell')).toHaveCount(2);
  await expect.poll(async () => (await host.core.api.library.query({ limit: 500 })).total).toBe(before + 2);
});

for (const theme of ['light', 'dark'] as const) {
  for (const lang of ['en', 'ru'] as const) {
    // CI takes two of the four (light/en, dark/ru); E2E_SCREENSHOTS=all takes every one.
    if (!screenVariant(theme, lang)) continue;
    test(`batch builder screenshots in ${theme} / ${lang}`, async ({ studio: page, host }) => {
      await applySettings(host, { theme, language: lang });
      await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
      await openBatch(page);
      await page.getByTestId('batch-seeds').fill('7, 8');
      await page.getByTestId('batch-resolutions').locator('label').nth(1).click();
      await shot(page, `batch-${theme}-${lang}.png`);

      await page.getByTestId('batch-durations').locator('label').nth(1).click();
      await page.getByTestId('batch-send').click();
      await expect(page.getByRole('dialog')).toBeVisible();
      await shot(page, `batch-confirm-${theme}-${lang}.png`);
      await page.getByTestId('batch-confirm').click();
      await expect(page.getByTestId('batch-cell')).toHaveCount(16);
      await expect(page.locator('[data-testid="batch-cell"][data-state="done"]')).toHaveCount(16, {
        timeout: 80_000,
      });
      await page.getByTestId('batch-results').scrollIntoViewIfNeeded();
      await shot(page, `batch-results-${theme}-${lang}.png`);

      await page.locator('input[type="radio"]').nth(1).check({ force: true });
      await page
        .getByTestId('batch-file')
        .setInputFiles({ name: 'shots.csv', mimeType: 'text/csv', buffer: Buffer.from(CSV) });
      await expect(page.getByTestId('batch-problems')).toBeVisible();
      await shot(page, `batch-file-${theme}-${lang}.png`);

      await applySettings(host, {
        watchFolders: [
          {
            folder: mkdtempSync(join(tmpdir(), 'wan-watch-shot-')),
            projectId: null,
            enabled: true,
            preset: {
              prompt: 'Slow turntable, soft light',
              resolution: '720p',
              duration: 5,
              promptExpansion: true,
              provider: 'auto',
            },
          },
        ],
      });
      await page.getByTestId('nav-settings').click();
      await page.getByTestId('watch-folders').scrollIntoViewIfNeeded();
      await expect(page.getByTestId('watch-folder')).toHaveCount(1);
      await shot(page, `settings-watch-${theme}-${lang}.png`);
      await applySettings(host, { watchFolders: [] });
    });
  }
}
