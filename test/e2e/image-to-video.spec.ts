// Image-to-video from a file, in the browser host: drop an image on the Generate view, see its
// preview and what main found, submit in demo mode with image hosting pointed at a real
// S3-compatible server on loopback, and find the video with its reference image in the library.
// Dropping several images makes a batch of one video each.
import type { BrowserHost } from '../../main/host/browser-host';
import { startLocalServer } from '../demo/sim-http';
import { halvesPng } from '../helpers/images';
import { S3_CREDENTIALS, startS3, type TestS3 } from '../helpers/s3-server';
import { dropFiles } from './drop-files';
import { expect, openView, test } from './fixtures';

let s3: TestS3;

test.beforeAll(async () => {
  s3 = await startS3();
});
test.afterAll(async () => {
  await s3.close();
});

async function configureHosting(host: BrowserHost): Promise<void> {
  await host.core.api.settings.update({ imageHosting: s3.settings() });
  await host.core.api.hosting.setCredentials({ ...S3_CREDENTIALS, where: 'session' });
}

async function waitForPrompt(host: BrowserHost, word: string, count: number) {
  await expect
    .poll(() => host.core.library().query({ text: word, states: ['done'] }).total, { timeout: 60_000 })
    .toBe(count);
  return host.core.library().query({ text: word }).items;
}

