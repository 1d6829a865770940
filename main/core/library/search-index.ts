// Keeps the FTS index (migration 2) in step with what it indexes: prompt, negative prompt, notes
// and tag names. Every write of those goes through here, inside the writer's transaction, and
// records the terms it indexed (./search-terms.ts).
//
// Why the store and not triggers: SQLite runs a trigger as a sub-statement, and FTS5 inserts made
// that way cost about four times a direct insert. Bulk loads (the synthetic seeder) also index
// all their rows in one statement at the end, which FTS5 does far faster than row by row:
// 100 000 rows seed in a third of the time.
import type { Database } from 'better-sqlite3';
import type { LibraryContext } from './context';
import { recordEveryTerm, recordTermsOf } from './search-terms';

const INDEX_ROWS = `INSERT OR REPLACE INTO generations_fts(rowid, prompt, negative_prompt, notes, tags)
  SELECT g.seq, g.prompt, coalesce(g.negative_prompt, ''), g.notes,
    coalesce((SELECT group_concat(t.name, ' ') FROM generation_tags gt JOIN tags t ON t.id = gt.tag_id
              WHERE gt.generation_id = g.id), '')
  FROM generations g`;

/** (Re)indexes one generation after its prompt, notes or tags changed. */
export function indexGeneration(ctx: LibraryContext, id: string): void {
  ctx.stmt(`${INDEX_ROWS} WHERE g.id = ?`).run(id);
  recordTermsOf(ctx, id);
}

/** Drops a generation from the index; call before its row is deleted (the row gives the rowid). */
export function unindexGeneration(ctx: LibraryContext, id: string): void {
  ctx.stmt('DELETE FROM generations_fts WHERE rowid = (SELECT seq FROM generations WHERE id = ?)').run(id);
}

/** Indexes every generation with seq above `afterSeq`, in one statement (bulk loads). */
export function indexGenerationsAfter(db: Database, afterSeq: number): void {
  db.prepare(`${INDEX_ROWS} WHERE g.seq > ? ORDER BY g.seq`).run(afterSeq);
  recordEveryTerm(db);
}
