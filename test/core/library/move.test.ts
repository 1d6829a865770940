import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isStudioError } from '../../../main/core/errors';
import { openLibrary } from '../../../main/core/library/library';
import { moveFolder } from '../../../main/core/library/move';
import type { LibraryStore } from '../../../main/core/library/types';
import { create, sha, type TestLibrary, tempLibrary } from './library-fixture';

let lib: TestLibrary;
beforeEach(() => {
  lib = tempLibrary();
});
afterEach(() => lib.cleanup());

function addFile(store: LibraryStore, relPath: string, text: string) {
  const record = create(store, { prompt: `moving ${relPath}` });
  mkdirSync(join(store.root, 'v'), { recursive: true });
  writeFileSync(join(store.root, ...relPath.split('/')), text);
  store.addVideo(record.id, {
    relPath,
    bytes: text.length,
    sha256: sha(1),
    width: null,
    height: null,
    durationMs: null,
    posterRelPath: null,
  });
  return store.updateGeneration(record.id, { state: 'done' });
}

async function errorKind(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return 'no error';
  } catch (error) {
    return isStudioError(error) ? error.kind : `other: ${String(error)}`;
  }
}

describe('moving the library', () => {
  it('moves folder and database together and keeps working at the new place', async () => {
    const record = addFile(lib.store, 'v/clip.mp4', 'the video');
    lib.store.setSetting('theme', 'dark');
    const oldRoot = lib.root;
    const newRoot = join(lib.dir, 'elsewhere', 'My Library');
    await lib.store.moveTo(newRoot);

    expect(lib.store.root).toBe(newRoot);
    expect(existsSync(oldRoot)).toBe(false);
    expect(readFileSync(join(newRoot, 'v', 'clip.mp4'), 'utf8')).toBe('the video');
    expect(existsSync(join(newRoot, '.wanstudio', 'library.db'))).toBe(true);
    expect(lib.store.getGeneration(record.id)?.video?.relPath).toBe('v/clip.mp4');
    expect(lib.store.getSetting('theme')).toBe('dark');
    // Writes land in the moved database.
    const later = create(lib.store);
    lib.store.close();
    const reopened = openLibrary({ root: newRoot });
    expect(reopened.getGeneration(later.id)).not.toBeNull();
    expect(reopened.query({ text: 'moving' }).total).toBe(1);
    reopened.close();
  });

  it('moves into an existing empty folder', async () => {
    const target = join(lib.dir, 'empty');
    mkdirSync(target);
    addFile(lib.store, 'v/a.mp4', 'a');
    await lib.store.moveTo(target);
    expect(readFileSync(join(target, 'v', 'a.mp4'), 'utf8')).toBe('a');
  });

  it('refuses a non-empty destination or one inside the library, and stays usable where it was', async () => {
    const record = addFile(lib.store, 'v/a.mp4', 'a');
    const busy = join(lib.dir, 'busy');
    mkdirSync(busy);
    writeFileSync(join(busy, 'someone-else.txt'), 'keep me');
    expect(await errorKind(lib.store.moveTo(busy))).toBe('invalid_request');
    expect(await errorKind(lib.store.moveTo(join(lib.root, 'sub')))).toBe('invalid_request');
    expect(await errorKind(lib.store.moveTo(lib.root))).toBe('invalid_request');
    expect(readFileSync(join(busy, 'someone-else.txt'), 'utf8')).toBe('keep me');
    expect(lib.store.root).toBe(lib.root);
    expect(lib.store.getGeneration(record.id)?.state).toBe('done');
  });

  it('moves only the folder when the database lives elsewhere', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'wan-library-db-'));
    try {
      const dbPath = join(dir, 'userdata', 'library.db');
      const store = openLibrary({ root: join(dir, 'lib'), dbPath });
      const record = addFile(store, 'v/a.mp4', 'a');
      await store.moveTo(join(dir, 'moved'));
      expect(existsSync(dbPath)).toBe(true);
      expect(store.root).toBe(join(dir, 'moved'));
      expect(store.getGeneration(record.id)?.video?.relPath).toBe('v/a.mp4');
      expect(readFileSync(join(dir, 'moved', 'v', 'a.mp4'), 'utf8')).toBe('a');
      store.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('moveFolder across file systems (copy, verify, remove)', () => {
  it('copies every file, then removes the source', async () => {
    const from = join(lib.dir, 'src');
    mkdirSync(join(from, 'a', 'b'), { recursive: true });
    writeFileSync(join(from, 'a', 'b', 'deep.bin'), Buffer.alloc(100_000, 7));
    writeFileSync(join(from, 'top.txt'), 'top');
    const to = join(lib.dir, 'dst');
    await moveFolder(from, to, { copy: true });
    expect(existsSync(from)).toBe(false);
    expect(readFileSync(join(to, 'a', 'b', 'deep.bin')).equals(Buffer.alloc(100_000, 7))).toBe(true);
    expect(readFileSync(join(to, 'top.txt'), 'utf8')).toBe('top');
  });

  it.skipIf(process.platform === 'win32')(
    'leaves the source whole and no half copy when the copy fails',
    async () => {
      const from = join(lib.dir, 'src');
      mkdirSync(join(from, 'a'), { recursive: true });
      writeFileSync(join(from, 'a', 'keep.txt'), 'keep');
      // fs.cp refuses to copy a FIFO: a failure in the middle of the copy.
      execFileSync('mkfifo', [join(from, 'z-pipe')]);
      const to = join(lib.dir, 'dst');
      expect(await errorKind(moveFolder(from, to, { copy: true }))).toBe('storage');
      expect(readFileSync(join(from, 'a', 'keep.txt'), 'utf8')).toBe('keep');
      expect(existsSync(to)).toBe(false);
    },
  );
});
