// Issue 8, point 13, through the dispatcher every host uses (core.dispatch): every method that takes a path refuses
// a relative one with a clear message (it is in the contract's schema), and with Electron's policy
// only paths a dialog answered (or the preload vouched for) pass; anything else is `forbidden`.
import { mkdir, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Dispatch } from '../../main/service/dispatch';
import { headlessPlatform } from '../../main/service/headless-platform';
import { grantedPathsOnly } from '../../main/service/path-policy';
import { type CoreHarness, startCoreHarness } from '../helpers/core-harness';
import { SMALL_MP4 } from '../helpers/large-mp4';

const IMAGE = join(import.meta.dirname, '..', 'fixtures', 'images', 'still-80x64.png');

let harness: CoreHarness | null = null;
afterEach(async () => {
  await harness?.close();
  harness = null;
});

describe('relative paths, refused for every path method (any host)', () => {
  it.each([
    ['library.importPaths', { paths: ['clips/a.mp4'] }, 'paths.0'],
    ['library.importFiles', { files: [{ via: 'path', path: 'a.mp4' }] }, 'files.0.path'],
    ['library.exportTo', { ids: ['g1'], folder: 'exports' }, 'folder'],
    ['library.move', { folder: '../elsewhere' }, 'folder'],
    ['library.locate', { folder: 'Videos/Wan Studio' }, 'folder'],
    ['library.createNew', { folder: 'new-library' }, 'folder'],
    ['images.inspect', { file: { via: 'path', path: './photo.png' } }, 'file.path'],
  ])('%s', async (channel, argument, field) => {
    harness = await startCoreHarness();
    const dispatch = harness.core.dispatch;
    const envelope = await dispatch(channel, argument);
    expect(envelope).toMatchObject({
      ok: false,
      error: { kind: 'validation', message: expect.stringMatching(/^\S+: must be an absolute path/) },
    });
    if (!envelope.ok) expect(Object.keys(envelope.error.fields ?? {})).toEqual([field]);
  });

  it('an absolute path is taken as it is in the browser host and the CLI', async () => {
    harness = await startCoreHarness();
    const dispatch = harness.core.dispatch;
    expect(await dispatch('library.importPaths', { paths: [SMALL_MP4] })).toEqual({
      ok: true,
      value: { imported: 1, skipped: [], withRecipe: 0, recipesIgnored: [] },
    });
  });

  it('the old byte-carrying method is gone: no file bytes travel in a call', async () => {
    harness = await startCoreHarness();
    const dispatch = harness.core.dispatch;
    const bytes = new Uint8Array([0, 0, 0, 24]);
    expect(await dispatch('library.importFile', { name: 'a.mp4', bytes })).toMatchObject({
      ok: false,
      error: { kind: 'forbidden' },
    });
    expect(await dispatch('images.inspect', { name: 'a.png', bytes })).toMatchObject({
      ok: false,
      error: { kind: 'validation' },
    });
  });
});

describe("Electron's policy: only what the user pointed at", () => {
  async function electronLike(): Promise<{ dispatch: Dispatch; exportDir: string }> {
    // The dialogs answer with the fixture video and an export folder inside the harness's folder.
    const exportDir = () => join(harness?.dir ?? '', 'exports');
    harness = await startCoreHarness({
      core: {
        pathPolicy: grantedPathsOnly(),
        platform: {
          ...headlessPlatform(),
          chooseVideos: async () => [SMALL_MP4],
          chooseFolder: async () => exportDir(),
        },
      },
    });
    await mkdir(exportDir(), { recursive: true });
    return { dispatch: harness.core.dispatch, exportDir: exportDir() };
  }

  it('refuses paths no dialog or drop gave, and takes them once a dialog did', async () => {
    const { dispatch, exportDir } = await electronLike();
    const forbidden = { ok: false, error: { kind: 'forbidden' } };
    expect(await dispatch('library.importPaths', { paths: [SMALL_MP4] })).toMatchObject(forbidden);
    expect(
      await dispatch('library.importFiles', { files: [{ via: 'path', path: SMALL_MP4 }] }),
    ).toMatchObject(forbidden);
    expect(await dispatch('images.inspect', { file: { via: 'path', path: IMAGE } })).toMatchObject(forbidden);
    for (const channel of ['library.move', 'library.locate', 'library.createNew']) {
      expect(await dispatch(channel, { folder: '/tmp/somewhere-else' }), channel).toMatchObject(forbidden);
    }

    expect(await dispatch('dialog.chooseVideos', undefined)).toEqual({ ok: true, value: [SMALL_MP4] });
    const imported = await dispatch('library.importPaths', { paths: [SMALL_MP4] });
    expect(imported).toEqual({
      ok: true,
      value: { imported: 1, skipped: [], withRecipe: 0, recipesIgnored: [] },
    });
    const id = harness?.core.library().query({ limit: 1 }).items[0]?.id ?? '';

    expect(await dispatch('library.exportTo', { ids: [id], folder: exportDir })).toMatchObject(forbidden);
    expect(await readdir(exportDir)).toEqual([]);
    expect(await dispatch('dialog.chooseFolder', { title: 'Export' })).toEqual({
      ok: true,
      value: exportDir,
    });
    expect(await dispatch('library.exportTo', { ids: [id], folder: exportDir })).toMatchObject({
      ok: true,
      value: { copied: 1, skipped: [] },
    });
  });

  it('has no uploads: an upload id is refused with why', async () => {
    const { dispatch } = await electronLike();
    const envelope = await dispatch('images.inspect', { file: { via: 'upload', id: 'a'.repeat(32) } });
    expect(envelope).toMatchObject({
      ok: false,
      error: { kind: 'not_found', message: 'Only the browser version of Wan Studio takes uploaded files.' },
    });
  });
});
