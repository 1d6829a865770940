// The library under live updates: a video finishing while you are scrolled down does not move
// what you are looking at (a "new videos" pill offers it instead), and delete has an Undo that
// puts the video back where it was.
import { copyFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, openView, test } from './fixtures';

test.use({ hostConfig: { seedSynthetic: 400 } });

const WORD = 'quillmoss';

test('a new video does not move a scrolled grid; the pill brings it in on top', async ({
  studio: page,
  host,
}) => {
  await openView(page, 'library');
  const grid = page.getByTestId('library-grid');
  await expect(page.getByTestId('library-card').first()).toBeVisible();
  await grid.evaluate((element) => {
    element.scrollTop = 2400;
  });
  await page.waitForTimeout(300);
  const anchorBefore = await page.locator('.card-hit').first().getAttribute('data-index');
  const idBefore = await page.getByTestId('library-card').first().getAttribute('data-id');

  // A video arriving (here an import: it lands on top at once, like a finished generation).
  const source = join(mkdtempSync(join(tmpdir(), 'wan-live-')), `${WORD}.mp4`);
  copyFileSync(join(import.meta.dirname, '..', 'fixtures', 'media', 'clip-faststart.mp4'), source);
  const imported = await host.core.api.library.importPaths({ paths: [source] });
  expect(imported.imported).toBe(1);
  await expect(page.locator('.new-pill')).toHaveText('1 new video', { timeout: 20_000 });
  expect(await grid.evaluate((element) => element.scrollTop)).toBe(2400);
  expect(await page.locator('.card-hit').first().getAttribute('data-index')).toBe(anchorBefore);
  expect(await page.getByTestId('library-card').first().getAttribute('data-id')).toBe(idBefore);

  await page.locator('.new-pill').click();
  await expect.poll(() => grid.evaluate((element) => element.scrollTop)).toBe(0);
  const newest = host.core.library().query({ states: ['done'], limit: 1 }).items[0];
  await expect(page.getByTestId('library-card').first()).toHaveAttribute('data-id', newest?.id ?? '');
});

test('delete moves to the trash and Undo puts the video back in place', async ({ studio: page }) => {
  await openView(page, 'library');
  const count = page.locator('.library-count');
  await expect(page.getByTestId('library-card').nth(2)).toBeVisible();
  const before = await count.textContent();
  const third = page.getByTestId('library-card').nth(2);
  const id = await third.getAttribute('data-id');
  await third.locator('.card-hit').click();
  await page.getByTestId('detail-panel').getByRole('button', { name: 'Delete' }).click();

  await expect(page.locator(`[data-id="${id}"]`)).toHaveCount(0);
  await expect(count).not.toHaveText(before ?? '');
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(page.getByTestId('library-card').nth(2)).toHaveAttribute('data-id', id ?? '');
  await expect(count).toHaveText(before ?? '');
});
