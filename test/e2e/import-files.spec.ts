// Files reach main beside the contract, never inside it (issue 8): in the browser host an MP4
// chosen or dropped in the Library, and an image dropped on Generate, are PUT to the host's upload
// route and then named by an upload id. A file over its limit is refused in the page, with the
// limit, before anything is sent.
import { readFileSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { IMPORT_STAGING_FOLDER } from '../../main/core/library/import';
import { halvesPng } from '../helpers/images';
import { expect, openView, test } from './fixtures';

const MEDIA = join(import.meta.dirname, '..', 'fixtures', 'media');

/** Every request the page made to the upload route, and every socket frame it sent. */
function watchTraffic(page: Page) {
  const uploads: string[] = [];
  const frames: number[] = [];
  page.on('request', (request) => {
    if (new URL(request.url()).pathname === '/upload') uploads.push(request.url());
  });
  page.on('websocket', (socket) =>
    socket.on('framesent', (frame) => frames.push(String(frame.payload).length)),
  );
  return { uploads, frames };
}

async function dropOn(
  page: Page,
  selector: string,
  files: { name: string; type: string; base64?: string; size?: number }[],
) {
  const dataTransfer = await page.evaluateHandle((items) => {
    const transfer = new DataTransfer();
    for (const item of items) {
      const bytes = item.base64
        ? Uint8Array.from(atob(item.base64), (char) => char.charCodeAt(0))
        : new Uint8Array(item.size ?? 0);
      transfer.items.add(new File([bytes], item.name, { type: item.type }));
    }
    return transfer;
  }, files);
  await page.locator(selector).dispatchEvent('drop', { dataTransfer });
}

test('an MP4 chosen, and one dropped, in the Library arrive by upload under their own names', async ({
  studio: page,
  host,
}) => {
  const traffic = watchTraffic(page);
  await openView(page, 'library');
  await page.getByLabel('Choose MP4 files to import').setInputFiles({
    name: 'seagull cove.mp4',
    mimeType: 'video/mp4',
    buffer: readFileSync(join(MEDIA, 'clip-faststart.mp4')),
  });
  await expect(page.getByText('1 video imported')).toBeVisible();
  await dropOn(page, '.library', [
    {
      name: 'lantern walk.mp4',
      type: 'video/mp4',
      base64: readFileSync(join(MEDIA, 'clip-moov-at-end.mp4')).toString('base64'),
    },
  ]);
  const titleOf = (word: string) => host.core.library().query({ text: word }).items[0]?.params.prompt;
  await expect.poll(() => titleOf('lantern'), { timeout: 20_000 }).toBe('lantern walk');
  expect(titleOf('seagull')).toBe('seagull cove');
  expect(traffic.uploads).toHaveLength(2);
  // The calls that named the uploads were small: no file bytes went through the socket.
  expect(Math.max(...traffic.frames)).toBeLessThan(2000);
  // Each upload's temp file is removed once its import is done (just after the row appears).
  await expect.poll(() => readdir(join(host.core.library().root, IMPORT_STAGING_FOLDER))).toEqual([]);
});

test('an image dropped on Generate arrives by upload; one over the limit is refused before sending', async ({
  studio: page,
}) => {
  const traffic = watchTraffic(page);
  await page.getByRole('radio', { name: 'Image to video' }).check();
  await expect(page.getByTestId('image-drop')).toContainText('Files up to 45 MB each.');
  await dropOn(page, '[data-testid="image-drop"]', [
    { name: 'tide pool.png', type: 'image/png', base64: (await halvesPng(120, 90)).toString('base64') },
  ]);
  await expect(page.getByTestId('image-facts')).toContainText('PNG · 120×90');
  expect(traffic.uploads).toHaveLength(1);

  await dropOn(page, '[data-testid="image-drop"]', [
    { name: 'poster.png', type: 'image/png', size: 46 * 1024 * 1024 },
  ]);
  await expect(page.getByTestId('image-problem')).toContainText('46 MB is over the limit of 45 MB');
  expect(traffic.uploads).toHaveLength(1);
  expect(Math.max(...traffic.frames)).toBeLessThan(2000);
});
