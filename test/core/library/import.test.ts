import { createHash } from 'node:crypto';
import { copyFile, mkdir, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { monthFolder } from '../../../main/core/downloads/library-paths';
import { importVideos } from '../../../main/core/library/import';
import { openLibrary } from '../../../main/core/library/library';
import type { LibraryStore } from '../../../main/core/library/types';

const MEDIA = join(import.meta.dirname, '..', '..', 'fixtures', 'media');
const FASTSTART = join(MEDIA, 'clip-faststart.mp4');
const MOOV_AT_END = join(MEDIA, 'clip-moov-at-end.mp4');

let dir: string;
let store: LibraryStore;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'import-'));
  store = openLibrary({ root: join(dir, 'library') });
});
afterEach(async () => {
  store.close();
  await rm(dir, { recursive: true, force: true });
});

const sha256 = async (path: string) =>
  createHash('sha256')
    .update(await readFile(path))
    .digest('hex');

async function filesUnder(folder: string): Promise<string[]> {
  const entries = await readdir(folder, { recursive: true, withFileTypes: true }).catch(() => []);
  return entries.filter((entry) => entry.isFile()).map((entry) => entry.name);
}

describe('importVideos', () => {
  it('copies MP4s into imported/<yyyy-mm>/<id>.mp4 with size, hash and probe data', async () => {
    const result = await importVideos(store, [FASTSTART, MOOV_AT_END]);
    expect(result.skipped).toEqual([]);
    expect(result.imported).toHaveLength(2);
    for (const [index, source] of [FASTSTART, MOOV_AT_END].entries()) {
      const video = result.imported[index];
      expect(video?.relPath).toMatch(new RegExp(`^imported/${monthFolder(Date.now())}/[0-9A-Z]{26}\\.mp4$`));
      const copy = join(store.root, ...(video?.relPath ?? '').split('/'));
      expect((await readFile(copy)).equals(await readFile(source))).toBe(true);
      expect(video).toMatchObject({
        bytes: 4153,
        sha256: await sha256(source),
        width: 64,
        height: 36,
        durationMs: 1000,
      });
    }
    // Nothing half-written is left behind.
    expect((await filesUnder(join(store.root, 'imported'))).filter((name) => !name.endsWith('.mp4'))).toEqual(
      [],
    );
  });

  it('makes each import a finished, searchable generation in the chosen project', async () => {
    const project = store.createProject('Found footage');
    const named = join(dir, 'Harbour at dawn.mp4');
    await copyFile(FASTSTART, named);
    const { imported } = await importVideos(store, [named], { projectId: project.id });
    const generation = store.getGeneration(imported[0]?.generationId ?? '');
    expect(generation).toMatchObject({
      state: 'done',
      projectId: project.id,
      estimatedCostUsd: 0,
      origin: 'imported',
      sourceName: 'Harbour at dawn.mp4',
      notes: '',
    });
    // The real duration is the video's, not a rounded generation setting.
    expect(generation?.video?.durationMs).toBe(1000);
    expect(generation?.params.prompt).toBe('Harbour at dawn');
    expect(generation?.video?.id).toBe(imported[0]?.id);
    expect(store.query({ text: 'harbour' }).items.map((item) => item.id)).toEqual([generation?.id]);
    expect(store.listActive()).toEqual([]); // the job engine must never pick it up
  });

  it('skips, with a reason each, what it cannot or should not import', async () => {
    const png = join(dir, 'photo.mp4');
    await copyFile(join(import.meta.dirname, '..', '..', 'fixtures', 'images', 'still-80x64.png'), png);
    const folder = join(dir, 'a-folder');
    await mkdir(folder);
    const missing = join(dir, 'missing.mp4');
    const audio = join(MEDIA, 'audio-only.m4a');

    const result = await importVideos(store, [png, folder, missing, audio, FASTSTART, FASTSTART]);
    expect(result.imported).toHaveLength(1);
    expect(result.skipped).toEqual([
      { path: png, reason: 'Not an MP4 video' },
      { path: folder, reason: 'Not a file, and no videos inside.' },
      { path: missing, reason: 'File not found.' },
      { path: audio, reason: 'The MP4 has no video track (audio only).' },
      {
        path: FASTSTART,
        reason: 'Already in the library (the same video was imported or generated before).',
      },
    ]);
    expect(await filesUnder(join(store.root, 'imported'))).toHaveLength(1);
  });

  it('recognises a duplicate already in the library from an earlier import, trash included', async () => {
    const first = await importVideos(store, [MOOV_AT_END]);
    store.trash(first.imported[0]?.generationId ?? '');
    const again = await importVideos(store, [MOOV_AT_END]);
    expect(again.imported).toEqual([]);
    expect(again.skipped[0]?.reason).toMatch(/^Already in the library/);
  });

  it('a store failure skips the file and removes its copy', async () => {
    const result = await importVideos(store, [FASTSTART], { projectId: 'no-such-project' });
    expect(result.imported).toEqual([]);
    expect(result.skipped).toHaveLength(1);
    expect(result.skipped[0]?.reason.length).toBeGreaterThan(0);
    expect(await filesUnder(join(store.root, 'imported'))).toEqual([]);
  });
});
