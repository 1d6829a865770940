// Library actions on a selection, through the contract (the door every host uses): each id is
// handled on its own, a refused one is reported with its reason, and the trash reports the space
// its files take and free.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { absolutePath } from '../../main/core/library/paths';
import { type CoreHarness, startCoreHarness } from '../helpers/core-harness';
import { addFinishedVideo, CLIP_BYTES } from '../helpers/library-videos';

let harness: CoreHarness | null = null;
afterEach(async () => {
  await harness?.close();
  harness = null;
});

describe('bulk library actions through the contract', () => {
  it('trashes a selection, skipping a running generation with its reason, and restores it', async () => {
    harness = await startCoreHarness();
    const { core } = harness;
    const library = core.library();
    const done = [addFinishedVideo(library, 'harbour at dawn'), addFinishedVideo(library, 'lanterns')];
    const running = library.createGeneration({
      params: {
        mode: 'text-to-video',
        prompt: 'still going',
        resolution: '720p',
        duration: 5,
        promptExpansion: false,
        provider: 'auto',
      },
      requestType: 'async',
      estimatedCostUsd: 0.3,
      state: 'processing',
      backend: 'demo',
    }).id;

    const result = await core.api.library.trashMany({ ids: [...done, running] });
    expect(result.done).toEqual(done);
    expect(result.skipped).toEqual([{ id: running, reason: expect.stringMatching(/still in progress/) }]);
    expect(await core.api.library.trashUsage()).toEqual({ count: 2, bytes: 2 * CLIP_BYTES });

    const restored = await core.api.library.restoreMany({ ids: [done[0] ?? ''] });
    expect(restored.done).toEqual([done[0]]);
    expect(library.getGeneration(done[0] ?? '')?.deletedAt).toBeNull();
    expect(existsSync(absolutePath(library.root, `videos/${done[0]}.mp4`))).toBe(true);
  });

  it('deletes chosen trash items and empties the rest, reporting the space freed', async () => {
    harness = await startCoreHarness();
    const { core } = harness;
    const library = core.library();
    const ids = ['one', 'two', 'three'].map((word) => addFinishedVideo(library, word));
    await core.api.library.trashMany({ ids });

    expect(await core.api.library.purge({ ids: [ids[0] ?? ''] })).toEqual({
      deleted: 1,
      freedBytes: CLIP_BYTES,
    });
    expect(library.getGeneration(ids[0] ?? '')).toBeNull();
    expect(await core.api.library.emptyTrash()).toEqual({ deleted: 2, freedBytes: 2 * CLIP_BYTES });
    expect((await core.api.library.query({ trashed: true })).total).toBe(0);
    expect(existsSync(join(library.root, '.trash', ids[1] ?? ''))).toBe(false);
  });

  it('moves a selection into a project and refuses an unknown project by name', async () => {
    harness = await startCoreHarness();
    const { core } = harness;
    const ids = ['a', 'b'].map((word) => addFinishedVideo(core.library(), word));
    const project = await core.api.projects.create({ name: 'Festival' });
    expect(await core.api.library.setProject({ ids, projectId: project.id })).toEqual({ moved: 2 });
    expect((await core.api.projects.list())[0]?.generationCount).toBe(2);
    await expect(core.api.library.setProject({ ids, projectId: 'nope' })).rejects.toMatchObject({
      kind: 'not_found',
    });
    await expect(core.api.library.setProject({ ids: [], projectId: null })).rejects.toMatchObject({
      kind: 'validation',
    });
  });
});
