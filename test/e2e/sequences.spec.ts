// Sequences end to end in the browser host against the demo simulator: three shots (two generated,
// one imported with sound) go from a library selection into a new sequence, are trimmed with the
// fields, reordered by keyboard and by drag, and exported in this page with WebCodecs. ffprobe
// checks the MP4 that joined the library: its length is the sum of the trims (within a frame),
// its picture the first part's size, its sound kept. A cancelled export and a damaged part leave
// the library as it was.
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, truncateSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { absolutePath } from '../../main/core/library/paths';
import type { BrowserHost } from '../../main/host/browser-host';
import { expect, openProject, TEXT_TO_VIDEO, test, waitForDone } from './fixtures';

test.use({ hostConfig: { demoBalanceUsd: 998 } });

const AUDIO_CLIP = join(import.meta.dirname, '..', '..', 'main', 'demo', 'media', 'clip-16x9-audio.mp4');
const FRAME_S = 0.04;

interface Probe {
  format: { duration: string; tags?: Record<string, string> };
  streams: { codec_type: string; codec_name: string; width?: number; height?: number; duration?: string }[];
}
function ffprobe(path: string): Probe {
  return JSON.parse(
    execFileSync('ffprobe', ['-v', 'error', '-show_format', '-show_streams', '-of', 'json', path], {
      encoding: 'utf8',
    }),
  ) as Probe;
}

async function threeShots(host: BrowserHost, projectName: string) {
  const api = host.core.api;
  const project = await api.projects.create({ name: projectName });
  const before = host.core.library().query({ states: ['done'], limit: 1 }).total;
  for (const [prompt, aspectRatio] of [
    ['Harbour at dawn, boats leaving', '16:9'],
    ['A gull turns over the water', '9:16'],
  ] as const) {
    await api.generations.create({
      params: { ...TEXT_TO_VIDEO, prompt, aspectRatio },
      count: 1,
      seedMode: 'random',
      projectId: project.id,
    });
  }
  await waitForDone(host, before + 2);
  const imported = await api.library.importPaths({ paths: [AUDIO_CLIP] });
  if (imported.imported !== 1) {
    // Imported by an earlier spec in this worker: move that one into this project.
    const [existing] = host.core.library().query({ text: 'clip-16x9-audio' }).items;
    if (existing) await api.library.setProject({ ids: [existing.id], projectId: project.id });
  } else {
    const [fresh] = host.core.library().query({ text: 'clip-16x9-audio', projectId: null }).items;
    if (fresh) await api.library.setProject({ ids: [fresh.id], projectId: project.id });
  }
  return project;
}

/** The three shots of a new project as a saved sequence of that name, in the order they were made. */
async function threeShotSequence(host: BrowserHost, projectName: string, sequenceName: string) {
  const project = await threeShots(host, projectName);
  const parts = host.core.library().query({ projectId: project.id, sort: 'created_asc' }).items;
  const sequence = await host.core.api.sequences.create({
    name: sequenceName,
    projectId: project.id,
    generationIds: parts.map((part) => part.id),
  });
  return { project, parts, sequence };
}

async function fillTrim(page: Page, index: number, inS: string, outS: string) {
  const card = page.getByTestId('sequence-clip').nth(index);
  const part = `Clip ${index + 1}`;
  await card.getByLabel(`${part} in point, seconds`).fill(inS);
  await card.getByLabel(`${part} in point, seconds`).press('Enter');
  await card.getByLabel(`${part} out point, seconds`).fill(outS);
  await card.getByLabel(`${part} out point, seconds`).press('Enter');
}

function libraryFiles(host: BrowserHost): string[] {
  const root = host.core.library().root;
  const walk = (dir: string): string[] =>
    readdirSync(join(root, dir), { withFileTypes: true }).flatMap((entry) =>
      entry.isDirectory() ? walk(join(dir, entry.name)) : [join(dir, entry.name)],
    );
  return walk('.').filter((path) => !path.includes('.wanstudio'));
}

