// Looking at videos: the viewer (←/→, frame step with , and ., speed, loop, the detail panel beside
// it, focus back where it was), Compare (one transport for all, A/B wipe for two), the card-size
// slider (two columns at 1024 px with the panel open), and an import that shows what its file is.
import { copyFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { addFinishedVideo, CLIP } from '../helpers/library-videos';
import { expect, openProject, test } from './fixtures';

test.use({ hostConfig: { demoBalanceUsd: 998 } });

const cards = (page: Page) => page.getByTestId('library-card');
const currentTime = (page: Page, testId: string) =>
  page
    .getByTestId(testId)
    .first()
    .evaluate((video: HTMLVideoElement) => video.currentTime);

test('the viewer walks the grid with arrows, steps frames, keeps the panel beside it and gives focus back', async ({
  studio: page,
  host,
}) => {
  const library = host.core.library();
  const project = library.createProject('Viewer walk');
  // Created oldest first: the grid shows newest first.
  for (const word of ['viewer three', 'viewer two', 'viewer one'])
    addFinishedVideo(library, word, { projectId: project.id });
  await page.reload();
  await openProject(page, 'Viewer walk');
  await expect(cards(page)).toHaveCount(3);

  await cards(page).first().locator('.card-hit').click();
  const view = page.getByTestId('detail-panel').getByRole('button', { name: 'View', exact: true });
  await view.click();
  const viewer = page.getByRole('dialog', { name: 'Viewer: viewer one' });
  await expect(viewer).toBeVisible();
  await expect(viewer.getByTestId('detail-panel')).toBeVisible();

  await page.keyboard.press('ArrowRight');
  await expect(page.getByRole('dialog', { name: 'Viewer: viewer two' })).toBeVisible();
  await page.keyboard.press('ArrowLeft');
  await expect(viewer).toBeVisible();

  // Frame step pauses (the viewer autoplays) and then moves one frame at a time, at the file's own
  // rate (the test clip is 10 fps), landing in the middle of each frame.
  await expect(page.getByTestId('viewer-video')).toHaveAttribute('data-frame-rate', '10');
  await page.getByRole('checkbox', { name: 'Loop' }).uncheck();
  await viewer.focus();
  await page.keyboard.press(',');
  await expect
    .poll(() => page.getByTestId('viewer-video').evaluate((video: HTMLVideoElement) => video.paused))
    .toBe(true);
  await viewer.getByLabel('Position').fill('0.25');
  const start = await currentTime(page, 'viewer-video');
  expect(start).toBeCloseTo(0.25, 2);
  await viewer.focus();
  await page.keyboard.press('.');
  await page.keyboard.press('.');
  // 0.25 s is in frame 2 (0.2–0.3 s): two steps on is frame 4, shown from its middle.
  await expect.poll(() => currentTime(page, 'viewer-video')).toBeCloseTo(0.45, 2);
  await page.keyboard.press(',');
  await expect.poll(() => currentTime(page, 'viewer-video')).toBeCloseTo(0.35, 2);
  await viewer.getByLabel('Speed').selectOption('0.5');
  expect(
    await page.getByTestId('viewer-video').evaluate((video: HTMLVideoElement) => video.playbackRate),
  ).toBe(0.5);
  expect(await page.getByTestId('viewer-video').evaluate((video: HTMLVideoElement) => video.loop)).toBe(
    false,
  );

  // Favourite from the panel beside the viewer.
  await viewer.getByRole('button', { name: 'Add to favourites' }).click();
  await expect.poll(() => library.query({ text: 'viewer one' }).items[0]?.favourite).toBe(true);

  await page.keyboard.press('Escape');
  await expect(viewer).toHaveCount(0);
  await expect(view).toBeFocused();
});

test('Compare plays 2 to 4 videos on one transport, with an A/B wipe for two', async ({
  studio: page,
  host,
}) => {
  const library = host.core.library();
  const project = library.createProject('Compare pair');
  for (const word of ['compare left', 'compare right'])
    addFinishedVideo(library, word, { projectId: project.id });
  await page.reload();
  await openProject(page, 'Compare pair');
  await cards(page).nth(0).locator('.card-hit').click();
  await cards(page)
    .nth(1)
    .locator('.card-hit')
    .click({ modifiers: ['ControlOrMeta'] });
  await page.getByRole('region', { name: 'Selection' }).getByRole('button', { name: 'Compare' }).click();

  const compare = page.getByRole('dialog', { name: 'Comparing 2 videos' });
  await expect(compare.getByTestId('compare-video')).toHaveCount(2);
  // Loop stays on: the test clip lasts a second, so playing must not end before it is checked.
  await compare.getByLabel('Position').fill('0.5');
  const times = () =>
    compare
      .getByTestId('compare-video')
      .evaluateAll((videos) => videos.map((v) => (v as HTMLVideoElement).currentTime));
  await expect.poll(times).toEqual([0.5, 0.5]);
  await compare.getByRole('button', { name: 'Next frame (.)' }).click();
  // Compare steps at Wan's 24 fps and lands mid-frame: 0.5 s is frame 12, the next one is shown from 13.5/24 s.
  await expect.poll(async () => (await times()).map((t) => Math.round(t * 1000))).toEqual([563, 563]);

  await compare.getByRole('button', { name: 'Play' }).click();
  await expect
    .poll(() =>
      compare
        .getByTestId('compare-video')
        .evaluateAll((videos) => videos.map((v) => (v as HTMLVideoElement).paused)),
    )
    .toEqual([false, false]);
  await compare.getByRole('button', { name: 'Pause' }).click();

  await compare.getByRole('button', { name: 'A/B wipe' }).click();
  await expect(compare.getByTestId('compare-wipe')).toBeVisible();
  await compare.getByLabel('Wipe position').fill('30');
  await expect(compare.getByLabel(/^B: compare/)).toHaveAttribute('style', /inset\(0px 0px 0px 30%\)/);
  await page.keyboard.press('Escape');
  await expect(compare).toHaveCount(0);
});

test('at 1024 px with the panel open the grid keeps two columns at the smallest card size', async ({
  studio: page,
  host,
}) => {
  const library = host.core.library();
  const project = library.createProject('Density');
  for (const word of ['dense a', 'dense b', 'dense c'])
    addFinishedVideo(library, word, { projectId: project.id });
  await page.setViewportSize({ width: 1024, height: 768 });
  await page.reload();
  await openProject(page, 'Density');
  await cards(page).first().locator('.card-hit').click();
  const slider = page.getByRole('slider', { name: 'Card size' });
  await slider.fill('360');
  const columns = () =>
    page
      .locator('.grid-row')
      .first()
      .evaluate((row) => getComputedStyle(row).gridTemplateColumns.split(' ').length);
  await expect.poll(columns).toBe(2);
  // Each row sits one gap below the one before, whatever the width did to the row height: the
  // grid re-measures its rows when their height changes (the panel opening or closing keeps the
  // column count and changes the card width), not only when the row count does.
  const rowGaps = () =>
    page.locator('.grid-row').evaluateAll((rows) => {
      const boxes = rows.map((row) => row.getBoundingClientRect()).sort((a, b) => a.top - b.top);
      return boxes.slice(1).map((box, index) => Math.round(box.top - (boxes[index]?.bottom ?? 0)));
    });
  await expect.poll(rowGaps).toEqual([16]);
  await page.getByTestId('detail-panel').getByRole('button', { name: 'Close' }).click();
  await expect(page.getByTestId('detail-panel')).toBeHidden();
  await expect.poll(columns).toBe(2);
  await expect.poll(rowGaps).toEqual([16]);
  await slider.focus();
  await page.keyboard.press('Home');
  await expect.poll(columns).toBeGreaterThanOrEqual(2);
});

test('an imported video shows its file name, real length and size, and no generation settings', async ({
  studio: page,
  host,
}) => {
  const source = join(mkdtempSync(join(tmpdir(), 'wan-honest-')), 'Seagull cove take 3.mp4');
  copyFileSync(CLIP, source);
  const project = host.core.library().createProject('Honest import');
  const result = await host.core.api.library.importPaths({ paths: [source] });
  expect(result.imported).toBe(1);
  const item = host.core.library().query({ text: 'seagull' }).items[0];
  expect(item).toMatchObject({ origin: 'imported', sourceName: 'Seagull cove take 3.mp4' });
  await host.core.api.library.setProject({ ids: [item?.id ?? ''], projectId: project.id });
  await page.reload();
  await openProject(page, 'Honest import');

  const card = cards(page).first();
  await expect(card.locator('.card-prompt')).toHaveText('Seagull cove take 3.mp4');
  await expect(card.locator('.card-duration')).toHaveText('1 sec · 36p');
  await card.locator('.card-hit').click();
  const panel = page.getByTestId('detail-panel');
  const facts = panel.getByTestId('imported-facts');
  await expect(facts).toContainText('Seagull cove take 3.mp4');
  await expect(facts).toContainText('1 sec');
  await expect(facts).toContainText('4.1 KB');
  await expect(facts).toContainText('64×36');
  for (const invented of ['Remix', 'Reuse seed'])
    await expect(panel.getByRole('button', { name: invented })).toHaveCount(0);
  for (const invented of ['Text to video', 'wan-2-5', 'Routing', '$0.00'])
    await expect(panel).not.toContainText(invented);
});

test('a batch opens as one grid of its variations', async ({ studio: page, host }) => {
  const project = await host.core.api.projects.create({ name: 'Batch grid' });
  const created = await host.core.api.generations.create({
    params: {
      mode: 'text-to-video',
      prompt: 'Three takes of a kite over dunes',
      resolution: '720p',
      duration: 5,
    },
    count: 3,
    projectId: project.id,
  });
  const batchId = created[0]?.batchId ?? '';
  expect(batchId).not.toBe('');
  await expect
    .poll(() => host.core.library().query({ batchId, states: ['done'] }).total, { timeout: 60_000 })
    .toBe(3);
  await openProject(page, 'Batch grid');
  await cards(page).first().locator('.card-hit').click();
  await page.getByTestId('detail-panel').getByRole('button', { name: 'Open batch' }).click();
  const grid = page.getByRole('dialog', { name: 'Comparing 3 videos' });
  await expect(grid.getByTestId('compare-video')).toHaveCount(3);
});
