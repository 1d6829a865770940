// Frames, end to end in the browser host against the demo simulator: posters and hover-scrub
// strips made in the background, "Continue from last frame" and "Use this frame" (the reference
// image the simulator receives is compared with the parent's own frames, decoded by Debian's
// ffmpeg), the lineage panel both ways, and what a black or broken video gets instead.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import sharp from 'sharp';
import { absolutePath } from '../../main/core/library/paths';
import type { BrowserHost } from '../../main/host/browser-host';
import { isBlankFrame } from '../../renderer/lib/blank-frame';
import { STRIP_FRAMES } from '../../shared/domain/frames';
import { closestFrame, imageFrame, meanAbsDiff, videoFrames } from '../helpers/frame-pixels';
import { addFinishedVideo } from '../helpers/library-videos';
import { S3_CREDENTIALS, startS3, type TestS3 } from '../helpers/s3-server';
import { expect, openView, TEXT_TO_VIDEO, test } from './fixtures';

test.use({ hostConfig: { demoBalanceUsd: 997 } });

let s3: TestS3;
test.beforeAll(async () => {
  s3 = await startS3();
});
test.afterAll(async () => {
  await s3.close();
});

/** The demo clip every 16:9 generation gets: 480×270, 25 fps, 5 s. */
const WIDTH = 480;
const HEIGHT = 270;
const FPS = 25;
/** Frames are compared 48×27 (box-averaged by 10). */
const FACTOR = 10;

async function generateDone(host: BrowserHost, prompt: string): Promise<string> {
  const [created] = await host.core.api.generations.create({
    params: { ...TEXT_TO_VIDEO, prompt, aspectRatio: '16:9', negativePrompt: 'blurry, text' },
    count: 1,
    seedMode: 'random',
    projectId: null,
  });
  const id = created?.id ?? '';
  await expect
    .poll(async () => (await host.core.api.generations.get({ id }))?.state, { timeout: 60_000 })
    .toBe('done');
  return id;
}

/** Opens the details of the card found by `word` (the one with `id` when several match). */
async function openCard(page: Page, word: string, id?: string): Promise<void> {
  await openView(page, 'library');
  await page.getByTestId('library-search').fill(word);
  const card = id
    ? page.locator(`[data-testid="library-card"][data-id="${id}"]`)
    : page.getByTestId('library-card');
  await expect(card).toHaveCount(1);
  await card.locator('.card-hit').click();
  await expect(page.getByTestId('detail-panel')).toBeVisible();
}

/** Sends what Generate holds once its image is ready; returns the new generation's id. */
async function sendAndWait(page: Page, host: BrowserHost, prompt: string): Promise<string> {
  await expect(page.getByTestId('image-card').getByTestId('image-ready')).toBeVisible({ timeout: 20_000 });
  const before = new Set(
    host.core
      .library()
      .query({ text: prompt.split(' ')[0] ?? '' })
      .items.map((r) => r.id),
  );
  await page.getByTestId('submit').click();
  await expect(page.getByText('1 generation queued')).toBeVisible();
  let childId = '';
  await expect
    .poll(
      () => {
        const items = host.core.library().query({ text: prompt.split(' ')[0] ?? '', states: ['done'] }).items;
        childId = items.find((item) => !before.has(item.id))?.id ?? '';
        return childId;
      },
      { timeout: 60_000 },
    )
    .not.toBe('');
  return childId;
}

/** The image the simulator fetched: the hosted link the child was sent with. */
async function sentImage(host: BrowserHost, id: string): Promise<Uint8Array> {
  const record = await host.core.api.generations.get({ id });
  const url = record?.params.imageUrl ?? '';
  expect(url).toContain(s3.url);
  return new Uint8Array(await (await fetch(url)).arrayBuffer());
}

/** Frames go to the test S3 server, where the spec reads back what the simulator fetched. */
async function useTestHosting(host: BrowserHost): Promise<void> {
  await host.core.api.settings.update({ imageHosting: s3.settings() });
  await host.core.api.hosting.setCredentials({ ...S3_CREDENTIALS, where: 'session' });
}

