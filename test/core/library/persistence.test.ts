import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isStudioError } from '../../../main/core/errors';
import { DEFAULT_DB_RELATIVE_PATH, libraryContext, openLibrary } from '../../../main/core/library/library';
import { create, sha, type TestLibrary, tempLibrary } from './library-fixture';

let lib: TestLibrary;
beforeEach(() => {
  lib = tempLibrary();
});
afterEach(() => lib.cleanup());

describe('persistence', () => {
  it('keeps everything across close and reopen', () => {
    const project = lib.store.createProject('Shoot');
    const record = create(lib.store, { negativePrompt: 'blur', seed: 7 }, { projectId: project.id });
    lib.store.updateGeneration(record.id, { state: 'pending', taskId: 'task-9', nextCheckAt: 123 });
    lib.store.setTags(record.id, ['night']);
    lib.store.setNotes(record.id, 'hello');
    lib.store.setRating(record.id, 4);
    lib.store.setFavourite(record.id, true);
    lib.store.addVideo(record.id, {
      relPath: 'v/a.mp4',
      bytes: 1,
      sha256: sha(3),
      width: 1,
      height: 1,
      durationMs: 1,
      posterRelPath: null,
    });
    lib.store.savePartialDownload({
      generationId: record.id,
      url: 'https://cdn.test/a',
      partRelPath: 'v/a.part',
      bytesDone: 5,
      totalBytes: null,
      etag: null,
      lastModified: null,
    });
    lib.store.setSetting('theme', 'dark');
    const before = lib.store.getGeneration(record.id);
    const history = lib.store.stateHistory(record.id);
    lib.store.close();

    const reopened = openLibrary({ root: lib.root, clock: lib.clock });
    try {
      expect(reopened.getGeneration(record.id)).toEqual(before);
      expect(reopened.stateHistory(record.id)).toEqual(history);
      expect(reopened.listProjects()).toEqual([{ ...project, generationCount: 1 }]);
      expect(reopened.listActive().map((r) => r.id)).toEqual([record.id]);
      expect(reopened.getPartialDownload(record.id)?.bytesDone).toBe(5);
      expect(reopened.getSetting('theme')).toBe('dark');
      expect(reopened.query({ text: 'hello' }).total).toBe(1);
    } finally {
      reopened.close();
    }
  });

  it('says the library is closed instead of crashing after close()', () => {
    lib.store.close();
    let message = '';
    try {
      lib.store.query({});
    } catch (error) {
      message = isStudioError(error) ? `${error.kind}: ${error.userMessage}` : 'other';
    }
    expect(message).toBe('storage: The library is closed.');
  });

  it('lets a second connection read while the first one is in the middle of writing (WAL)', () => {
    const first = create(lib.store, { prompt: 'committed before' });
    const reader = new BetterSqlite3(join(lib.root, DEFAULT_DB_RELATIVE_PATH), { readonly: true });
    const count = reader.prepare('SELECT count(*) FROM generations').pluck();
    try {
      const { db } = libraryContext(lib.store);
      db.exec('BEGIN IMMEDIATE');
      create(lib.store, { prompt: 'not yet committed' });
      // The reader is not blocked and sees the last committed state.
      expect(count.get()).toBe(1);
      db.exec('COMMIT');
      expect(count.get()).toBe(2);
      expect(reader.prepare('SELECT prompt FROM generations WHERE id = ?').pluck().get(first.id)).toBe(
        'committed before',
      );
    } finally {
      reader.close();
    }
  });

  it('sees commits made by another process-like connection (the CLI) in totals and rows', () => {
    create(lib.store);
    expect(lib.store.query({}).total).toBe(1);
    const cli = openLibrary({ root: lib.root, clock: lib.clock });
    try {
      const fromCli = create(cli, { prompt: 'queued from the command line' });
      // The cached total must notice the other connection's commit.
      expect(lib.store.query({}).total).toBe(2);
      expect(lib.store.getGeneration(fromCli.id)?.params.prompt).toBe('queued from the command line');
      expect(lib.store.query({ text: 'command' }).total).toBe(1);
    } finally {
      cli.close();
    }
  });
});