test('drop a file → preview → generate through image hosting → video with its reference in the library', async ({
  studio: page,
  host,
}) => {
  await configureHosting(host);
  const word = 'marigoldquay';
  await page.getByRole('radio', { name: 'Image to video' }).check();
  await dropFiles(page, [{ name: 'harbour.png', bytes: await halvesPng(160, 96) }]);

  const card = page.getByTestId('image-card');
  await expect(card).toHaveCount(1);
  await expect(card.getByTestId('image-ready')).toContainText('uploaded to your image hosting');
  await expect(card.getByTestId('image-facts')).toContainText('PNG · 160×96');
  const preview = card.locator('img');
  await expect(preview).toBeVisible();
  await expect.poll(() => preview.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(160);
  await expect(page.getByTestId('hosting-needed')).toHaveCount(0);

  await page.getByTestId('prompt').fill(`Boats rocking in the ${word} harbour, slow push in`);
  await page.getByTestId('submit').click();
  await expect(page.getByText('1 generation queued')).toBeVisible();

  const [record] = await waitForPrompt(host, word, 1);
  expect(record?.imageSource).toBe('hosted');
  expect(record?.params.imageUrl).toContain(`${s3.url}/wan-refs/wan-studio/`);
  expect(s3.requests.some((request) => request.method === 'PUT')).toBe(true);

  await openView(page, 'library');
  await page.getByTestId('library-search').fill(word);
  await expect(page.getByTestId('library-card')).toHaveCount(1);
  await page.getByTestId('library-card').first().locator('.card-hit').click();
  const reference = page.getByTestId('detail-panel').getByTestId('reference-image').locator('img');
  await expect(reference).toBeVisible();
  await expect.poll(() => reference.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(160);
  await expect(page.getByTestId('detail-panel').getByTestId('player')).toBeVisible();

  // Remix brings the reference image back as an added image, ready without a new upload.
  const uploads = s3.requests.filter((request) => request.method === 'PUT').length;
  await page.getByTestId('detail-panel').getByRole('button', { name: 'Remix' }).click();
  await expect(page.getByTestId('image-card')).toHaveCount(1);
  await expect(page.getByTestId('image-card').getByTestId('image-facts')).toContainText('PNG · 160×96');
  await page.getByTestId('submit').click();
  await expect(page.getByText('1 generation queued')).toBeVisible();
  await waitForPrompt(host, word, 2);
  expect(s3.requests.filter((request) => request.method === 'PUT').length).toBe(uploads);
});

test('an image dragged from a web page is used by its link; a pasted screenshot is added as a file', async ({
  studio: page,
}) => {
  const png = await halvesPng(140, 100);
  const site = await startLocalServer((_req, res) => {
    res.setHeader('content-type', 'image/png');
    res.end(png);
  });
  try {
    await page.getByRole('radio', { name: 'Image to video' }).check();
    const url = `${site.url}/gallery/boat.png`;
    const dataTransfer = await page.evaluateHandle((link) => {
      const transfer = new DataTransfer();
      transfer.setData('text/uri-list', link);
      transfer.setData('text/html', `<img src="${link}" alt="boat">`);
      return transfer;
    }, url);
    await page.getByTestId('image-drop').dispatchEvent('drop', { dataTransfer });
    const card = page.getByTestId('image-card');
    await expect(card.getByTestId('image-ready')).toContainText('APIXO will fetch it from its link');
    await expect(card.getByTestId('image-facts')).toContainText('PNG · 140×100');
    expect(site.requests.map((request) => request.path)).toEqual(['/gallery/boat.png']);

    await page.evaluate((base64) => {
      const transfer = new DataTransfer();
      const bytes = Uint8Array.from(atob(base64), (char) => char.charCodeAt(0));
      transfer.items.add(new File([bytes], 'image.png', { type: 'image/png' }));
      document.body.dispatchEvent(new ClipboardEvent('paste', { clipboardData: transfer, bubbles: true }));
    }, png.toString('base64'));
    await expect(page.getByTestId('image-card')).toHaveCount(2);
    await expect(page.getByTestId('image-card').nth(1).getByTestId('image-ready')).toContainText(
      'uploaded to your image hosting',
    );
  } finally {
    await site.close();
  }
});

test('dropping several images makes a batch, one video per image', async ({ studio: page, host }) => {
  await configureHosting(host);
  const word = 'tidewrenbatch';
  await page.getByRole('radio', { name: 'Image to video' }).check();
  await dropFiles(page, [
    { name: 'left.png', bytes: await halvesPng(120, 120) },
    { name: 'right.png', bytes: await halvesPng(128, 96) },
  ]);
  await expect(page.getByTestId('image-ready')).toHaveCount(2);
  await expect(page.getByText('One video per image: 2 images make a batch')).toBeVisible();
  await expect(page.getByTestId('cost')).toContainText('$0.80');

  await page.getByTestId('prompt').fill(`Waves along the ${word} shore at dawn`);
  await page.getByTestId('submit').click();
  await expect(page.getByText('2 generations queued')).toBeVisible();

  const records = await waitForPrompt(host, word, 2);
  expect(new Set(records.map((record) => record.batchId)).size).toBe(1);
  expect(records[0]?.batchId).toBeTruthy();
  expect(new Set(records.map((record) => record.referenceImagePath)).size).toBe(2);
});

test('a refused file says why, and in demo mode a good one needs no hosting', async ({
  studio: page,
  host,
}) => {
  await host.core.api.hosting.clearCredentials();
  await page.getByRole('radio', { name: 'Image to video' }).check();
  await dropFiles(page, [{ name: 'holiday.jpg', bytes: Buffer.from('%PDF-1.4\n%%EOF\n') }]);
  await expect(page.getByTestId('image-problem')).toContainText(
    '"holiday.jpg" is named like a JPEG image, but its contents are a PDF document',
  );
  await page.getByRole('button', { name: 'Remove holiday.jpg' }).click();

  await dropFiles(page, [{ name: 'fine.png', bytes: await halvesPng(100, 100) }]);
  await expect(page.getByTestId('image-ready')).toBeVisible();
  // Demo mode: the simulator reads the file from this computer, no hosting needed.
  await expect(page.getByTestId('demo-local-images')).toContainText('no image hosting is needed');
  await expect(page.getByTestId('hosting-needed')).toHaveCount(0);

  // (With a real key the same file is refused until hosting is set up: test/service/image-to-video.test.ts.)
});
