// Stored hosting credentials belong to the bucket they were entered for: changing the bucket in
// Settings shows them as not set and says why; setting the bucket back brings them back.
import { expect, openView, test } from './fixtures';

const HOSTING = {
  endpoint: 'http://127.0.0.1:9',
  region: '',
  bucket: 'first-bucket',
  prefix: 'wan-studio/',
  pathStyle: true,
  urlLifetimeSeconds: 3600,
  deleteAfterTask: false,
};

test('changing the bucket needs the secret again', async ({ studio: page, host }) => {
  await host.core.api.settings.update({ imageHosting: HOSTING });
  await host.core.api.hosting.setCredentials({
    accessKeyId: 'AKIDBINDING',
    secretAccessKey: 'binding-secret',
    where: 'session',
  });
  await openView(page, 'settings');
  const keys = page.getByTestId('hosting-keys-status');
  await expect(keys).toHaveText('Access key ID and secret are set');

  const bucket = page.getByTestId('hosting-bucket');
  await bucket.fill('other-bucket');
  await bucket.press('Enter');
  await expect(keys).toHaveText('Missing: Access key ID, Secret access key');
  await expect(page.getByTestId('hosting-keys-other-bucket')).toBeVisible();

  await bucket.fill('first-bucket');
  await bucket.press('Enter');
  await expect(keys).toHaveText('Access key ID and secret are set');
  await expect(page.getByTestId('hosting-keys-other-bucket')).toHaveCount(0);
  await host.core.api.hosting.clearCredentials();
});
