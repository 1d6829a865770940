// Whether rows are in created order (main/core/library/created-order.ts) decides if text searches
// page through the FTS index in rowid order, so the flag must never say "in order" when a row is
// not: written at insert, on a changed created_at, and computed for an existing library.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCreatedOrderTracking, createdInSeqOrder } from '../../../main/core/library/created-order';
import { libraryContext } from '../../../main/core/library/library';
import { seedSyntheticLibrary } from '../../helpers/synthetic-library';
import { create, type TestLibrary, tempLibrary } from './library-fixture';

let lib: TestLibrary;
beforeEach(() => {
  lib = tempLibrary();
});
afterEach(() => lib.cleanup());

const inOrder = () => createdInSeqOrder(libraryContext(lib.store));

describe('created order', () => {
  it('holds while the clock moves forward, also for rows created in the same millisecond', async () => {
    expect(inOrder()).toBe(true);
    create(lib.store);
    create(lib.store);
    await lib.clock.advance(1_000);
    create(lib.store);
    expect(inOrder()).toBe(true);
  });

  it('is broken for good by a row older than the one before it (the clock went back)', async () => {
    await lib.clock.advance(60_000);
    const { id } = create(lib.store);
    // What a clock set back would write: a copy of the last row, 30 s older.
    const { db } = libraryContext(lib.store);
    const columns = (db.prepare('PRAGMA table_info(generations)').all() as { name: string }[])
      .map((column) => column.name)
      .filter((name) => name !== 'seq' && name !== 'id' && name !== 'created_at');
    db.prepare(
      `INSERT INTO generations (id, created_at, ${columns.join(', ')})
       SELECT 'older-copy', created_at - 30000, ${columns.join(', ')} FROM generations WHERE id = ?`,
    ).run(id);
    expect(inOrder()).toBe(false);
    await lib.clock.advance(120_000);
    create(lib.store);
    expect(inOrder()).toBe(false);
  });

  it('is broken by a changed creation time', () => {
    const { id } = create(lib.store);
    create(lib.store);
    libraryContext(lib.store)
      .db.prepare('UPDATE generations SET created_at = created_at - 1 WHERE id = ?')
      .run(id);
    expect(inOrder()).toBe(false);
  });

  it('is computed from the rows when the migration runs on an existing library', () => {
    seedSyntheticLibrary(lib.store, 200, { endAt: lib.clock.now() });
    const { db } = libraryContext(lib.store);
    const rerun = () =>
      db.transaction(() => {
        db.exec(
          'DROP TABLE created_order; DROP TRIGGER created_order_insert; DROP TRIGGER created_order_update',
        );
        createCreatedOrderTracking(db);
      })();
    rerun();
    expect(inOrder()).toBe(true);
    // Make the first row the newest behind the triggers' back, then migrate again.
    db.exec('DROP TRIGGER created_order_update');
    db.exec(
      'UPDATE generations SET created_at = (SELECT max(created_at) + 1 FROM generations) WHERE seq = (SELECT min(seq) FROM generations)',
    );
    db.exec('CREATE TRIGGER created_order_update AFTER UPDATE OF seq ON generations BEGIN SELECT 1; END');
    rerun();
    expect(inOrder()).toBe(false);
  });
});
