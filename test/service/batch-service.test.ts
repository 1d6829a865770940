// batch.create on the real core (demo mode): every image is checked before anything is queued, the
// spend guard holds without confirmation, and projects and tags are applied per item.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StudioCore } from '../../main/service/types';
import { startPlainCore } from '../helpers/core-harness';
import { halvesPng } from '../helpers/images';

let dir = '';
let core: StudioCore;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'wan-batch-'));
  core = await startPlainCore(join(dir, 'data'), join(dir, 'library'));
  await writeFile(join(dir, 'good.png'), await halvesPng(160, 90));
  await writeFile(join(dir, 'bad.png'), 'not a png');
});
afterAll(async () => {
  await core.close();
  await rm(dir, { recursive: true, force: true });
});

const count = async () => (await core.api.library.query({ limit: 100 })).total;

describe('batch.create', () => {
  it('refuses the whole batch when one image is bad, naming the item; nothing is queued', async () => {
    await expect(
      core.api.batch.create({
        items: [
          { params: { mode: 'image-to-video', prompt: 'zoom in' }, imagePath: join(dir, 'good.png') },
          { params: { mode: 'image-to-video', prompt: 'zoom out' }, imagePath: join(dir, 'bad.png') },
        ],
      }),
    ).rejects.toMatchObject({ kind: 'invalid_image', message: expect.stringMatching(/^Item 2: bad\.png/) });
    expect(await count()).toBe(0);
  });

  it('checks every row before sending any: a text row before a bad image link is not sent', async () => {
    // Sending row 1 and then refusing row 2 would bill row 1 again when the user fixes the file.
    await expect(
      core.api.batch.create({
        items: [
          { params: { mode: 'text-to-video', prompt: 'a lighthouse at night' } },
          { params: { mode: 'image-to-video', prompt: 'zoom out', imageUrl: 'http://127.0.0.1:9/none.png' } },
        ],
      }),
    ).rejects.toMatchObject({
      message: expect.stringMatching(/^Item 2: .*Nothing from this batch was sent\.$/),
    });
    expect(await count()).toBe(0);
  });

  it('holds a total above the threshold until confirmed', async () => {
    await core.api.budget.update({ confirmAboveUsd: 5 });
    const items = Array.from({ length: 5 }, () => ({
      params: {
        mode: 'text-to-video' as const,
        prompt: 'waves',
        resolution: '1080p' as const,
        duration: 10 as const,
      },
    }));
    expect(await core.api.batch.estimate({ items })).toEqual({
      count: 5,
      totalUsd: 6.5,
      needsConfirmation: true,
      confirmAboveUsd: 5,
    });
    await expect(core.api.batch.create({ items })).rejects.toMatchObject({ kind: 'needs_confirmation' });
    expect(await count()).toBe(0);
    const { records } = await core.api.batch.create({ items, confirmed: true });
    expect(records).toHaveLength(5);
  });

  it('sends an image file and a text item with their project and tags', async () => {
    const { records } = await core.api.batch.create({
      items: [
        {
          params: { mode: 'image-to-video', prompt: 'zoom in' },
          imagePath: join(dir, 'good.png'),
          project: 'Shop',
          tags: ['shoe'],
        },
        { params: { mode: 'text-to-video', prompt: 'a fox', seed: 3 }, project: 'Shop' },
      ],
    });
    const [project] = (await core.api.projects.list()).filter((entry) => entry.name === 'Shop');
    expect(records.map((record) => record.projectId)).toEqual([project?.id, project?.id]);
    expect(records[0]?.tags).toEqual(['shoe']);
    expect(records[0]?.referenceImagePath).toMatch(/^references\//);
    expect(records[1]?.params.seed).toBe(3);
  });

  it('matches project names as the library does (case, spaces) instead of failing halfway with row 1 sent', async () => {
    const { records } = await core.api.batch.create({
      items: [
        { params: { mode: 'text-to-video', prompt: 'row one' }, project: 'Film  Reel' },
        { params: { mode: 'text-to-video', prompt: 'row two' }, project: ' film reel' },
      ],
    });
    const films = (await core.api.projects.list()).filter(
      (entry) => entry.name.toLowerCase() === 'film reel',
    );
    expect(films).toHaveLength(1);
    expect(records.map((record) => record.projectId)).toEqual([films[0]?.id, films[0]?.id]);
  });
});
