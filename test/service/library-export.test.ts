// Export's bad cases on real disks: a folder without space and a cancelled export each end with a
// clear error, leave no half file in the folder, and change nothing in the library. The full
// disk is a real size-limited tmpfs (mounting needs root: skipped visibly where not permitted).
import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isStudioError } from '../../main/core/errors';
import { SidecarKeeper } from '../../main/core/library/sidecar-keeper';
import type { LibraryStore } from '../../main/core/library/types';
import { DEFAULT_MEDIA_DIR } from '../../main/demo/options';
import { exportWithRecipes } from '../../main/service/library-export';
import { type TestLibrary, tempLibrary } from '../core/library/library-fixture';
import { addClipVideo } from '../helpers/library-videos';
import { mountPermitted } from '../helpers/tmpfs';

const CLIP = join(DEFAULT_MEDIA_DIR, 'clip-16x9-audio.mp4');

const canMount = mountPermitted();

let library: TestLibrary;
let disk = '';
beforeEach(() => {
  library = tempLibrary();
  disk = join(library.dir, 'disk');
  mkdirSync(disk);
});
afterEach(() => {
  spawnSync('umount', [disk]);
  library.cleanup();
});

const addVideo = (store: LibraryStore, prompt: string) => addClipVideo(store, prompt, { clip: CLIP });

const keeper = (store: LibraryStore) =>
  new SidecarKeeper({ library: () => store, app: 'test', log: { warn() {}, info() {} }, now: () => 0 });

async function failureOf(run: () => Promise<unknown>): Promise<string> {
  try {
    await run();
    return 'no error';
  } catch (error) {
    return isStudioError(error) ? `${error.kind}: ${error.userMessage}` : `raw: ${String(error)}`;
  }
}

const libraryHashes = (store: LibraryStore) =>
  readdirSync(join(store.root, 'videos')).map((name) =>
    createHash('sha256')
      .update(readFileSync(join(store.root, 'videos', name)))
      .digest('hex'),
  );

describe('export: cancelled', () => {
  it('mid-copy: the copy being written is removed, nothing half-written is left', async () => {
    const ids = [addVideo(library.store, 'one'), addVideo(library.store, 'two')];
    const before = libraryHashes(library.store);
    const folder = join(library.dir, 'out');
    mkdirSync(folder);
    const controller = new AbortController();
    let done = 0;
    const failure = await failureOf(() =>
      exportWithRecipes(library.store, keeper(library.store), ids, folder, {
        signal: controller.signal,
        onProgress: (count) => {
          done = count;
        },
        // The second copy is cancelled while its packets are being written.
        onCopyProgress: () => {
          if (done === 1) controller.abort();
        },
      }),
    );
    expect(failure).toMatch(/^cancelled: The export was cancelled/);
    expect(readdirSync(folder)).toEqual([`${ids[0]}.mp4`]);
    expect(libraryHashes(library.store)).toEqual(before);
  });
});

describe.skipIf(!canMount)('export: a folder without space', () => {
  it('says the disk is full, leaves no file behind and the library unchanged', async () => {
    const id = addVideo(library.store, 'big enough');
    const before = libraryHashes(library.store);
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', disk]);
    // Leave less room than one copy takes.
    writeFileSync(join(disk, 'filler'), Buffer.alloc(40 * 1024));
    const failure = await failureOf(() =>
      exportWithRecipes(library.store, keeper(library.store), [id], disk),
    );
    expect(failure).toMatch(/^disk_full: The disk holding .* is full/);
    expect(readdirSync(disk)).toEqual(['filler']);
    expect(libraryHashes(library.store)).toEqual(before);
  });
});

describe('export: names in the target folder', () => {
  it("never writes over a user's file: a name whose sidecar is there already is taken", async () => {
    const id = addVideo(library.store, 'harbour');
    const name = (library.store.getGeneration(id)?.video?.relPath ?? '').split('/').at(-1) ?? '';
    writeFileSync(join(disk, `${name}.json`), 'notes the user keeps beside a video of that name');
    const outcome = await exportWithRecipes(library.store, keeper(library.store), [id], disk, {
      sidecars: true,
    });
    const copy = name.replace(/\.mp4$/, ' (1).mp4');
    expect(outcome.files).toEqual([copy]);
    expect(readFileSync(join(disk, `${name}.json`), 'utf8')).toBe(
      'notes the user keeps beside a video of that name',
    );
    expect(JSON.parse(readFileSync(join(disk, `${copy}.json`), 'utf8')).format).toBe('wan-studio.sidecar');
  });
});

describe('export: a library file that is gone', () => {
  it('skips that video with where it should be, and exports the rest', async () => {
    const gone = addVideo(library.store, 'gone');
    const kept = addVideo(library.store, 'kept');
    const relPath = library.store.getGeneration(gone)?.video?.relPath ?? '';
    rmSync(join(library.store.root, relPath));
    const outcome = await exportWithRecipes(library.store, keeper(library.store), [gone, kept], disk);
    expect(outcome.copied).toBe(1);
    expect(outcome.skipped).toEqual([
      { id: gone, reason: `Its video file is missing from the library (${relPath}).` },
    ]);
  });
});
