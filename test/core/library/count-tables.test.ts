// The count tables kept by triggers (main/core/library/count-tables.ts) must agree with counting
// the rows, after every kind of write the store makes: create, state change, moving between
// projects, deleting a project (ON DELETE SET NULL), tags added and removed, trash, restore,
// purge. A random sequence of them is replayed and checked against a brute-force count.
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isStudioError } from '../../../main/core/errors';
import { withCountsDeferred } from '../../../main/core/library/count-tables';
import { DEFAULT_DB_RELATIVE_PATH, libraryContext } from '../../../main/core/library/library';
import type { GenerationState } from '../../../shared/domain/states';
import { seedSyntheticLibrary } from '../../helpers/synthetic-library';
import { create, type TestLibrary, tempLibrary } from './library-fixture';

let lib: TestLibrary;
beforeEach(() => {
  lib = tempLibrary();
});
afterEach(() => lib.cleanup());

/** What the store answers from its count tables against what counting the rows says. */
function compare(): void {
  const raw = new Database(join(lib.root, DEFAULT_DB_RELATIVE_PATH), { readonly: true });
  try {
    const states = Object.fromEntries(
      (
        raw
          .prepare('SELECT state, count(*) AS n FROM generations WHERE deleted_at IS NULL GROUP BY state')
          .all() as { state: string; n: number }[]
      ).map((row) => [row.state, row.n]),
    );
    expect(lib.store.countByState()).toEqual(states);
    const projects = raw
      .prepare(
        `SELECT p.id AS id, (SELECT count(*) FROM generations g WHERE g.project_id = p.id AND g.deleted_at IS NULL) AS n
         FROM projects p ORDER BY p.id`,
      )
      .all() as { id: string; n: number }[];
    expect(
      lib.store
        .listProjects()
        .map((project) => ({ id: project.id, n: project.generationCount }))
        .sort((a, b) => a.id.localeCompare(b.id)),
    ).toEqual(projects);
    const tags = raw
      .prepare(
        `SELECT t.name AS name, count(*) AS count FROM generation_tags gt JOIN tags t ON t.id = gt.tag_id
         JOIN generations g ON g.id = gt.generation_id WHERE g.deleted_at IS NULL
         GROUP BY t.id ORDER BY count DESC, t.name COLLATE NOCASE`,
      )
      .all();
    expect(lib.store.listTags()).toEqual(tags);
    // The grid's totals for project and state filters come from the same tables.
    const count = (where: string, ...args: unknown[]) =>
      raw
        .prepare(`SELECT count(*) FROM generations WHERE ${where}`)
        .pluck()
        .get(...args) as number;
    expect(lib.store.query({ limit: 1 }).total).toBe(count('deleted_at IS NULL'));
    expect(lib.store.query({ limit: 1, trashed: true }).total).toBe(count('deleted_at IS NOT NULL'));
    expect(lib.store.query({ limit: 1, projectId: null, states: ['done', 'failed'] }).total).toBe(
      count("deleted_at IS NULL AND project_id IS NULL AND state IN ('done', 'failed')"),
    );
    for (const { id } of projects) {
      expect(lib.store.query({ limit: 1, projectId: id }).total).toBe(
        count('deleted_at IS NULL AND project_id = ?', id),
      );
    }
  } finally {
    raw.close();
  }
}

/** Runs a write the store may refuse (trashing a running job, restoring a live one): a refusal writes nothing. */
function attempt(write: () => unknown): void {
  try {
    write();
  } catch (error) {
    if (!isStudioError(error)) throw error;
  }
}

/** A small deterministic generator, so a failure replays exactly. */
function random(seed: number): (n: number) => number {
  let state = seed;
  return (n) => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    return state % n;
  };
}

describe('count tables', () => {
  it('agree with counting the rows after a random mix of every kind of write', async () => {
    const pick = random(7);
    const projects = [lib.store.createProject('Alpha').id, lib.store.createProject('Beta').id];
    const ids: string[] = [];
    const TAGS = ['fox', 'snow', 'night', 'city'];
    const STATES: GenerationState[] = ['pending', 'processing', 'done', 'failed', 'cancelled'];
    for (let step = 0; step < 300; step++) {
      const id = ids.length > 0 ? ids[pick(ids.length)] : undefined;
      const action = id ? pick(9) : 0;
      if (action === 0) {
        const projectId = pick(3) === 0 ? undefined : projects[pick(projects.length)];
        ids.push(create(lib.store, {}, projectId ? { projectId } : {}).id);
      } else if (id && action === 1)
        attempt(() => lib.store.updateGeneration(id, { state: STATES[pick(STATES.length)] }));
      else if (id && action === 2) {
        lib.store.updateGeneration(id, { projectId: pick(3) === 0 ? null : projects[pick(projects.length)] });
      } else if (id && action === 3) {
        lib.store.setTags(
          id,
          TAGS.filter(() => pick(2) === 0),
        );
      } else if (id && action === 4) {
        attempt(() => lib.store.trash(id));
      } else if (id && action === 5) {
        attempt(() => lib.store.restore(id));
      } else if (action === 6 && step % 40 === 0) {
        await lib.clock.advance(60_000);
        lib.store.purgeTrash(lib.clock.now());
        ids.splice(0, ids.length, ...ids.filter((one) => lib.store.getGeneration(one) !== null));
      } else if (action === 7 && step % 50 === 0 && projects.length > 1) {
        const [gone] = projects.splice(pick(projects.length), 1);
        if (gone) lib.store.deleteProject(gone);
        projects.push(lib.store.createProject(`P${step}`).id);
      }
      if (step % 25 === 0) compare();
    }
    compare();
  });

  it('are recounted exactly after a bulk load with the triggers off, and the triggers come back', () => {
    const { db } = libraryContext(lib.store);
    const triggerSql = () =>
      db.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'trigger' ORDER BY name").all();
    const before = triggerSql();
    create(lib.store, {}, { projectId: lib.store.createProject('Before').id });
    seedSyntheticLibrary(lib.store, 500, { includeActive: true });
    expect(triggerSql()).toEqual(before);
    compare();
    // The triggers count the writes that follow the load again.
    const [some] = lib.store.query({ limit: 1, states: ['done'] }).items;
    if (!some) throw new Error('seeded nothing');
    lib.store.setTags(some.id, ['after-load']);
    lib.store.trash(some.id);
    create(lib.store);
    compare();
  });

  it('leave the triggers and counts untouched when a bulk load fails, and refuse to run outside a transaction', () => {
    const { db } = libraryContext(lib.store);
    const triggers = () =>
      db.prepare("SELECT count(*) FROM sqlite_master WHERE type = 'trigger'").pluck().get();
    const count = triggers();
    expect(count).toBeGreaterThanOrEqual(8);
    expect(() =>
      db.transaction(() =>
        withCountsDeferred(db, () => {
          db.prepare("INSERT INTO tags (name) VALUES ('half-loaded')").run();
          throw new Error('disk full');
        }),
      )(),
    ).toThrow('disk full');
    expect(triggers()).toBe(count);
    expect(() => withCountsDeferred(db, () => 1)).toThrow(/inside a write transaction/);
    create(lib.store);
    compare();
  });
});