test('build a sequence of three shots with trims, reorder it, preview it and export one MP4', async ({
  studio: page,
  host,
}) => {
  test.setTimeout(180_000);
  const project = await threeShots(host, 'Harbour film');
  await page.reload();
  await openProject(page, 'Harbour film');
  const cards = page.getByTestId('library-card');
  await expect(cards).toHaveCount(3);
  // Oldest first, so the sequence starts with the 16:9 harbour shot.
  for (const index of [2, 1, 0])
    await cards
      .nth(index)
      .locator('.card-hit')
      .click({ modifiers: ['ControlOrMeta'] });
  const bar = page.getByRole('region', { name: 'Selection' });
  await bar.getByLabel('Add to sequence').selectOption({ label: 'New sequence…' });
  await expect(page.getByTestId('nav-sequences')).toHaveAttribute('aria-current', 'page');
  const clips = page.getByTestId('sequence-clip');
  await expect(clips).toHaveCount(3);
  await expect(page.getByTestId('sequence-total')).toHaveText('0:15 · 3 clips');

  await page.getByLabel('Sequence name').fill('Harbour morning');
  await page.getByLabel('Sequence name').press('Enter');
  await fillTrim(page, 0, '0.5', '3');
  await fillTrim(page, 1, '1', '4');
  await fillTrim(page, 2, '0', '2');
  await expect(clips.nth(2).getByTestId('clip-length')).toHaveText('plays 2 sec');
  const [sequence] = await host.core.api.sequences.list({ projectId: project.id });
  if (!sequence) throw new Error('no sequence');
  const original = (await host.core.api.sequences.get({ id: sequence.id })).clips.map(
    (clip) => clip.generationId,
  );
  expect(sequence.name).toBe('Harbour morning');

  // Keyboard: the third clip moves one place earlier, and keeps the focus.
  await clips.nth(2).locator('.clip-grip').focus();
  await page.keyboard.press('Alt+ArrowLeft');
  await expect(clips.nth(1).locator('.clip-grip')).toBeFocused();
  // Drag: the first clip goes to the end.
  await clips.nth(0).dragTo(clips.nth(2));
  await expect
    .poll(async () =>
      (await host.core.api.sequences.get({ id: sequence.id })).clips.map((clip) => clip.generationId),
    )
    .toEqual([original[2], original[1], original[0]]);
  const saved = await host.core.api.sequences.get({ id: sequence.id });
  expect(saved.clips.map((clip) => [clip.inMs, clip.outMs])).toEqual([
    [0, 2000],
    [1000, 4000],
    [500, 3000],
  ]);
  await expect(page.getByTestId('sequence-total')).toHaveText('0:08 · 3 clips');

  // The preview plays across the cut from the first part into the second.
  await page.getByRole('button', { name: 'Play the sequence' }).click();
  await expect(page.getByTestId('sequence-time')).toContainText(/0:0[2-7] \/ 0:08/, { timeout: 20_000 });
  await page.getByRole('button', { name: 'Pause' }).click();

  // Export: the imported 16:9 shot with sound leads; the 9:16 gull is letterboxed.
  const before = host.core.library().query({}).total;
  await page.getByRole('button', { name: 'Export MP4' }).click();
  const dialog = page.getByTestId('export-dialog');
  await expect(dialog.getByTestId('export-mismatch')).toContainText('Clip 2');
  await page.getByRole('button', { name: 'Export', exact: true }).click();
  await expect(dialog.getByTestId('export-done')).toBeVisible({ timeout: 120_000 });
  expect(host.core.library().query({}).total).toBe(before + 1);

  const [made] = host.core.library().query({ text: 'Harbour morning' }).items;
  if (!made?.video) throw new Error('the export is not in the library');
  expect(made.projectId).toBe(project.id);
  const lineage = await host.core.api.library.lineage({ id: made.id });
  expect(lineage.parents.map((entry) => [entry.kind, entry.generationId, entry.position])).toEqual(
    saved.clips.map((clip, position) => ['sequence_part', clip.generationId, position]),
  );
  const probe = ffprobe(absolutePath(host.core.library().root, made.video.relPath));
  const video = probe.streams.find((stream) => stream.codec_type === 'video');
  const audio = probe.streams.find((stream) => stream.codec_type === 'audio');
  // What this system's WebCodecs gave (the README's platform table).
  console.log(`sequence export: ${video?.codec_name} + ${audio?.codec_name}, ${probe.format.duration} s`);
  expect(Math.abs(Number(probe.format.duration) - 7.5)).toBeLessThanOrEqual(FRAME_S + 0.03);
  expect(Math.abs(Number(video?.duration) - 7.5)).toBeLessThanOrEqual(FRAME_S);
  expect(video).toMatchObject({ width: 480, height: 270 });
  expect(['h264', 'vp9', 'av1']).toContain(video?.codec_name);
  // The first part has sound; the silent parts are padded, so the sound runs the whole length.
  expect(['aac', 'opus']).toContain(audio?.codec_name);
  expect(Math.abs(Number(audio?.duration) - 7.5)).toBeLessThanOrEqual(0.1);
  // Streamed to a scratch file in the page's storage, not held in memory: the index comes after the
  // media (a stream cannot go back), and the scratch file is gone once the upload read it.
  expect(topLevelBoxes(absolutePath(host.core.library().root, made.video.relPath)).slice(0, 3)).toEqual([
    'ftyp',
    'mdat',
    'moov',
  ]);
  expect(await scratchFiles(page)).toEqual([]);
  await page.getByRole('button', { name: 'Close' }).last().click();
});

