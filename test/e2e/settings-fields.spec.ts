// Settings text fields keep their own drafts: a save of one field (whose answer re-renders the
// whole section) never resets what is being typed in another, and two quick saves to the image
// hosting group build on each other instead of the later one undoing the earlier.
import { expect, openView, test } from './fixtures';

test('typing across the image-hosting fields saves every field whole', async ({ studio: page, host }) => {
  await host.core.api.settings.update({
    imageHosting: { ...(await host.core.api.settings.get()).imageHosting, region: '', bucket: '' },
  });
  await openView(page, 'settings');
  const region = page.getByLabel('Region', { exact: true });
  const bucket = page.getByLabel('Bucket', { exact: true });

  await region.click();
  await page.keyboard.type('auto');
  // Tab saves the region and moves on; the bucket is typed while that save is answered.
  await page.keyboard.press('Tab');
  await expect(bucket).toBeFocused();
  await page.keyboard.type('wan-bucket');
  await page.keyboard.press('Enter');

  await expect(region).toHaveValue('auto');
  await expect(bucket).toHaveValue('wan-bucket');
  await expect
    .poll(async () => {
      const { region: savedRegion, bucket: savedBucket } = (await host.core.api.settings.get()).imageHosting;
      return `${savedRegion}|${savedBucket}`;
    })
    .toBe('auto|wan-bucket');

  // Escape puts back the saved value instead of keeping a half-typed one.
  await bucket.fill('typo');
  await bucket.press('Escape');
  await expect(bucket).toHaveValue('wan-bucket');

  await page.reload();
  await openView(page, 'settings');
  await expect(region).toHaveValue('auto');
  await expect(bucket).toHaveValue('wan-bucket');
});

test('a link lifetime out of range is not saved', async ({ studio: page, host }) => {
  await openView(page, 'settings');
  const lifetime = page.getByTestId('hosting-lifetime');
  const before = (await host.core.api.settings.get()).imageHosting.urlLifetimeSeconds;
  await lifetime.fill('100000');
  await lifetime.press('Enter');
  await lifetime.fill('30');
  await lifetime.press('Enter');
  await expect
    .poll(async () => (await host.core.api.settings.get()).imageHosting.urlLifetimeSeconds)
    .toBe(1800);
  expect(before).not.toBe(1800);
});
