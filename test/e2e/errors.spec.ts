// A failure the user can act on is shown in words: with an empty simulator balance, a generation
// fails as "Insufficient credits — top up your APIXO balance", not as a code or a stack.
import { expect, openView, test } from './fixtures';

test.use({ hostConfig: { demoBalanceUsd: 0 } });

test('insufficient credits are explained in the queue', async ({ studio: page }) => {
  await page.getByTestId('prompt').fill('A paper boat sailing down a rain gutter, low angle');
  await page.getByTestId('submit').click();
  await expect(page.getByText('1 generation queued')).toBeVisible();

  await openView(page, 'queue');
  const error = page.getByTestId('generation-error').first();
  await expect(error).toContainText('Insufficient credits', { timeout: 30_000 });
  await expect(error).toContainText('Top up your APIXO balance');
  await expect(page.getByRole('button', { name: 'Retry' }).first()).toBeVisible();
});

test('field errors use the words of the limits', async ({ studio: page }) => {
  await page.getByTestId('prompt').fill('x'.repeat(801));
  await page.getByTestId('prompt').blur();
  await expect(page.getByText('Prompt must be at most 800 characters.')).toBeVisible();
  await page.getByRole('radio', { name: 'Image to video' }).check();
  await page.getByTestId('submit').click();
  await expect(
    page.getByText('Image-to-video needs an image: add a file, paste one, or give a public link.'),
  ).toBeVisible();
});