test('a clip continues from its sharpest last frame, another starts from a middle frame, and the lineage shows both ways', async ({
  studio: page,
  host,
}) => {
  test.setTimeout(180_000);
  await useTestHosting(host);
  const parentPrompt = 'quillharbour lanterns over the water, slow drift';
  const parentId = await generateDone(host, parentPrompt);
  const parent = await host.core.api.generations.get({ id: parentId });
  const parentFile = absolutePath(host.core.library().root, parent?.video?.relPath ?? '');
  const frames = videoFrames(parentFile, WIDTH, HEIGHT, FACTOR);
  expect(frames).toHaveLength(5 * FPS);

  // Continue from last frame: Generate opens in image-to-video with the frame, the prompt, a new seed.
  await openCard(page, 'quillharbour');
  await page.getByTestId('detail-panel').getByTestId('continue-last-frame').click();
  await expect(page.getByTestId('nav-generate')).toHaveAttribute('aria-current', 'page');
  await expect(page.getByRole('radio', { name: 'Image to video' })).toBeChecked();
  await expect(page.getByTestId('prompt')).toHaveValue(parentPrompt);
  await expect(page.getByTestId('image-card').getByTestId('image-facts')).toContainText(
    `PNG · ${WIDTH}×${HEIGHT}`,
  );
  const continuationId = await sendAndWait(page, host, parentPrompt);

  const continuation = await host.core.api.generations.get({ id: continuationId });
  expect(continuation?.params.mode).toBe('image-to-video');
  expect(continuation?.params.negativePrompt).toBe('blurry, text');
  expect(continuation?.params.seed).not.toBe(parent?.params.seed);
  const up = await host.core.api.library.lineage({ id: continuationId });
  expect(up.parents).toMatchObject([{ kind: 'continues', generationId: parentId }]);
  const frameMs = up.parents[0]?.frameMs ?? -1;
  expect(frameMs).toBeGreaterThanOrEqual(4500);

  // The image the simulator received is one of the parent's last frames: the one recorded.
  const received = await imageFrame(await sentImage(host, continuationId), FACTOR);
  const match = closestFrame(frames, received);
  expect(match.index).toBeGreaterThanOrEqual(5 * FPS - FPS / 2 - 1);
  expect(Math.abs(match.index - Math.round(frameMs / (1000 / FPS)))).toBeLessThanOrEqual(1);
  // WebCodecs and ffmpeg convert YUV to RGB a little differently (a steady offset of a few levels);
  // neighbouring frames differ by less, so the index above is what pins the frame down.
  expect(match.diff).toBeLessThan(6);
  expect(meanAbsDiff(frames[0] ?? received, received)).toBeGreaterThan(20);

  // Use this frame: the viewer on the parent, at 2.5 s, one frame on.
  await openCard(page, 'quillharbour', parentId);
  await page.getByTestId('detail-panel').getByRole('button', { name: 'View', exact: true }).click();
  const viewer = page.getByTestId('viewer');
  await expect(page.getByTestId('viewer-video')).toHaveAttribute('data-frame-rate', String(FPS));
  await page.getByRole('checkbox', { name: 'Loop' }).uncheck();
  await viewer.focus();
  await page.keyboard.press(','); // pauses the autoplaying viewer
  await expect
    .poll(() => page.getByTestId('viewer-video').evaluate((video: HTMLVideoElement) => video.paused))
    .toBe(true);
  await viewer.getByLabel('Position').fill('2.5');
  await viewer.focus();
  await page.keyboard.press('.');
  await expect
    .poll(() => page.getByTestId('viewer-video').evaluate((video: HTMLVideoElement) => video.currentTime))
    .toBeCloseTo(2.54, 2);
  await viewer.getByTestId('use-this-frame').click();
  await expect(page.getByTestId('nav-generate')).toHaveAttribute('aria-current', 'page');
  const frameOfId = await sendAndWait(page, host, parentPrompt);
  const frameOf = await host.core.api.library.lineage({ id: frameOfId });
  expect(frameOf.parents).toMatchObject([{ kind: 'frame_of', generationId: parentId, frameMs: 2520 }]);
  const middle = closestFrame(frames, await imageFrame(await sentImage(host, frameOfId), FACTOR));
  expect(Math.abs(middle.index - 63)).toBeLessThanOrEqual(1);
  expect(middle.diff).toBeLessThan(6);

  // The parent's lineage lists both children; each opens, and leads back.
  await openView(page, 'library');
  await page.getByTestId('library-search').fill('');
  const parentCard = page.locator(`[data-testid="library-card"][data-id="${parentId}"] .card-hit`);
  await parentCard.click();
  const lineage = page.getByTestId('detail-panel').getByTestId('lineage');
  await expect(lineage.locator('[data-direction="child"]')).toHaveCount(2);
  await expect(lineage.locator('[data-kind="frame_of"]')).toContainText('0:02.520');
  await lineage.locator(`[data-kind="continues"] [data-testid="lineage-open"]`).click();
  const childLineage = page.getByTestId('detail-panel').getByTestId('lineage');
  await expect(childLineage.locator('[data-direction="parent"]')).toContainText('Continues');
  await expect(page.getByTestId('library-card').and(page.locator('.is-selected'))).toHaveAttribute(
    'data-id',
    continuationId,
  );
  await childLineage.getByTestId('lineage-open').click();
  await expect(page.getByTestId('library-card').and(page.locator('.is-selected'))).toHaveAttribute(
    'data-id',
    parentId,
  );
});

