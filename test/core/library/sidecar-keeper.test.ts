// The sidecar keeper over a real library folder: coalesced writes, a failed write that is logged
// and retried (never thrown at the caller), the one-time sweep of a library made before sidecars,
// and sidecars that follow curation and the trash.
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SidecarKeeper } from '../../../main/core/library/sidecar-keeper';
import { DEFAULT_MEDIA_DIR } from '../../../main/demo/options';
import { readSidecarText } from '../../../shared/domain/sidecar';
import { addClipVideo } from '../../helpers/library-videos';
import { type TestLibrary, tempLibrary } from './library-fixture';

const CLIP = join(DEFAULT_MEDIA_DIR, 'clip-16x9.mp4');
let library: TestLibrary;
let warnings: string[];
let keeper: SidecarKeeper;
beforeEach(() => {
  library = tempLibrary();
  warnings = [];
  keeper = new SidecarKeeper({
    library: () => library.store,
    app: 'Wan Studio test',
    log: { warn: (message) => warnings.push(message), info() {} },
    now: () => library.clock.now(),
    // Long enough that only flush() writes: the test decides when.
    coalesceMs: 60_000,
    retryMs: 60_000,
  });
});
afterEach(() => {
  keeper.close();
  library.cleanup();
});

const sidecarOf = (id: string) => {
  const record = library.store.getGeneration(id);
  const trashed = record?.deletedAt !== null;
  const folder = trashed ? join(library.root, '.trash', id) : library.root;
  return join(folder, `${record?.video?.relPath}.json`);
};
const read = (id: string) => readSidecarText(readFileSync(sidecarOf(id), 'utf8'));

describe('sidecar keeper', () => {
  it('writes each touched generation once, with its latest state', async () => {
    const id = addClipVideo(library.store, 'a quiet pier', { clip: CLIP, seed: 5 });
    keeper.touch([id]);
    library.store.setRating(id, 3);
    keeper.touch([id, id]);
    expect(existsSync(sidecarOf(id))).toBe(false);
    await keeper.flush();
    expect(read(id)).toMatchObject({
      ok: true,
      sidecar: { curation: { rating: 3 }, generation: { params: { seed: 5 } } },
    });
  });

  it('a write that fails is logged and retried, and the caller never sees it', async () => {
    const id = addClipVideo(library.store, 'a quiet pier', { clip: CLIP });
    // A folder where the sidecar should go: the rename onto it fails.
    mkdirSync(join(sidecarOf(id), 'blocker'), { recursive: true });
    keeper.touch([id]);
    await keeper.flush();
    expect(warnings).toEqual(['could not write a sidecar; it is tried again later']);
    rmSync(sidecarOf(id), { recursive: true });
    await keeper.flush();
    expect(read(id)).toMatchObject({ ok: true });
  });

  it('a sidecar that keeps failing does not hold back the others', async () => {
    const quick = new SidecarKeeper({
      library: () => library.store,
      app: 'Wan Studio test',
      log: { warn: (message) => warnings.push(message), info() {} },
      now: () => library.clock.now(),
      coalesceMs: 10,
      retryMs: 60_000,
    });
    try {
      const blocked = addClipVideo(library.store, 'a quiet pier', { clip: CLIP });
      const fine = addClipVideo(library.store, 'a loud harbour', { clip: CLIP });
      mkdirSync(join(sidecarOf(blocked), 'blocker'), { recursive: true });
      quick.touch([blocked]);
      await expect.poll(() => warnings.length).toBe(1);
      // The blocked one now waits a minute; a change to another is written at once all the same.
      quick.touch([fine]);
      await expect.poll(() => existsSync(sidecarOf(fine)), { timeout: 2_000 }).toBe(true);
      expect(read(fine)).toMatchObject({ ok: true });
      expect(warnings).toHaveLength(1);
    } finally {
      quick.close();
    }
  });

  it('sweeps a library made before sidecars once', async () => {
    const ids = [
      addClipVideo(library.store, 'one', { clip: CLIP }),
      addClipVideo(library.store, 'two', { clip: CLIP }),
    ];
    expect(keeper.sweepOnce(library.store)).toBe(2);
    await keeper.flush();
    for (const id of ids) expect(read(id)).toMatchObject({ ok: true, sidecar: { generation: { id } } });
    rmSync(sidecarOf(ids[0] ?? ''));
    expect(keeper.sweepOnce(library.store)).toBe(0);
  });

  it('a sweep cut short (the app quit before its writes) runs again at the next start', () => {
    addClipVideo(library.store, 'one', { clip: CLIP });
    expect(keeper.sweepOnce(library.store)).toBe(1);
    keeper.close(); // quit before the coalesced write ran
    const next = new SidecarKeeper({
      library: () => library.store,
      app: 'test',
      log: { warn() {}, info() {} },
      now: () => 0,
    });
    expect(next.sweepOnce(library.store)).toBe(1);
  });

  it('a video trashed while its sidecar is being written: the sidecar ends up beside it in the trash', async () => {
    const id = addClipVideo(library.store, 'trashed mid-write', { clip: CLIP });
    const home = join(library.root, `${library.store.getGeneration(id)?.video?.relPath}.json`);
    // The keeper reads the record (not trashed yet), then the user trashes it before the write lands.
    let reads = 0;
    const racing = new Proxy(library.store, {
      get(target, key) {
        // The store's own members (private fields too) on the store itself.
        const own = Reflect.get(target, key, target);
        if (key !== 'getGeneration') return typeof own === 'function' ? own.bind(target) : own;
        return (wanted: string) => {
          const record = target.getGeneration(wanted);
          if (wanted === id && ++reads === 1) target.trash(id);
          return record;
        };
      },
    });
    const racy = new SidecarKeeper({
      library: () => racing,
      app: 'test',
      log: { warn() {}, info() {} },
      now: () => 0,
    });
    racy.touch([id]);
    await racy.flush();
    await racy.flush();
    expect(existsSync(home)).toBe(false);
    expect(read(id)).toMatchObject({ ok: true, sidecar: { generation: { id } } });
  });

  it('a trashed video keeps its recipe beside it in the trash', async () => {
    const id = addClipVideo(library.store, 'gone soon', { clip: CLIP });
    library.store.trash(id);
    keeper.touch([id]);
    await keeper.flush();
    expect(sidecarOf(id)).toContain(join('.trash', id));
    expect(read(id)).toMatchObject({ ok: true, sidecar: { generation: { id } } });
  });
});
