// Whether the library's rows were created in rowid order (created_at never decreases as seq
// grows). The engine and the importer stamp created_at with the clock at insert, so this holds
// unless the clock went back or a row was written with another time; then it is recorded, once
// and for good. While it holds, "newest first" is rowid order, and a text search can read its
// page straight from the FTS index in rowid order: 0.1–0.5 ms at a million rows where sorting the
// matches by date took 30–180 ms (./filters.ts).
import type { Database } from 'better-sqlite3';
import type { LibraryContext } from './context';

export function createCreatedOrderTracking(db: Database): void {
  db.exec(`
    CREATE TABLE created_order (
      id INTEGER PRIMARY KEY CHECK (id = 1),
      broken INTEGER NOT NULL
    ) STRICT;
    INSERT INTO created_order VALUES (1, EXISTS (
      SELECT 1 FROM (SELECT created_at < lag(created_at) OVER (ORDER BY seq) AS back FROM generations)
      WHERE back
    ));
    -- A row older than the row before it, or newer than the row after it (an explicit seq).
    CREATE TRIGGER created_order_insert AFTER INSERT ON generations
      WHEN NEW.created_at < (SELECT created_at FROM generations WHERE seq < NEW.seq ORDER BY seq DESC LIMIT 1)
        OR NEW.created_at > (SELECT created_at FROM generations WHERE seq > NEW.seq ORDER BY seq LIMIT 1)
    BEGIN
      UPDATE created_order SET broken = 1;
    END;
    CREATE TRIGGER created_order_update AFTER UPDATE OF created_at, seq ON generations
      WHEN NEW.created_at IS NOT OLD.created_at OR NEW.seq IS NOT OLD.seq
    BEGIN
      UPDATE created_order SET broken = 1;
    END;
  `);
}

/** True while sorting by (created_at, seq) is the same as sorting by seq. */
export function createdInSeqOrder(ctx: LibraryContext): boolean {
  return ctx.stmt('SELECT broken FROM created_order').pluck().get() === 0;
}
