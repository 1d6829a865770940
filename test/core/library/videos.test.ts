import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { create, kindOf, SHA, sha, type TestLibrary, tempLibrary } from './library-fixture';

let lib: TestLibrary;
beforeEach(() => {
  lib = tempLibrary();
});
afterEach(() => lib.cleanup());

const video = (relPath: string, n = 1) => ({
  relPath,
  bytes: 1234,
  sha256: sha(n),
  width: 1280,
  height: 720,
  durationMs: 5000,
  posterRelPath: null,
});

describe('videos', () => {
  it('records a video for a generation and shows it on the record', () => {
    const record = create(lib.store);
    const added = lib.store.addVideo(record.id, video('Brand\\2025-06\\fox-1.mp4'));
    expect(added).toMatchObject({
      generationId: record.id,
      relPath: 'Brand/2025-06/fox-1.mp4',
      bytes: 1234,
      sha256: sha(1),
      createdAt: lib.clock.now(),
    });
    expect(lib.store.getGeneration(record.id)?.video).toEqual(added);
    expect(lib.store.getVideo(added.id)).toEqual(added);
    expect(lib.store.findVideoBySha256(sha(1).toUpperCase())).toEqual(added);
    expect(lib.store.findVideoBySha256(sha(2))).toBeNull();
  });

  it('replaces the video of a generation that gets a second one (a repeated download)', () => {
    const record = create(lib.store);
    lib.store.addVideo(record.id, video('a.mp4', 1));
    const second = lib.store.addVideo(record.id, video('a.mp4', 2));
    expect(lib.store.getGeneration(record.id)?.video?.id).toBe(second.id);
    expect(lib.store.findVideoBySha256(sha(1))).toBeNull();
  });

  it('accepts a video without a generation (an import) but not a path another entry uses', () => {
    const loose = lib.store.addVideo(null, video('imported/x.mp4'));
    expect(loose.generationId).toBeNull();
    const record = create(lib.store);
    expect(kindOf(() => lib.store.addVideo(record.id, video('imported/x.mp4')))).toBe('invalid_request');
  });

  it('refuses paths outside the library, a bad hash and an unknown generation', () => {
    const record = create(lib.store);
    for (const relPath of ['../x.mp4', '/abs/x.mp4', 'C:\\x.mp4', 'a/../../x.mp4', '', '.']) {
      expect(
        kindOf(() => lib.store.addVideo(record.id, video(relPath))),
        relPath,
      ).toBe('invalid_request');
    }
    expect(kindOf(() => lib.store.addVideo(record.id, { ...video('x.mp4'), sha256: 'abc' }))).toBe(
      'invalid_request',
    );
    expect(kindOf(() => lib.store.addVideo(record.id, { ...video('x.mp4'), bytes: -1 }))).toBe(
      'invalid_request',
    );
    expect(kindOf(() => lib.store.addVideo('missing', video('x.mp4')))).toBe('not_found');
  });

  it('sets a poster on an existing video only', () => {
    const record = create(lib.store);
    const added = lib.store.addVideo(record.id, { ...video('v/a.mp4'), sha256: SHA });
    lib.store.setPoster(added.id, 'v/a.jpg');
    expect(lib.store.getGeneration(record.id)?.video?.posterRelPath).toBe('v/a.jpg');
    expect(kindOf(() => lib.store.setPoster('missing', 'v/a.jpg'))).toBe('not_found');
    expect(kindOf(() => lib.store.setPoster(added.id, '../a.jpg'))).toBe('invalid_request');
  });

  it('saves, updates and clears the state of a resumable download', () => {
    const record = create(lib.store);
    expect(lib.store.getPartialDownload(record.id)).toBeNull();
    const partial = {
      generationId: record.id,
      url: 'https://cdn.test/a.mp4',
      partRelPath: 'v/a.mp4.part',
      bytesDone: 100,
      totalBytes: 1000,
      etag: '"abc"',
      lastModified: 'Wed, 21 Oct 2015 07:28:00 GMT',
    };
    lib.store.savePartialDownload(partial);
    expect(lib.store.getPartialDownload(record.id)).toEqual(partial);
    lib.store.savePartialDownload({ ...partial, bytesDone: 600, etag: null });
    expect(lib.store.getPartialDownload(record.id)).toEqual({ ...partial, bytesDone: 600, etag: null });
    lib.store.clearPartialDownload(record.id);
    expect(lib.store.getPartialDownload(record.id)).toBeNull();
    expect(kindOf(() => lib.store.savePartialDownload({ ...partial, generationId: 'missing' }))).toBe(
      'not_found',
    );
  });
});
