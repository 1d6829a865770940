// Each model's own image rules, applied when a generation is sent: images are judged on arrival by
// the rules every model shares, so a 200-pixel image is ready for Wan 2.5 but too small for Wan 2.5
// Video (240–8000 pixels a side). Refused before anything is queued, with the model named.
import { mkdtemp, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { imageMisfitForModel } from '../../shared/domain/image-limits';
import { type CoreHarness, startCoreHarness } from '../helpers/core-harness';
import { halvesPng } from '../helpers/images';

let harness: CoreHarness | null = null;
afterEach(async () => {
  await harness?.close();
  harness = null;
});

const params = { mode: 'image-to-video', prompt: 'the painting breathes' } as const;

describe('per-model image limits', () => {
  it('sends a 200×150 image to Wan 2.5 and refuses it for Wan 2.5 Video, queueing nothing', async () => {
    harness = await startCoreHarness();
    const api = harness.core.api;
    const folder = await mkdtemp(join(harness.dir, 'dropped-'));
    const path = join(folder, 'small.png');
    await writeFile(path, await halvesPng(200, 150));
    const inspection = await api.images.inspect({ file: { via: 'path', path } });
    expect(inspection.status).toBe('ready');
    const sha256 = inspection.sha256 ?? '';

    await expect(
      api.generations.create({
        params: { ...params, model: 'wan-2-5-video' },
        references: [sha256],
        hold: true,
      }),
    ).rejects.toMatchObject({
      kind: 'invalid_image',
      message: expect.stringMatching(/Wan 2\.5 Video needs images at least 240 pixels.*200×150/),
    });
    expect((await api.library.query({ states: [] })).total).toBe(0);

    const sent = await api.generations.create({ params, references: [sha256], hold: true });
    expect(sent).toHaveLength(1);
  });

  it('names the rule each model breaks', () => {
    const huge = { width: 9000, height: 5000, bytes: 1_000_000 };
    expect(imageMisfitForModel('wan-2-5-video', huge)).toMatch(/at most 8000 pixels.*9000×5000/);
    expect(imageMisfitForModel('wan-2-5', huge)).toBeNull();
    const heavy = { width: 4000, height: 3000, bytes: 15 * 1024 * 1024 };
    expect(imageMisfitForModel('wan-2-5', heavy)).toMatch(/up to 10 MB; this one is 15\.0 MB/);
    expect(imageMisfitForModel('wan-2-5-video', heavy)).toBeNull();
    expect(imageMisfitForModel('wan-2-5-video', { width: null, height: null, bytes: 1000 })).toBeNull();
  });
});
