// The API key in Settings: set it (in the keychain when there is one, otherwise the explicit
// "this session only" choice), see only its last four characters, then remove it.
import { expect, openView, test } from './fixtures';

const KEY = 'sk-e2e-test-key-9f3c';

test('set and remove the API key', async ({ studio: page }) => {
  await openView(page, 'settings');
  const status = page.getByTestId('key-status');
  await expect(status).toHaveText('No API key — demo mode');

  await page.getByTestId('key-input').fill(KEY);
  const sessionOnly = page.getByLabel('Keep the key for this session only');
  if (await sessionOnly.isVisible()) await sessionOnly.check();
  await page.getByRole('button', { name: 'Save key' }).click();

  await expect(status).toHaveText('Key ending in ••••9f3c');
  await expect(page.getByTestId('key-input')).toHaveValue('');
  // The key itself never comes back to the page.
  expect(await page.content()).not.toContain(KEY);

  await page.getByTestId('key-section').getByRole('button', { name: 'Remove' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Remove key' }).click();
  await expect(status).toHaveText('No API key — demo mode');
});
