// The record of every request that may have cost money, one row per send, kept apart from the
// generations so that what the caps count never changes after the fact: emptying the trash,
// moving a video to another project, a Resubmit of an uncertain job (both requests may have been
// charged) or a rebuild of the library do not give money back. A row is written, in the same
// transaction, when a generation becomes `submitting` (the request is about to leave), with its
// project at that moment; it is taken back only when that submit provably created nothing
// (`submitting` → `queued` or `failed`, which the submit step writes only then).
import type { Database } from 'better-sqlite3';
import type { GenerationState } from '../../../shared/domain/states';
import type { LibraryContext } from './context';

/** When a generation row says it was sent: its submit time, or, with no answer, its last change. */
export const SENT_AT = `coalesce(submitted_at, CASE WHEN state IN ('submitting', 'uncertain') THEN updated_at END)`;

const INSERT_FROM_GENERATIONS = `INSERT INTO spend_ledger (generation_id, backend, project_id, usd, sent_at)
  SELECT id, backend, project_id, estimated_cost_usd,`;

export function createSpendLedger(db: Database): void {
  db.exec(`
    CREATE TABLE spend_ledger (
      id INTEGER PRIMARY KEY,
      generation_id TEXT NOT NULL,
      backend TEXT NOT NULL,
      project_id TEXT,
      usd REAL NOT NULL,
      sent_at INTEGER NOT NULL
    ) STRICT;
    CREATE INDEX spend_ledger_sent ON spend_ledger(backend, sent_at);
    CREATE INDEX spend_ledger_project ON spend_ledger(project_id, backend);
    CREATE INDEX spend_ledger_generation ON spend_ledger(generation_id);
  `);
  backfillSpendLedger(db);
}

/**
 * One row for each generation that was sent and has none yet, as the generations tell it: what was
 * counted before the ledger existed, and after a rebuild the sends its sidecars know of that the
 * previous database's record lacks (an older copy, or none that could be read).
 */
export function backfillSpendLedger(db: Database): number {
  return db
    .prepare(
      `${INSERT_FROM_GENERATIONS} ${SENT_AT} FROM generations
       WHERE ${SENT_AT} IS NOT NULL AND id NOT IN (SELECT generation_id FROM spend_ledger)`,
    )
    .run().changes;
}

/** Keeps the ledger in step with a state change (inside updateGeneration's transaction). */
export function noteStateChange(
  ctx: LibraryContext,
  id: string,
  from: string,
  to: GenerationState,
  now: number,
): void {
  if (to === 'submitting' && from !== 'submitting') {
    ctx.stmt(`${INSERT_FROM_GENERATIONS} ? FROM generations WHERE id = ?`).run(now, id);
  } else if (from === 'submitting' && (to === 'queued' || to === 'failed')) {
    ctx
      .stmt('DELETE FROM spend_ledger WHERE id = (SELECT max(id) FROM spend_ledger WHERE generation_id = ?)')
      .run(id);
  }
}

/**
 * A send time written without the generation having gone through `submitting` here (a record
 * restored or imported with its history): it counts once, from that time.
 */
export function noteSubmitted(ctx: LibraryContext, id: string, at: number): void {
  ctx
    .stmt(
      `${INSERT_FROM_GENERATIONS} ? FROM generations
       WHERE id = ? AND NOT EXISTS (SELECT 1 FROM spend_ledger WHERE generation_id = ?)`,
    )
    .run(at, id, id);
}

/** One send as the ledger keeps it. */
export interface LedgerEntry {
  generationId: string;
  backend: string;
  projectId: string | null;
  usd: number;
  sentAt: number;
}

/**
 * Puts `entries` in place of the whole ledger (a rebuild bringing over the previous database's,
 * which also knows the sends whose videos did not come back), keeping a row for every restored
 * generation it lacks; returns how many entries came over.
 */
export function replaceSpendLedger(ctx: LibraryContext, entries: readonly LedgerEntry[]): number {
  ctx.stmt('DELETE FROM spend_ledger').run();
  const insert = ctx.stmt(
    'INSERT INTO spend_ledger (generation_id, backend, project_id, usd, sent_at) VALUES (?, ?, ?, ?, ?)',
  );
  for (const entry of entries) {
    insert.run(entry.generationId, entry.backend, entry.projectId, entry.usd, entry.sentAt);
  }
  backfillSpendLedger(ctx.db);
  return entries.length;
}
