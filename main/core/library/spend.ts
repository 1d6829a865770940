// What was sent (and so paid for) and the balance over time: the facts the budget rules and the
// spend view are computed from. The caps count the spend ledger (./spend-ledger.ts): every request
// that may have reached APIXO, with its project when it left, whatever became of the generation.
// The spend view lists generations: one counts as sent from the moment its request may have
// reached APIXO (it has a submit time, or it is `submitting`/`uncertain`: the answer never came);
// trashed ones still count, emptied ones are gone from the view but not from the ledger.

import type { Backend } from '../../../shared/domain/records';
import type { GenerationState } from '../../../shared/domain/states';
import type { LibraryContext } from './context';
import { SENT_AT } from './spend-ledger';

export interface SpendRange {
  backend: Backend;
  /** Sent at or after (ms); omitted: since the beginning. */
  from?: number;
  /** Sent before (ms); omitted: until now. */
  to?: number;
  projectId?: string;
}

/** One sent generation as the spend view needs it. */
export interface SpendItem {
  id: string;
  projectId: string | null;
  resolution: string;
  duration: number;
  state: GenerationState;
  costUsd: number;
  sentAt: number;
  /** Kept: a favourite or rated 4 or more, with its video. */
  kept: boolean;
  /**
   * APIXO itself said the task failed (it has a fail code): not expected to be charged. A job that
   * failed on this side (its download) was made, and paid for, all the same.
   */
  failedRemotely: boolean;
}

export interface BalanceSnapshot {
  at: number;
  usd: number;
  backend: Backend;
  reason: string;
}

export function spentUsd(ctx: LibraryContext, range: SpendRange): number {
  const total = ctx
    .stmt(
      `SELECT coalesce(sum(usd), 0) FROM spend_ledger
       WHERE backend = ? AND sent_at >= ? AND sent_at < ? AND (? IS NULL OR project_id = ?)`,
    )
    .pluck()
    .get(
      range.backend,
      range.from ?? 0,
      range.to ?? Number.MAX_SAFE_INTEGER,
      range.projectId ?? null,
      range.projectId ?? null,
    ) as number;
  return Math.round(total * 100) / 100;
}

export function spendItems(ctx: LibraryContext, range: SpendRange): SpendItem[] {
  const rows = ctx
    .stmt(
      `SELECT g.id, g.project_id, g.resolution, g.duration, g.state, g.estimated_cost_usd, ${SENT_AT} AS sent_at,
         (g.state = 'failed' AND g.fail_code IS NOT NULL) AS failed_remotely,
         (v.id IS NOT NULL AND (g.favourite = 1 OR g.rating >= 4)) AS kept
       FROM generations g LEFT JOIN videos v ON v.generation_id = g.id
       WHERE g.backend = ? AND sent_at >= ? AND sent_at < ? AND (? IS NULL OR g.project_id = ?)
       ORDER BY sent_at`,
    )
    .all(
      range.backend,
      range.from ?? 0,
      range.to ?? Number.MAX_SAFE_INTEGER,
      range.projectId ?? null,
      range.projectId ?? null,
    ) as {
    id: string;
    project_id: string | null;
    resolution: string;
    duration: number;
    state: GenerationState;
    estimated_cost_usd: number;
    sent_at: number;
    kept: number;
    failed_remotely: number;
  }[];
  return rows.map((row) => ({
    id: row.id,
    projectId: row.project_id,
    resolution: row.resolution,
    duration: row.duration,
    state: row.state,
    costUsd: row.estimated_cost_usd,
    sentAt: row.sent_at,
    kept: row.kept !== 0,
    failedRemotely: row.failed_remotely !== 0,
  }));
}

export function addBalanceSnapshot(ctx: LibraryContext, snapshot: BalanceSnapshot): void {
  if (!Number.isFinite(snapshot.usd)) return;
  ctx
    .stmt('INSERT INTO balance_snapshots (at, usd, backend, reason) VALUES (?, ?, ?, ?)')
    .run(snapshot.at, snapshot.usd, snapshot.backend, snapshot.reason);
}

export function balanceSnapshots(ctx: LibraryContext, backend: Backend, since: number): BalanceSnapshot[] {
  return ctx
    .stmt(
      'SELECT at, usd, backend, reason FROM balance_snapshots WHERE backend = ? AND at >= ? ORDER BY at, id',
    )
    .all(backend, since) as BalanceSnapshot[];
}
