// The main path through the studio, in demo mode: write a prompt with a fixed seed, watch it in
// the queue, play the video from the library, find it by a word of its prompt, and remix it.
import { GENERATION_STATES } from '../../shared/domain/states';
import { expect, openView, test } from './fixtures';

// An unusual word, so the search can only find this one video.
const WORD = 'zephyrquartz';
const PROMPT = `A lighthouse beam sweeping over ${WORD} waves at night, slow push in`;
const SEED = '424242';

test('generate → queue → library → play → search → remix', async ({ studio: page }) => {
  await expect(page.getByTestId('demo-banner')).toContainText('Demo mode');

  await page.getByTestId('prompt').fill(PROMPT);
  await page.getByRole('radio', { name: 'Fixed' }).check();
  await page.getByTestId('seed').fill(SEED);
  await expect(page.getByTestId('cost')).toContainText('$0.40');
  await page.getByTestId('seed').press('Control+Enter');
  await expect(page.getByText('1 generation queued')).toBeVisible();

  await openView(page, 'queue');
  const active = page.getByTestId('queue-active').getByTestId('queue-item').filter({ hasText: WORD });
  await expect(active).toBeVisible();
  await expect(active.locator('.pill')).toBeVisible();

  const finished = page.getByTestId('queue-recent').getByTestId('recent-item').filter({ hasText: WORD });
  await expect(finished).toContainText('Done', { timeout: 60_000 });
  await finished.getByRole('button', { name: 'Open in library' }).click();

  const player = page.getByTestId('detail-panel').getByTestId('player');
  await expect(player).toBeVisible();
  await player.evaluate((video: HTMLVideoElement) => {
    video.muted = true;
    return video.play();
  });
  await expect
    .poll(() => player.evaluate((video: HTMLVideoElement) => video.currentTime))
    .toBeGreaterThan(0.2);
  await expect(page.getByTestId('detail-panel')).toContainText(SEED);

  await page.getByTestId('library-search').fill(WORD);
  await expect(page.locator('.library-count')).toHaveText('1 video');
  const cards = page.getByTestId('library-card');
  await expect(cards).toHaveCount(1);
  await expect(cards.first()).toContainText('lighthouse');

  await cards.first().locator('.card-hit').click();
  await page.getByTestId('detail-panel').getByRole('button', { name: 'Remix' }).click();
  await expect(page.getByTestId('nav-generate')).toHaveAttribute('aria-current', 'page');
  await expect(page.getByTestId('prompt')).toHaveValue(PROMPT);
  await expect(page.getByRole('radio', { name: 'Fixed' })).toBeChecked();
  await expect(page.getByTestId('seed')).toHaveValue(SEED);

  // The remix says where it comes from, is recorded with what is sent, and is then forgotten.
  const note = page.getByTestId('lineage-note');
  await expect(note).toContainText(`Remix of “${PROMPT}”`);
  await page.screenshot({ path: 'artifacts/screenshots/generate-lineage-note-light-en.png' });
  await page.getByRole('radio', { name: 'Random' }).check(); // the same seed would be a duplicate
  await page.getByTestId('prompt').press('Control+Enter');
  await expect(note).toHaveCount(0);
});

test('a double click on Generate sends once, also while the form check is still loading', async ({
  studio: page,
  host,
}) => {
  const word = 'quillbrook';
  // The form's checks arrive a second late (a slow start): both clicks land before they do.
  await page.route('**/assets/field-errors-*.js', async (route) => {
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    await route.continue();
  });
  await page.reload();
  await page.getByTestId('prompt').fill(`A ${word} meadow at noon, bees, slow push in`);
  await page.locator('.submit-button').dblclick();
  await expect(page.getByText('1 generation queued')).toBeVisible();
  await page.waitForTimeout(500); // a second send, if any, would have been made by now
  const sent = await host.core.api.library.query({ text: word, states: [...GENERATION_STATES], limit: 10 });
  expect(sent.total).toBe(1);
});
