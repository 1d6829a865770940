// Reconciliation expects a charge for everything sent except tasks APIXO itself reported failed: a
// job that failed on this side (its download) was made and paid for, so it is no "gap".
import { expect, it } from 'vitest';
import { reconcile } from '../../../main/core/budget/reconcile';
import type { SpendItem } from '../../../main/core/library/types';

const item = (costUsd: number, sentAt: number, extra: Partial<SpendItem> = {}): SpendItem => ({
  id: `g-${sentAt}`,
  projectId: null,
  resolution: '720p',
  duration: 5,
  state: 'done',
  costUsd,
  sentAt,
  kept: false,
  failedRemotely: false,
  ...extra,
});

it('expects a charge for a download that failed here, and none for a task APIXO failed', () => {
  const start = new Date(2026, 11, 1, 10).getTime();
  const snapshots = [
    { at: start, usd: 10, backend: 'apixo' as const, reason: 'refresh' },
    { at: start + 60_000, usd: 9.2, backend: 'apixo' as const, reason: 'refresh' },
  ];
  const items = [
    item(0.4, start + 1_000, { state: 'failed' }), // its download failed: charged
    item(0.4, start + 2_000, { state: 'failed', failedRemotely: true }), // APIXO failed it: not charged
    item(0.4, start + 3_000),
  ];
  const [day] = [...reconcile(snapshots, items).values()];
  expect(day).toEqual({ balanceDropUsd: 0.8, expectedDropUsd: 0.8, gapUsd: null });
});
