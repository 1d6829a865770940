// Watch folders on the real core (demo mode, built-in simulator, real files and chokidar): a new
// image becomes an image-to-video generation with the folder's preset in its project; a restart
// finds what arrived while closed and never sends a handled file again; a non-image is refused once.
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { grantedPathsOnly, type PathPolicy } from '../../main/service/path-policy';
import type { StudioCore } from '../../main/service/types';
import type { WatchOutcome } from '../../main/service/watch-folders';
import { until } from '../helpers/cli-process';
import { startPlainCore } from '../helpers/core-harness';
import { halvesPng } from '../helpers/images';

let dir = '';
let inbox = '';

function startCore(pathPolicy?: PathPolicy): Promise<StudioCore> {
  return startPlainCore(join(dir, 'data'), join(dir, 'library'), {
    ...(pathPolicy ? { pathPolicy } : {}),
    demo: { timeScale: 0.02 },
    watchFolders: { stableMs: 150 },
  });
}

function outcome(core: StudioCore, name: string): Promise<WatchOutcome> {
  let found: WatchOutcome | undefined;
  return until(
    () => {
      found = core.watchFolders?.recent.find((entry) => entry.name === name);
      return found !== undefined;
    },
    20_000,
    `the watch folder to handle ${name}`,
  ).then(() => found as WatchOutcome);
}

async function generations(core: StudioCore) {
  return (await core.api.library.query({ limit: 100 })).items;
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'wan-watch-'));
  inbox = join(dir, 'inbox');
  await mkdir(inbox);
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('watch folders', () => {
  it('is off by default and sends nothing', async () => {
    await writeFile(join(inbox, 'before.png'), await halvesPng(160, 90));
    const core = await startCore();
    try {
      expect((await core.api.settings.get()).watchFolders).toEqual([]);
      expect(core.watchFolders?.recent).toEqual([]);
      expect(await generations(core)).toHaveLength(0);
    } finally {
      await core.close();
    }
  });

  it('turns each new image into an image-to-video generation, and survives a restart without resending', async () => {
    let core = await startCore();
    const project = await core.api.projects.create({ name: 'Products' });
    await core.api.settings.update({
      watchFolders: [
        {
          folder: inbox,
          projectId: project.id,
          enabled: true,
          preset: { prompt: 'slow turntable shot, soft light', resolution: '720p', duration: 5 },
        },
      ],
    });
    // Already there when the folder was turned on: it counts as new (it was never handled).
    expect(await outcome(core, 'before.png')).toMatchObject({ outcome: 'sent' });
    await writeFile(join(inbox, 'shoe.png'), await halvesPng(200, 120));
    await writeFile(join(inbox, 'notes.txt'), 'not an image');
    await writeFile(join(inbox, 'fake.jpg'), 'not an image either');
    expect(await outcome(core, 'shoe.png')).toMatchObject({ outcome: 'sent' });
    expect(await outcome(core, 'fake.jpg')).toMatchObject({ outcome: 'refused' });
    const sent = await generations(core);
    expect(sent).toHaveLength(2);
    for (const record of sent) {
      expect(record.params).toMatchObject({
        mode: 'image-to-video',
        prompt: 'slow turntable shot, soft light',
      });
      expect(record.projectId).toBe(project.id);
      expect(record.referenceImagePath).toMatch(/^references\//);
    }
    expect(core.watchFolders?.recent.some((entry) => entry.name === 'notes.txt')).toBe(false);
    await core.close();

    // Closed: one more image arrives. On restart only that one is sent.
    await writeFile(join(inbox, 'cup.png'), await halvesPng(240, 160));
    core = await startCore();
    try {
      expect(await outcome(core, 'cup.png')).toMatchObject({ outcome: 'sent' });
      expect(await outcome(core, 'shoe.png')).toMatchObject({ outcome: 'already' });
      expect(await outcome(core, 'before.png')).toMatchObject({ outcome: 'already' });
      expect(await outcome(core, 'fake.jpg')).toMatchObject({ outcome: 'already' });
      expect(await generations(core)).toHaveLength(3);
      const journal = JSON.parse(await readFile(join(dir, 'data', 'watch-folders.json'), 'utf8'));
      expect(journal[inbox]['shoe.png']).toMatchObject({ outcome: 'sent', ids: [expect.any(String)] });
      expect(journal[inbox]['fake.jpg']).toMatchObject({ outcome: 'refused', reason: expect.any(String) });
    } finally {
      await core.close();
    }
  }, 90_000);

  it('takes only a folder the user pointed at where the host grants paths (Electron)', async () => {
    const policy = grantedPathsOnly();
    const core = await startCore(policy);
    const entry = {
      folder: join(dir, 'elsewhere'),
      projectId: null,
      enabled: true,
      preset: { prompt: 'pan' },
    };
    try {
      await core.api.settings.update({ watchFolders: [] }); // removing needs no grant
      await expect(core.api.settings.update({ watchFolders: [entry] })).rejects.toMatchObject({
        kind: 'forbidden',
      });
      expect((await core.api.settings.get()).watchFolders).toEqual([]);
      policy.grant([entry.folder]);
      await core.api.settings.update({ watchFolders: [entry] });
      expect((await core.api.settings.get()).watchFolders).toHaveLength(1);
      await core.api.settings.update({ watchFolders: [] });
    } finally {
      await core.close();
    }
  });
});
