import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isStudioError } from '../../../main/core/errors';
import type { GenerationRecord } from '../../../main/core/library/types';
import { create, sha, type TestLibrary, tempLibrary } from './library-fixture';

let lib: TestLibrary;
let counter: number;
beforeEach(() => {
  lib = tempLibrary();
  counter = 0;
});
afterEach(() => lib.cleanup());

const at = (relPath: string) => join(lib.root, ...relPath.split('/'));
const inTrash = (id: string, relPath: string) => join(lib.root, '.trash', id, ...relPath.split('/'));

function write(relPath: string, text: string): void {
  mkdirSync(dirname(at(relPath)), { recursive: true });
  writeFileSync(at(relPath), text);
}

/** A finished generation with a real video and poster file in the library. */
function finished(extra: { referenceImagePath?: string } = {}): GenerationRecord {
  const record = create(lib.store, {}, extra);
  const n = ++counter;
  const base = `Project/2025-06/fox-${n}`;
  write(`${base}.mp4`, `video ${n}`);
  write(`${base}.jpg`, `poster ${n}`);
  const video = lib.store.addVideo(record.id, {
    relPath: `${base}.mp4`,
    bytes: 7,
    sha256: sha(n),
    width: null,
    height: null,
    durationMs: null,
    posterRelPath: `${base}.jpg`,
  });
  lib.store.updateGeneration(record.id, { state: 'done' });
  return { ...record, video };
}

describe('trash', () => {
  it('moves the video and poster into .trash/<id>/ and marks the row', async () => {
    const record = finished();
    const video = record.video;
    if (!video?.posterRelPath) throw new Error('fixture');
    await lib.clock.advance(60_000);
    lib.store.trash(record.id);
    expect(existsSync(at(video.relPath))).toBe(false);
    expect(existsSync(at(video.posterRelPath))).toBe(false);
    expect(readFileSync(inTrash(record.id, video.relPath), 'utf8')).toBe('video 1');
    expect(readFileSync(inTrash(record.id, video.posterRelPath), 'utf8')).toBe('poster 1');
    expect(lib.store.getGeneration(record.id)?.deletedAt).toBe(lib.clock.now());
    // Trashing twice changes nothing.
    lib.store.trash(record.id);
    expect(existsSync(inTrash(record.id, video.relPath))).toBe(true);
  });

  it('restores files and row, and removes the emptied trash folder', () => {
    const record = finished();
    const video = record.video;
    if (!video) throw new Error('fixture');
    lib.store.trash(record.id);
    lib.store.restore(record.id);
    expect(readFileSync(at(video.relPath), 'utf8')).toBe('video 1');
    expect(lib.store.getGeneration(record.id)?.deletedAt).toBeNull();
    expect(existsSync(join(lib.root, '.trash', record.id))).toBe(false);
    expect(lib.store.query({}).total).toBe(1);
  });

  it('finishes a trash interrupted after moving one file but before the row changed', () => {
    const record = finished();
    const video = record.video;
    if (!video?.posterRelPath) throw new Error('fixture');
    // The crash: the video moved, the poster did not, the row still says "in the library".
    mkdirSync(dirname(inTrash(record.id, video.relPath)), { recursive: true });
    renameSync(at(video.relPath), inTrash(record.id, video.relPath));
    lib.store.trash(record.id);
    expect(readFileSync(inTrash(record.id, video.relPath), 'utf8')).toBe('video 1');
    expect(readFileSync(inTrash(record.id, video.posterRelPath), 'utf8')).toBe('poster 1');
    expect(lib.store.getGeneration(record.id)?.deletedAt).not.toBeNull();
  });

  it('restores when a file is already back in place, keeping both copies rather than overwriting', () => {
    const record = finished();
    const video = record.video;
    if (!video?.posterRelPath) throw new Error('fixture');
    lib.store.trash(record.id);
    // The crash: the video went home, then the process died before the row changed.
    renameSync(inTrash(record.id, video.relPath), at(video.relPath));
    lib.store.restore(record.id);
    expect(readFileSync(at(video.relPath), 'utf8')).toBe('video 1');
    expect(readFileSync(at(video.posterRelPath), 'utf8')).toBe('poster 1');
    expect(lib.store.getGeneration(record.id)?.deletedAt).toBeNull();

    // A file at home and a copy in the trash: home wins and the trash copy is left alone.
    lib.store.trash(record.id);
    write(video.relPath, 'newer video at home');
    lib.store.restore(record.id);
    expect(readFileSync(at(video.relPath), 'utf8')).toBe('newer video at home');
    expect(readFileSync(inTrash(record.id, video.relPath), 'utf8')).toBe('video 1');
  });

  it('refuses to trash a generation that is still running', () => {
    const record = create(lib.store);
    lib.store.updateGeneration(record.id, { state: 'processing' });
    let kind = 'no error';
    try {
      lib.store.trash(record.id);
    } catch (error) {
      kind = isStudioError(error) ? error.kind : 'other';
    }
    expect(kind).toBe('invalid_request');
    expect(lib.store.getGeneration(record.id)?.deletedAt).toBeNull();
  });

  it('throws not_found for unknown ids', () => {
    for (const action of [() => lib.store.trash('missing'), () => lib.store.restore('missing')]) {
      let kind = 'no error';
      try {
        action();
      } catch (error) {
        kind = isStudioError(error) ? error.kind : 'other';
      }
      expect(kind).toBe('not_found');
    }
  });

  it('purges rows and files trashed before a time, leaving newer trash and the library alone', async () => {
    const old = finished();
    const recent = finished();
    const kept = finished();
    lib.store.setTags(old.id, ['only-on-old']);
    lib.store.trash(old.id);
    await lib.clock.advance(30 * 24 * 3600 * 1000);
    const cutoff = lib.clock.now();
    lib.store.trash(recent.id);

    expect(lib.store.purgeTrash(cutoff)).toBe(1);
    expect(lib.store.getGeneration(old.id)).toBeNull();
    expect(existsSync(join(lib.root, '.trash', old.id))).toBe(false);
    expect(lib.store.query({ text: 'only' }).total).toBe(0);
    expect(lib.store.listTags()).toEqual([]);
    expect(lib.store.getGeneration(recent.id)?.deletedAt).not.toBeNull();
    expect(existsSync(inTrash(recent.id, recent.video?.relPath ?? ''))).toBe(true);

    expect(lib.store.purgeTrash()).toBe(1);
    expect(lib.store.query({ trashed: true }).total).toBe(0);
    expect(readFileSync(at(kept.video?.relPath ?? ''), 'utf8')).toBe('video 3');
    expect(lib.store.query({}).total).toBe(1);
  });

  it('purge deletes a reference image only when no generation uses it any more', () => {
    write('refs/shared.png', 'png');
    write('refs/own.png', 'png');
    const a = finished({ referenceImagePath: 'refs/shared.png' });
    const b = finished({ referenceImagePath: 'refs/shared.png' });
    const c = finished({ referenceImagePath: 'refs/own.png' });
    lib.store.trash(a.id);
    lib.store.trash(c.id);
    lib.store.purgeTrash();
    expect(existsSync(at('refs/shared.png'))).toBe(true);
    expect(existsSync(at('refs/own.png'))).toBe(false);
    lib.store.trash(b.id);
    lib.store.purgeTrash();
    expect(existsSync(at('refs/shared.png'))).toBe(false);
  });

  it('purge also removes a leftover file at home and a partial download', () => {
    const record = finished();
    const video = record.video;
    if (!video) throw new Error('fixture');
    write('Project/2025-06/partial.mp4.part', 'half');
    lib.store.savePartialDownload({
      generationId: record.id,
      url: 'https://cdn.test/a.mp4',
      partRelPath: 'Project/2025-06/partial.mp4.part',
      bytesDone: 4,
      totalBytes: 8,
      etag: null,
      lastModified: null,
    });
    lib.store.trash(record.id);
    // A crash after the row changed but with the video back home (or a trash move lost on power cut).
    renameSync(inTrash(record.id, video.relPath), at(video.relPath));
    lib.store.purgeTrash();
    expect(existsSync(at(video.relPath))).toBe(false);
    expect(existsSync(at('Project/2025-06/partial.mp4.part'))).toBe(false);
  });
});

