// Counts kept in the write transaction. The grid's start-up calls (states, projects, tags) and the
// total of an unfiltered or project/state-filtered page used to count the table: 40–135 ms each at
// a million rows. Triggers keep these tables exact with every insert, update and delete (the
// engine's, an import's, the trash's, a project's removal through ON DELETE SET NULL), so those
// answers read a few dozen rows whatever the library's size. No code path writes them directly,
// except a bulk load, which recounts once instead of running the triggers per row.
import type { Database } from 'better-sqlite3';

const LIVE_TAGS_OF = (row: 'NEW' | 'OLD') =>
  `SELECT tag_id FROM generation_tags WHERE generation_id = ${row}.id`;

/** Fills both tables from the rows (they must be empty). */
const COUNT_EVERYTHING = `
    INSERT INTO generation_counts
      SELECT coalesce(project_id, ''), state, deleted_at IS NOT NULL, count(*) FROM generations GROUP BY 1, 2, 3;
    INSERT INTO tag_counts
      SELECT gt.tag_id, count(*) FROM generation_tags gt JOIN generations g ON g.id = gt.generation_id
      WHERE g.deleted_at IS NULL GROUP BY gt.tag_id;`;

export function createCountTables(db: Database): void {
  db.exec(`
    -- Rows of generations by project ('' = none), state and whether they are in the trash.
    CREATE TABLE generation_counts (
      project_id TEXT NOT NULL,
      state TEXT NOT NULL,
      trashed INTEGER NOT NULL,
      n INTEGER NOT NULL,
      PRIMARY KEY (project_id, state, trashed)
    ) STRICT, WITHOUT ROWID;

    CREATE TRIGGER generation_counts_insert AFTER INSERT ON generations BEGIN
      INSERT INTO generation_counts VALUES (coalesce(NEW.project_id, ''), NEW.state, NEW.deleted_at IS NOT NULL, 1)
        ON CONFLICT DO UPDATE SET n = n + 1;
    END;
    CREATE TRIGGER generation_counts_delete AFTER DELETE ON generations BEGIN
      UPDATE generation_counts SET n = n - 1
        WHERE project_id = coalesce(OLD.project_id, '') AND state = OLD.state
          AND trashed = (OLD.deleted_at IS NOT NULL);
    END;
    CREATE TRIGGER generation_counts_update AFTER UPDATE OF project_id, state, deleted_at ON generations
      WHEN OLD.project_id IS NOT NEW.project_id OR OLD.state IS NOT NEW.state
        OR (OLD.deleted_at IS NULL) <> (NEW.deleted_at IS NULL)
    BEGIN
      UPDATE generation_counts SET n = n - 1
        WHERE project_id = coalesce(OLD.project_id, '') AND state = OLD.state
          AND trashed = (OLD.deleted_at IS NOT NULL);
      INSERT INTO generation_counts VALUES (coalesce(NEW.project_id, ''), NEW.state, NEW.deleted_at IS NOT NULL, 1)
        ON CONFLICT DO UPDATE SET n = n + 1;
    END;

    -- Uses of each tag by generations outside the trash.
    CREATE TABLE tag_counts (
      tag_id INTEGER PRIMARY KEY REFERENCES tags(id) ON DELETE CASCADE,
      n INTEGER NOT NULL
    ) STRICT;

    CREATE TRIGGER tag_counts_tag_added AFTER INSERT ON generation_tags
      WHEN EXISTS (SELECT 1 FROM generations WHERE id = NEW.generation_id AND deleted_at IS NULL)
    BEGIN
      INSERT INTO tag_counts VALUES (NEW.tag_id, 1) ON CONFLICT DO UPDATE SET n = n + 1;
    END;
    -- A cascade from a deleted generation finds no parent here: its BEFORE DELETE trigger counted it.
    CREATE TRIGGER tag_counts_tag_removed AFTER DELETE ON generation_tags
      WHEN EXISTS (SELECT 1 FROM generations WHERE id = OLD.generation_id AND deleted_at IS NULL)
    BEGIN
      UPDATE tag_counts SET n = n - 1 WHERE tag_id = OLD.tag_id;
    END;
    CREATE TRIGGER tag_counts_generation_deleted BEFORE DELETE ON generations
      WHEN OLD.deleted_at IS NULL
    BEGIN
      UPDATE tag_counts SET n = n - 1 WHERE tag_id IN (${LIVE_TAGS_OF('OLD')});
    END;
    CREATE TRIGGER tag_counts_trashed AFTER UPDATE OF deleted_at ON generations
      WHEN OLD.deleted_at IS NULL AND NEW.deleted_at IS NOT NULL
    BEGIN
      UPDATE tag_counts SET n = n - 1 WHERE tag_id IN (${LIVE_TAGS_OF('NEW')});
    END;
    CREATE TRIGGER tag_counts_restored AFTER UPDATE OF deleted_at ON generations
      WHEN OLD.deleted_at IS NOT NULL AND NEW.deleted_at IS NULL
    BEGIN
      INSERT INTO tag_counts SELECT tag_id, 1 FROM generation_tags WHERE generation_id = NEW.id
        ON CONFLICT DO UPDATE SET n = n + 1;
    END;
    ${COUNT_EVERYTHING}
  `);
}

/**
 * Runs a bulk load (thousands of rows) with the count triggers off, then recounts once: per-row
 * triggers cost a bulk insert about 40 % of its rate, one GROUP BY at the end a fraction of that.
 * Must run inside the caller's write transaction: DDL is transactional in SQLite, so other
 * connections never see the triggers missing, and a load that throws rolls the drop back too.
 * The triggers are recreated from their stored SQL, whatever a later migration made them.
 */
export function withCountsDeferred<T>(db: Database, load: () => T): T {
  if (!db.inTransaction) throw new Error('withCountsDeferred must run inside a write transaction');
  const triggers = db
    .prepare(
      `SELECT name, sql FROM sqlite_master WHERE type = 'trigger'
         AND (name LIKE 'generation\\_counts\\_%' ESCAPE '\\' OR name LIKE 'tag\\_counts\\_%' ESCAPE '\\')`,
    )
    .all() as { name: string; sql: string }[];
  for (const { name } of triggers) db.exec(`DROP TRIGGER "${name}"`);
  const result = load();
  db.exec(`DELETE FROM generation_counts; DELETE FROM tag_counts; ${COUNT_EVERYTHING}`);
  for (const { sql } of triggers) db.exec(sql);
  return result;
}