test('each card gets a poster and a strip made once; moving across it scrubs through the frames', async ({
  studio: page,
  host,
}) => {
  const id = await generateDone(host, 'zephyrmoor plasma scrub');
  await openView(page, 'library');
  await page.getByTestId('library-search').fill('zephyrmoor');
  const card = page.getByTestId('library-card');
  await expect(card).toHaveCount(1);
  await expect
    .poll(async () => (await host.core.api.generations.get({ id }))?.video?.stripRelPath ?? null, {
      timeout: 30_000,
    })
    .not.toBeNull();

  // The stored strip: STRIP_FRAMES frames side by side, none of them blank.
  const record = await host.core.api.generations.get({ id });
  const sprite = readFileSync(absolutePath(host.core.library().root, record?.video?.stripRelPath ?? ''));
  const { data, info } = await sharp(sprite).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
  expect(info.width % STRIP_FRAMES).toBe(0);
  const tile = info.width / STRIP_FRAMES;
  for (let index = 0; index < STRIP_FRAMES; index++) {
    const pixels = new Uint8Array(tile * info.height * 4);
    for (let y = 0; y < info.height; y++)
      pixels.set(
        data.subarray((y * info.width + index * tile) * 4, (y * info.width + (index + 1) * tile) * 4),
        y * tile * 4,
      );
    expect(isBlankFrame(pixels), `strip frame ${index}`).toBe(false);
  }

  const hit = card.locator('.card-hit');
  const box = await hit.boundingBox();
  if (!box) throw new Error('card not laid out');
  await page.mouse.move(box.x + box.width * 0.05, box.y + box.height * 0.3);
  const scrub = card.getByTestId('card-scrub');
  await expect(scrub).toHaveAttribute('data-frame', '0');
  const left = await scrub.evaluate((element) => getComputedStyle(element).backgroundPositionX);
  await page.mouse.move(box.x + box.width * 0.95, box.y + box.height * 0.3);
  await expect(scrub).toHaveAttribute('data-frame', String(STRIP_FRAMES - 1));
  const right = await scrub.evaluate((element) => getComputedStyle(element).backgroundPositionX);
  expect(left).toBe('0%');
  expect(right).toBe('100%');
  await page.mouse.move(0, 0);
  await expect(scrub).toHaveCount(0);

  // "Regenerate thumbnail" makes both again, in place.
  const stripPath = absolutePath(host.core.library().root, record?.video?.stripRelPath ?? '');
  const posterPath = absolutePath(host.core.library().root, record?.video?.posterRelPath ?? '');
  const before = { strip: statSync(stripPath).mtimeMs, poster: statSync(posterPath).mtimeMs };
  await hit.click();
  await page.getByTestId('detail-panel').getByRole('button', { name: 'Regenerate thumbnail' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Thumbnail regenerated' })).toBeVisible();
  expect(statSync(stripPath).mtimeMs).toBeGreaterThan(before.strip);
  expect(statSync(posterPath).mtimeMs).toBeGreaterThan(before.poster);
});

test('a black video gets no poster or strip, and "Use this frame" on it says the frame is blank', async ({
  studio: page,
  host,
}) => {
  const dir = mkdtempSync(join(tmpdir(), 'wan-black-'));
  const black = join(dir, 'black.mp4');
  execFileSync('ffmpeg', [
    '-v',
    'error',
    '-f',
    'lavfi',
    '-i',
    'color=c=black:s=320x180:r=25:d=2',
    '-c:v',
    'libx264',
    '-pix_fmt',
    'yuv420p',
    black,
  ]);
  const library = host.core.library();
  const id = addFinishedVideo(library, 'obsidianveil night', {
    file: black,
    width: 320,
    height: 180,
    durationMs: 2000,
  });
  await page.reload();
  await openCard(page, 'obsidianveil');
  await page.getByTestId('detail-panel').getByRole('button', { name: 'View', exact: true }).click();
  await page.getByTestId('viewer').getByTestId('use-this-frame').click();
  await expect(page.getByRole('alert').filter({ hasText: 'That frame is blank' })).toBeVisible();
  await expect(page.getByTestId('nav-library')).toHaveAttribute('aria-current', 'page');
  // The background capture found nothing to keep either.
  const video = (await host.core.api.generations.get({ id }))?.video;
  expect(video?.posterRelPath ?? null).toBeNull();
  expect(video?.stripRelPath ?? null).toBeNull();
});

test('a truncated or empty MP4 cannot be continued, and says why', async ({ studio: page, host }) => {
  const dir = mkdtempSync(join(tmpdir(), 'wan-broken-'));
  const clip = readFileSync(join(import.meta.dirname, '..', '..', 'main', 'demo', 'media', 'clip-16x9.mp4'));
  const truncated = join(dir, 'truncated.mp4');
  writeFileSync(truncated, clip.subarray(0, 600));
  const empty = join(dir, 'empty.mp4');
  writeFileSync(empty, '');
  const library = host.core.library();
  addFinishedVideo(library, 'brokenquay cut short', { file: truncated });
  addFinishedVideo(library, 'hollowquay nothing', { file: empty });
  await page.reload();
  for (const word of ['brokenquay', 'hollowquay']) {
    await openCard(page, word);
    await page.getByTestId('detail-panel').getByTestId('continue-last-frame').click();
    await expect(
      page
        .getByRole('status')
        .or(page.getByRole('alert'))
        .filter({ hasText: /cannot be read|no frames/ })
        .first(),
    ).toBeVisible();
    await expect(page.getByTestId('nav-library')).toHaveAttribute('aria-current', 'page');
    await page.getByTestId('library-search').fill('');
  }
});

test('a sequence continues its last shot: the continuation, once sent, is its next clip', async ({
  studio: page,
  host,
}) => {
  test.setTimeout(180_000);
  await useTestHosting(host);
  const prompt = 'tidewhistle cliffs at dawn, slow pan';
  const shotId = await generateDone(host, prompt);
  const sequence = await host.core.api.sequences.create({
    name: 'Tidewhistle film',
    generationIds: [shotId],
  });
  await page.reload();
  await page.getByTestId('nav-sequences').click();
  await page.getByRole('button', { name: /Tidewhistle film/ }).click();
  await page.getByRole('button', { name: 'Continue the last shot' }).click();
  await expect(page.getByTestId('nav-generate')).toHaveAttribute('aria-current', 'page');
  const childId = await sendAndWait(page, host, prompt);
  await expect
    .poll(async () =>
      (await host.core.api.sequences.get({ id: sequence.id })).clips.map((clip) => clip.generationId),
    )
    .toEqual([shotId, childId]);
  const lineage = await host.core.api.library.lineage({ id: childId });
  expect(lineage.parents).toMatchObject([{ kind: 'continues', generationId: shotId }]);
  // The shot now ends right after the frame the continuation starts from, not at its own end.
  const frameMs = lineage.parents[0]?.frameMs ?? -1;
  expect(frameMs).toBeGreaterThan(0);
  const shotOut = async () =>
    (await host.core.api.sequences.get({ id: sequence.id })).clips[0]?.outMs ?? null;
  await expect.poll(shotOut).not.toBeNull();
  expect(await shotOut()).toBeGreaterThan(frameMs);
  expect(await shotOut()).toBeLessThan(frameMs + 100);
});