describe('purging chosen items and the trash usage', () => {
  it('deletes only the chosen trashed items, reporting the bytes their files took', () => {
    const [a, b, kept] = [finished(), finished(), finished()];
    for (const record of [a, b]) lib.store.trash(record.id);
    expect(lib.store.trashUsage()).toEqual({ count: 2, bytes: 14 });

    // `kept` is not in the trash: purging it is refused by leaving it alone.
    const result = lib.store.purgeTrashed([a.id, kept.id]);
    // 7 bytes of video + 8 of poster ("poster 1").
    expect(result).toEqual({ deleted: 1, freedBytes: 15 });
    expect(lib.store.getGeneration(a.id)).toBeNull();
    expect(lib.store.getGeneration(kept.id)?.deletedAt).toBeNull();
    expect(existsSync(at(kept.video?.relPath ?? ''))).toBe(true);
    expect(lib.store.trashUsage()).toEqual({ count: 1, bytes: 7 });

    expect(lib.store.purgeTrashed()).toEqual({ deleted: 1, freedBytes: 15 });
    expect(lib.store.getGeneration(b.id)).toBeNull();
    expect(lib.store.trashUsage()).toEqual({ count: 0, bytes: 0 });
  });
});

describe('moving between projects', () => {
  it('moves several generations into a project and back out, counting only real changes', () => {
    const project = lib.store.createProject('Harbour');
    const [a, b] = [finished(), finished()];
    expect(lib.store.assignProject([a.id, b.id], project.id)).toBe(2);
    expect(lib.store.assignProject([a.id], project.id)).toBe(0);
    expect(lib.store.query({ projectId: project.id }).total).toBe(2);
    expect(lib.store.listProjects()[0]?.generationCount).toBe(2);
    expect(lib.store.assignProject([a.id], null)).toBe(1);
    expect(lib.store.getGeneration(a.id)?.projectId).toBeNull();
  });

  it('refuses an unknown project and changes nothing', () => {
    const a = finished();
    const failure = (() => {
      try {
        lib.store.assignProject([a.id], 'no-such-project');
      } catch (error) {
        return error;
      }
    })();
    expect(isStudioError(failure) && failure.kind).toBe('not_found');
    expect(lib.store.getGeneration(a.id)?.projectId).toBeNull();
  });
});
