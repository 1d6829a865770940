// The Generate form survives a reload (and so a restart: main keeps the draft on disk): prompt,
// negative prompt, seed and the other settings come back as they were left.
import { expect, openView, test } from './fixtures';

test('the Generate draft survives a reload', async ({ studio: page, host }) => {
  await openView(page, 'generate');
  await page.getByTestId('prompt').fill('a lantern drifting down a night river');
  await page.getByLabel('Negative prompt').fill('blurry, text');
  await page.getByRole('radio', { name: 'Fixed' }).check();
  await page.getByTestId('seed').fill('4242');
  await page.getByRole('radio', { name: /^1080p/ }).check();
  await expect
    .poll(async () => (await host.core.api.drafts.get())?.prompt)
    .toBe('a lantern drifting down a night river');

  await page.reload();
  await expect(page.getByTestId('prompt')).toHaveValue('a lantern drifting down a night river');
  await expect(page.getByLabel('Negative prompt')).toHaveValue('blurry, text');
  await expect(page.getByTestId('seed')).toHaveValue('4242');
  await expect(page.getByRole('radio', { name: /^1080p/ })).toBeChecked();
});
