// The everyday workflow's edges, through the contract as every host calls it (core.api): a relative
// path gets a reason the UI can word, clearing the queue's recent list hides without deleting and
// survives a restart, a selection's curation is one call and one library.changed, "select all"
// answers every match up to the cap, and "show in folder" says where the file is.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { isAbsolute, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { StudioCore } from '../../main/service/types';
import { MAX_SELECTION } from '../../shared/contract/contract';
import { startPlainCore } from '../helpers/core-harness';
import { addFinishedVideo } from '../helpers/library-videos';

let dir = '';
let core: StudioCore;
const start = () => startPlainCore(join(dir, 'data'), join(dir, 'library'));

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'wan-edges-'));
  core = await start();
});
afterEach(async () => {
  await core.close();
  await rm(dir, { recursive: true, force: true });
});

describe('relative paths', () => {
  it('are refused with the relative_path reason and the path, in export and move', async () => {
    const id = addFinishedVideo(core.library(), 'harbour at dawn');
    await expect(core.api.library.exportTo({ ids: [id], folder: 'exports/today' })).rejects.toMatchObject({
      contractError: { kind: 'validation', reason: 'relative_path', params: { path: 'exports/today' } },
    });
    await expect(core.api.library.move({ folder: 'Videos' })).rejects.toMatchObject({
      contractError: { reason: 'relative_path', params: { path: 'Videos' } },
    });
  });
});

describe("the queue's recently-finished list", () => {
  it('hides what finished before the cut-off, deletes nothing, and stays cleared after a restart', async () => {
    const library = core.library();
    const old = addFinishedVideo(library, 'old one');
    const now = Date.now();
    library.updateGeneration(old, { completedAt: now - 1000 });
    expect((await core.api.queue.snapshot()).recent.map((r) => r.id)).toEqual([old]);

    await core.api.settings.update({ recentClearedAt: now - 1000 });
    expect((await core.api.queue.snapshot()).recent).toEqual([]);
    expect(library.getGeneration(old)?.state).toBe('done');

    await core.close();
    core = await start();
    const fresh = addFinishedVideo(core.library(), 'new one');
    core.library().updateGeneration(fresh, { completedAt: now + 1000 });
    expect((await core.api.queue.snapshot()).recent.map((r) => r.id)).toEqual([fresh]);
  });
});

describe('curating a selection', () => {
  it('favourites, rates and tags every id in one call each, with one library.changed per call', async () => {
    const library = core.library();
    const ids = ['a', 'b', 'c'].map((word) => addFinishedVideo(library, `clip ${word}`));
    library.setTags(ids[0] as string, ['Night']);
    const changes: string[] = [];
    core.events.on('library.changed', ({ reason }) => changes.push(reason));

    const favourite = await core.api.library.setFavouriteMany({ ids: [...ids, 'missing'], favourite: true });
    expect(favourite.done.sort()).toEqual([...ids].sort());
    expect(favourite.skipped).toEqual([{ id: 'missing', reason: 'This generation no longer exists.' }]);
    await core.api.library.setRatingMany({ ids, rating: 4 });
    await core.api.library.addTagMany({ ids, tag: 'night' });
    expect(changes).toEqual(['curation', 'curation', 'curation']);

    for (const id of ids) {
      const record = library.getGeneration(id);
      expect(record?.favourite).toBe(true);
      expect(record?.rating).toBe(4);
      // One tag, whatever its case: the first spelling is kept.
      expect(record?.tags).toEqual(['Night']);
    }
    const found = await core.api.library.query({ tag: 'night' });
    expect(found.total).toBe(3);
  });

  it('refuses a bad rating before touching anything', async () => {
    const id = addFinishedVideo(core.library(), 'clip');
    await expect(core.api.library.setRatingMany({ ids: [id], rating: 9 })).rejects.toMatchObject({
      kind: 'validation',
    });
    expect(core.library().getGeneration(id)?.rating).toBe(0);
  });
});

describe('select all', () => {
  it('answers every match of the filter, not a page, and the number of matches', async () => {
    const library = core.library();
    const project = library.createProject('Harbour');
    const inside = ['one', 'two', 'three'].map((w) =>
      addFinishedVideo(library, w, { projectId: project.id }),
    );
    addFinishedVideo(library, 'elsewhere');
    const all = await core.api.library.matchingIds({ projectId: project.id, limit: 1 });
    expect(all.total).toBe(3);
    expect([...all.ids].sort()).toEqual([...inside].sort());
  });

  it('stops at the cap and still says how many match', () => {
    const library = core.library();
    for (const word of ['a', 'b', 'c', 'd']) addFinishedVideo(library, word);
    const capped = library.matchingIds({}, 2);
    expect(capped.ids).toHaveLength(2);
    expect(capped.total).toBe(4);
    expect(MAX_SELECTION).toBe(1000);
  });
});

describe('show in folder without a file manager', () => {
  it('answers the absolute path and that nothing was shown', async () => {
    const id = addFinishedVideo(core.library(), 'clip');
    const answer = await core.api.library.reveal({ id });
    expect(answer.shown).toBe(false);
    expect(isAbsolute(answer.path)).toBe(true);
    expect(answer.path).toContain(join('library', 'videos', `${id}.mp4`));
  });
});
