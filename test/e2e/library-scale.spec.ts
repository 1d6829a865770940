// The library stays usable at 100 000 items: the grid keeps a bounded number of cards in the
// DOM however far you scroll, fetches pages as you go, and the page keeps answering.
import { join } from 'node:path';
import { expect, openView, test } from './fixtures';

const COUNT = 100_000;
test.use({ hostConfig: { seedSynthetic: COUNT } });

test('100 000 items: bounded DOM, responsive while scrolling far', async ({ studio: page }) => {
  // Generous on a loaded two-core machine (CI); the flings run inside the page and the pages far
  // above the view are skipped (library.skip), so the body takes seconds, not minutes.
  test.slow();
  await openView(page, 'library');
  await page.getByRole('button', { name: 'Filters' }).click();
  await page.getByTestId('library-filters').getByLabel('State').selectOption('any');
  await expect(page.locator('.library-count')).toHaveText('100,000 videos');
  const grid = page.getByTestId('library-grid');
  await expect(page.getByTestId('library-card').first()).toBeVisible();

  // Forty flings of about a hundred rows each, as a user dragging the scrollbar would do; the
  // cards are counted once the grid has rendered each position (two frames later), not after a
  // fixed wait, so a loaded machine measures the same thing, only more slowly. All in one call
  // into the page: forty round trips from the test driver took most of this test's time.
  const counts = await grid.evaluate(async (element) => {
    const frame = () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
    const seen: number[] = [];
    for (let step = 0; step < 40; step++) {
      element.scrollTop += 25_000;
      await frame();
      seen.push(document.querySelectorAll('.card').length);
    }
    return seen;
  });
  const scrollTop = await grid.evaluate((element) => element.scrollTop);
  expect(scrollTop).toBeGreaterThan(500_000);
  expect(Math.max(...counts)).toBeLessThan(300);
  expect(await page.evaluate(() => document.getElementsByTagName('*').length)).toBeLessThan(5_000);

  // The rows at this depth fill in with real cards (the pages above skipped by cursor, in order,
  // and these fetched by theirs).
  const fillStarted = Date.now();
  await expect(page.getByTestId('library-card').first()).toBeVisible({ timeout: 60_000 });
  await expect(page.locator('.card-skeleton')).toHaveCount(0, { timeout: 60_000 });
  const firstIndex = await page.locator('.card-hit').first().getAttribute('data-index');
  test.info().annotations.push({
    type: 'scale',
    description: `scrolled to ${scrollTop}px (item ≈ ${firstIndex}); max cards in DOM ${Math.max(...counts)}; filled in ${Date.now() - fillStarted} ms`,
  });
  await page.screenshot({
    path: join(import.meta.dirname, '..', '..', 'artifacts', 'screenshots', 'library-100k-deep.png'),
  });

  // Responsive: a frame is painted promptly, and the UI still reacts to input.
  const frameMs = await page.evaluate(
    () =>
      new Promise<number>((resolve) => {
        const start = performance.now();
        requestAnimationFrame(() => resolve(performance.now() - start));
      }),
  );
  expect(frameMs).toBeLessThan(250);
  // A card fully inside the grid's view: the first card in the DOM is an overscan row above it, and
  // scrolling that into view is a jump of more than a screen, which the grid answers with
  // placeholders (a fling), detaching the card; the click then chased it upward for minutes.
  const inView = await grid.evaluate((element) => {
    const view = element.getBoundingClientRect();
    const card = [...element.querySelectorAll<HTMLElement>('.card-hit')].find((hit) => {
      const box = hit.getBoundingClientRect();
      return box.top >= view.top && box.bottom <= view.bottom;
    });
    return card?.dataset.index ?? null;
  });
  expect(inView, 'a whole card is in view').not.toBeNull();
  await grid.locator(`.card-hit[data-index="${inView}"]`).click();
  await expect(page.getByTestId('detail-panel')).toBeVisible();
});
