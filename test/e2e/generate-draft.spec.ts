// The Generate form survives a reload (and so a restart: main keeps the drafts on disk): prompt,
// negative prompt, seed and the other settings come back as they were left, and text-to-video and
// image-to-video each keep their own draft, images included.
import { halvesPng } from '../helpers/images';
import { dropFiles } from './drop-files';
import { expect, openView, test } from './fixtures';

test('the Generate draft survives a reload', async ({ studio: page, host }) => {
  await openView(page, 'generate');
  await page.getByTestId('prompt').fill('a lantern drifting down a night river');
  await page.getByLabel('Negative prompt').fill('blurry, text');
  await page.getByRole('radio', { name: 'Fixed' }).check();
  await page.getByTestId('seed').fill('4242');
  await page.getByRole('radio', { name: /^1080p/ }).check();
  await expect
    .poll(async () => (await host.core.api.drafts.get()).drafts['text-to-video']?.prompt)
    .toBe('a lantern drifting down a night river');

  await page.reload();
  await expect(page.getByTestId('prompt')).toHaveValue('a lantern drifting down a night river');
  await expect(page.getByLabel('Negative prompt')).toHaveValue('blurry, text');
  await expect(page.getByTestId('seed')).toHaveValue('4242');
  await expect(page.getByRole('radio', { name: /^1080p/ })).toBeChecked();
});

test('each mode keeps its own draft, images included, across a reload', async ({ studio: page, host }) => {
  await openView(page, 'generate');
  await page.getByTestId('prompt').fill('a paper boat on a puddle');
  await page.getByRole('radio', { name: /^1080p/ }).check();

  // The first visit to image-to-video starts from what was typed; from then on it is its own draft.
  await page.getByRole('radio', { name: 'Image to video' }).check();
  await expect(page.getByTestId('prompt')).toHaveValue('a paper boat on a puddle');
  await page.getByTestId('prompt').fill('the boat drifts out of frame');
  await page.getByRole('radio', { name: /^720p/ }).check();
  await dropFiles(page, [{ name: 'boat.png', bytes: await halvesPng(160, 96) }]);
  await expect(page.getByTestId('image-card').getByTestId('image-facts')).toContainText('PNG · 160×96');

  await page.getByRole('radio', { name: 'Text to video' }).check();
  await expect(page.getByTestId('prompt')).toHaveValue('a paper boat on a puddle');
  await expect(page.getByRole('radio', { name: /^1080p/ })).toBeChecked();
  await page.getByRole('radio', { name: 'Image to video' }).check();
  await expect(page.getByTestId('prompt')).toHaveValue('the boat drifts out of frame');
  await expect(page.getByRole('radio', { name: /^720p/ })).toBeChecked();
  await expect
    .poll(async () => (await host.core.api.drafts.get()).drafts['image-to-video']?.references.length)
    .toBe(1);

  await page.reload();
  await expect(page.getByRole('radio', { name: 'Image to video' })).toBeChecked();
  await expect(page.getByTestId('prompt')).toHaveValue('the boat drifts out of frame');
  await expect(page.getByTestId('image-card').getByTestId('image-facts')).toContainText('PNG · 160×96');
  await page.getByRole('radio', { name: 'Text to video' }).check();
  await expect(page.getByTestId('prompt')).toHaveValue('a paper boat on a puddle');
  await expect(page.getByRole('radio', { name: /^1080p/ })).toBeChecked();
});