/** The MP4's top-level boxes, in file order. */
function topLevelBoxes(path: string): string[] {
  const bytes = readFileSync(path);
  const boxes: string[] = [];
  for (let at = 0; at + 8 <= bytes.length; ) {
    let size = bytes.readUInt32BE(at);
    if (size === 1) size = Number(bytes.readBigUInt64BE(at + 8));
    boxes.push(bytes.toString('latin1', at + 4, at + 8));
    if (size < 8) break;
    at += size;
  }
  return boxes;
}

/** What the exports left in the page's private storage (OPFS). */
function scratchFiles(page: Page): Promise<string[]> {
  return page.evaluate(async () => {
    const names: string[] = [];
    // biome-ignore lint/suspicious/noExplicitAny: entries() is not in this TypeScript DOM lib yet
    for await (const [name] of ((await navigator.storage.getDirectory()) as any).entries()) names.push(name);
    return names;
  });
}

test('a cancelled export and a damaged part save nothing and say which part', async ({
  studio: page,
  host,
}) => {
  test.setTimeout(180_000);
  const { parts, sequence } = await threeShotSequence(host, 'Cancel film', 'To cancel');
  await page.reload();
  await page.getByTestId('nav-sequences').click();
  await page.getByRole('button', { name: /To cancel/ }).click();
  const files = libraryFiles(host);
  const before = host.core.library().query({}).total;

  await page.getByRole('button', { name: 'Export MP4' }).click();
  await page.getByRole('button', { name: 'Export', exact: true }).click();
  await page.getByRole('button', { name: 'Cancel export' }).click();
  await expect(page.getByTestId('export-cancelled')).toBeVisible({ timeout: 60_000 });
  expect(host.core.library().query({}).total).toBe(before);
  expect(libraryFiles(host).sort()).toEqual(files.sort());
  expect(await scratchFiles(page)).toEqual([]);

  // The second part's file is cut short on disk: the export names it and saves nothing.
  const damaged = parts[1]?.video;
  if (!damaged) throw new Error('no video');
  truncateSync(absolutePath(host.core.library().root, damaged.relPath), 2000);
  await page.getByRole('button', { name: 'Try again' }).click();
  await expect(page.getByTestId('export-error')).toContainText('Clip 2', { timeout: 60_000 });
  await expect(page.getByTestId('export-error')).toContainText('Nothing was saved');
  expect(await scratchFiles(page)).toEqual([]);
  expect(host.core.library().query({}).total).toBe(before);
  expect(libraryFiles(host).sort()).toEqual(files.sort());
  expect((await host.core.api.sequences.get({ id: sequence.id })).clips).toHaveLength(3);
});

test('a scratch file that cannot be written (its quota is full) still gives the export, made in memory', async ({
  studio: page,
  host,
}) => {
  test.setTimeout(180_000);
  const { project } = await threeShotSequence(host, 'Quota film', 'Quota cut');
  await page.reload();
  // Every write into the page's private storage fails, as with a full quota.
  await page.evaluate(() => {
    FileSystemWritableFileStream.prototype.write = () =>
      Promise.reject(new DOMException('The quota has been exceeded.', 'QuotaExceededError'));
  });
  await page.getByTestId('nav-sequences').click();
  await page.getByRole('button', { name: /Quota cut/ }).click();
  await page.getByRole('button', { name: 'Export MP4' }).click();
  await page.getByRole('button', { name: 'Export', exact: true }).click();
  await expect(page.getByTestId('export-done')).toBeVisible({ timeout: 120_000 });
  const [made] = host.core.library().query({ projectId: project.id, sort: 'created_desc', limit: 1 }).items;
  if (!made?.video) throw new Error('the export is not in the library');
  expect(made.origin).not.toBe('generated');
  // Made in memory: the index first.
  expect(topLevelBoxes(absolutePath(host.core.library().root, made.video.relPath)).slice(0, 2)).toEqual([
    'ftyp',
    'moov',
  ]);
  expect(await scratchFiles(page)).toEqual([]);
});
