// Balance reconciliation: between two balance snapshots the balance should fall by what was sent
// in between (tasks APIXO reported failed excepted: it is not expected to charge for them; a job
// that failed on this side, in its download, was charged like any other). Each interval is
// credited to the day it ends in; an interval where the balance rose (a top-up) says nothing about
// spending and is skipped. A day whose drop exceeds the expectation by GAP_THRESHOLD_USD is flagged.
import { cents, dayKey } from '../../../shared/domain/budget';
import { GAP_THRESHOLD_USD } from '../../../shared/domain/spend';
import type { BalanceSnapshot, SpendItem } from '../library/types';

export interface DayReconciliation {
  balanceDropUsd: number;
  expectedDropUsd: number;
  gapUsd: number | null;
}

export function reconcile(snapshots: BalanceSnapshot[], items: SpendItem[]): Map<string, DayReconciliation> {
  const days = new Map<string, { drop: number; expected: number }>();
  for (const [index, after] of snapshots.entries()) {
    const before = snapshots[index - 1];
    if (!before) continue;
    const drop = cents(before.usd - after.usd);
    if (drop < 0) continue; // a top-up
    const expected = items
      .filter((item) => item.sentAt > before.at && item.sentAt <= after.at && !item.failedRemotely)
      .reduce((sum, item) => sum + item.costUsd, 0);
    const key = dayKey(after.at);
    const day = days.get(key) ?? { drop: 0, expected: 0 };
    day.drop += drop;
    day.expected += expected;
    days.set(key, day);
  }
  const result = new Map<string, DayReconciliation>();
  for (const [key, { drop, expected }] of days) {
    const gap = cents(drop - expected);
    result.set(key, {
      balanceDropUsd: cents(drop),
      expectedDropUsd: cents(expected),
      gapUsd: Math.abs(gap) >= GAP_THRESHOLD_USD ? gap : null,
    });
  }
  return result;
}
