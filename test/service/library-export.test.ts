// Export's bad cases on real disks: a folder without space and a cancelled export each end with a
// clear error, leave no half file in the folder, and change nothing in the library. The full
// disk is a real size-limited tmpfs (mounting needs root: skipped visibly where not permitted).
import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  copyFileSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isStudioError } from '../../main/core/errors';
import { SidecarKeeper } from '../../main/core/library/sidecar-keeper';
import type { LibraryStore } from '../../main/core/library/types';
import { DEFAULT_MEDIA_DIR } from '../../main/demo/options';
import { exportWithRecipes } from '../../main/service/library-export';
import { create, type TestLibrary, tempLibrary } from '../core/library/library-fixture';

const CLIP = join(DEFAULT_MEDIA_DIR, 'clip-16x9-audio.mp4');

function mountPermitted(): boolean {
  const probe = mkdtempSync(join(tmpdir(), 'wan-mount-probe-'));
  const mounted = spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', probe]).status === 0;
  if (mounted) spawnSync('umount', [probe]);
  rmSync(probe, { recursive: true, force: true });
  if (!mounted) console.warn('SKIPPED: mounting a tmpfs is not permitted here (needs root)');
  return mounted;
}
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

function addVideo(store: LibraryStore, prompt: string): string {
  const record = create(store, { prompt }, { state: 'done' });
  const relPath = `videos/${record.id}.mp4`;
  mkdirSync(join(store.root, 'videos'), { recursive: true });
  copyFileSync(CLIP, join(store.root, relPath));
  const bytes = readFileSync(CLIP);
  store.addVideo(record.id, {
    relPath,
    bytes: bytes.length,
    sha256: createHash('sha256').update(bytes).digest('hex'),
    width: 160,
    height: 90,
    durationMs: 5000,
    posterRelPath: null,
  });
  return record.id;
}

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
