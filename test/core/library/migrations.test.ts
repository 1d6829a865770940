import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isStudioError } from '../../../main/core/errors';
import { migrate, openDatabase, schemaVersion } from '../../../main/core/library/db';
import { DEFAULT_DB_RELATIVE_PATH, openLibrary } from '../../../main/core/library/library';
import { MIGRATIONS } from '../../../main/core/library/migrations';

let dir: string;
let root: string;
let dbPath: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'wan-migrations-'));
  root = join(dir, 'library');
  dbPath = join(root, DEFAULT_DB_RELATIVE_PATH);
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function storageErrorOf(fn: () => unknown): string {
  try {
    fn();
    return 'no error';
  } catch (error) {
    return isStudioError(error) ? `${error.kind}: ${error.userMessage}` : `other: ${String(error)}`;
  }
}

describe('migrations', () => {
  it('creates a new library at the latest version, with the database inside the folder', () => {
    const store = openLibrary({ root });
    store.close();
    const db = new BetterSqlite3(dbPath);
    expect(schemaVersion(db)).toBe(MIGRATIONS.length);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    db.close();
  });

  it('upgrades a version-1 library, keeping its rows and indexing them for search', () => {
    // A library as the first release left it: base tables only, no search, no grid indexes.
    const old = openDatabase(dbPath, MIGRATIONS.slice(0, 1));
    expect(schemaVersion(old)).toBe(1);
    old
      .prepare(
        `INSERT INTO generations (id, model, mode, prompt, resolution, duration, aspect_ratio, prompt_expansion,
           provider, request_type, state, created_at, updated_at, estimated_cost_usd, notes)
         VALUES ('01JOLD0000000000000000000A', 'wan-2-5', 'text-to-video', 'lanterns over a canal', '720p', 5,
           '16:9', 1, 'auto', 'async', 'done', 1000, 1000, 0.4, 'shot for the festival')`,
      )
      .run();
    old.prepare(`INSERT INTO tags (name) VALUES ('venice')`).run();
    old
      .prepare(`INSERT INTO generation_tags (generation_id, tag_id) VALUES ('01JOLD0000000000000000000A', 1)`)
      .run();
    old.close();

    const store = openLibrary({ root });
    const record = store.getGeneration('01JOLD0000000000000000000A');
    expect(record).toMatchObject({
      state: 'done',
      backend: 'apixo',
      tags: ['venice'],
      notes: 'shot for the festival',
    });
    expect(store.query({ text: 'lantern' }).total).toBe(1);
    expect(store.query({ text: 'venice' }).total).toBe(1);
    expect(store.query({ text: 'festival' }).total).toBe(1);
    store.close();
    const db = new BetterSqlite3(dbPath);
    expect(schemaVersion(db)).toBe(MIGRATIONS.length);
    const indexes = db.prepare(`SELECT name FROM sqlite_schema WHERE type = 'index'`).pluck().all();
    expect(indexes).toContain('generations_created');
    db.close();
  });

  it('marks the imports of an older library as imported, under the file name their note kept', () => {
    // A library from before the migration that tells imports apart (later ones run too, on open).
    const before = MIGRATIONS.findIndex((migration) => migration.name === 'origin of each video');
    const old = openDatabase(dbPath, MIGRATIONS.slice(0, before));
    const insert = old.prepare(
      `INSERT INTO generations (id, model, mode, prompt, resolution, duration, aspect_ratio, prompt_expansion,
         provider, request_type, state, created_at, updated_at, estimated_cost_usd, notes)
       VALUES (?, 'wan-2-5', 'text-to-video', ?, '720p', 5, '16:9', 0, 'auto', 'async', 'done', 1000, 1000, ?, ?)`,
    );
    insert.run('01JOLD0000000000000000000I', 'harbour', 0, 'Imported from harbour.mp4');
    insert.run('01JOLD0000000000000000000G', 'a fox', 0.4, 'Imported from nowhere');
    const video = old.prepare(
      `INSERT INTO videos (id, generation_id, rel_path, bytes, sha256, created_at) VALUES (?, ?, ?, 10, ?, 1000)`,
    );
    video.run('v1', '01JOLD0000000000000000000I', 'imported/2025-06/x.mp4', 'a'.repeat(64));
    video.run('v2', '01JOLD0000000000000000000G', 'Project/2025-06/y.mp4', 'b'.repeat(64));
    old.close();

    const store = openLibrary({ root });
    expect(store.getGeneration('01JOLD0000000000000000000I')).toMatchObject({
      origin: 'imported',
      sourceName: 'harbour.mp4',
      notes: '',
    });
    // A paid generation whose note happens to read alike stays generated, its note untouched.
    expect(store.getGeneration('01JOLD0000000000000000000G')).toMatchObject({
      origin: 'generated',
      sourceName: null,
      notes: 'Imported from nowhere',
    });
    store.close();
  });

  // The release before the merge that reordered steps 5–7 ran 'reference audio' fifth; every
  // release since runs 'origin of each video' fifth. Both orders exist on users' disks.
  const byName = (...names: string[]) =>
    names.map((name) => {
      const migration = MIGRATIONS.find((candidate) => candidate.name === name);
      if (!migration) throw new Error(`no migration named ${name}`);
      return migration;
    });
  const FIRST_FOUR = [
    'base tables',
    'full-text search',
    'library grid indexes',
    'reference images and hosting',
  ];
  const columnsOf = (db: BetterSqlite3.Database) =>
    (db.pragma('table_info(generations)') as { name: string }[]).map((row) => row.name);

  it.each([
    ['a library left at version 5 by the release that ran reference audio fifth', ['reference audio']],
    [
      'a library a failed upgrade left at version 6 (holds ran, reference audio failed)',
      ['reference audio', 'holds and balance snapshots'],
    ],
  ])('opens %s, adding what the other order ran', (_label, later) => {
    const old = openDatabase(dbPath, byName(...FIRST_FOUR, ...later));
    old
      .prepare(
        `INSERT INTO generations (id, model, mode, prompt, resolution, duration, aspect_ratio, prompt_expansion,
           provider, request_type, state, created_at, updated_at, estimated_cost_usd, notes, audio_url)
         VALUES ('01JOLD0000000000000000000S', 'wan-2-5-video', 'text-to-video', 'a singer on a pier', '720p', 5,
           '16:9', 0, 'auto', 'async', 'done', 1000, 1000, 0.5, '', 'https://example.com/voice.mp3')`,
      )
      .run();
    old.close();

    const store = openLibrary({ root });
    expect(store.getGeneration('01JOLD0000000000000000000S')).toMatchObject({
      origin: 'generated',
      params: expect.objectContaining({ audioUrl: 'https://example.com/voice.mp3' }),
    });
    expect(store.query({}).total).toBe(1);
    store.close();
    const db = new BetterSqlite3(dbPath);
    expect(schemaVersion(db)).toBe(MIGRATIONS.length);
    expect(columnsOf(db)).toEqual(
      expect.arrayContaining(['origin', 'source_name', 'hold_json', 'audio_url']),
    );
    const tables = db.prepare(`SELECT name FROM sqlite_schema WHERE type = 'table'`).pluck().all();
    expect(tables).toContain('balance_snapshots');
    db.close();
    // And again: nothing left to do, nothing run twice.
    openLibrary({ root }).close();
  });

  it('keeps the released steps in their released order (new steps go at the end)', () => {
    // Libraries on users' disks ran these, in this order: a merge that moves or renames one breaks
    // them (it happened once; `applied` checks repair that one case). Append new names here.
    const released = [
      ...FIRST_FOUR,
      'origin of each video',
      'holds and balance snapshots',
      'reference audio',
      'count tables',
      'lineage links',
      'created order',
      'sequences',
      'recipes of imported videos',
      'frame strips',
      'search terms',
    ];
    expect(MIGRATIONS.map((migration) => migration.name).slice(0, released.length)).toEqual(released);
  });

  it('upgrades a library at the current order without running a reordered step twice', () => {
    const old = openDatabase(dbPath, byName(...FIRST_FOUR, 'origin of each video'));
    old.close();
    openLibrary({ root }).close();
    const db = new BetterSqlite3(dbPath);
    expect(schemaVersion(db)).toBe(MIGRATIONS.length);
    expect(columnsOf(db).filter((name) => name === 'audio_url')).toHaveLength(1);
    db.close();
  });

  it('refuses a library written by a newer version, without touching it', () => {
    openLibrary({ root }).close();
    const db = new BetterSqlite3(dbPath);
    db.pragma(`user_version = ${MIGRATIONS.length + 1}`);
    db.close();
    expect(storageErrorOf(() => openLibrary({ root }))).toMatch(/^storage: .*newer version/);
    const after = new BetterSqlite3(dbPath);
    expect(schemaVersion(after)).toBe(MIGRATIONS.length + 1);
    after.close();
  });

  it('rolls back a failing step and reports it as a storage error', () => {
    const db = openDatabase(dbPath, MIGRATIONS.slice(0, 1));
    const failing = [
      ...MIGRATIONS.slice(0, 1),
      {
        name: 'broken step',
        up(target: BetterSqlite3.Database) {
          target.exec('CREATE TABLE half_done (x INTEGER)');
          target.exec('THIS IS NOT SQL');
        },
      },
    ];
    expect(storageErrorOf(() => migrate(db, failing))).toMatch(/^storage: .*step 2: broken step/);
    expect(schemaVersion(db)).toBe(1);
    expect(db.prepare(`SELECT count(*) FROM sqlite_schema WHERE name = 'half_done'`).pluck().get()).toBe(0);
    db.close();
  });

  it('is a no-op when opened again at the latest version', () => {
    openLibrary({ root }).close();
    const db = openDatabase(dbPath);
    expect(schemaVersion(db)).toBe(MIGRATIONS.length);
    db.close();
  });
});
