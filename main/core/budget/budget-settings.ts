// The budget lives in the library (its settings table), not in one app's settings file: the
// desktop app, the browser host and the CLI open the same library and must obey the same caps.
import { type BudgetSettings, cents, NO_BUDGET } from '../../../shared/domain/budget';
import { StudioError } from '../errors';
import type { LibraryStore } from '../library/types';

const KEY = 'budget';

/** A stored budget, with anything unreadable left out (a cap this build cannot read is no cap). */
export function readBudget(library: LibraryStore): BudgetSettings {
  const stored = library.getSetting<Partial<BudgetSettings>>(KEY) ?? {};
  const amount = (value: unknown) =>
    typeof value === 'number' && value >= 0 && Number.isFinite(value) ? value : null;
  const projectUsd: Record<string, number> = {};
  for (const [id, cap] of Object.entries(stored.projectUsd ?? {})) {
    const value = amount(cap);
    if (value !== null) projectUsd[id] = value;
  }
  return {
    dailyUsd: amount(stored.dailyUsd),
    monthlyUsd: amount(stored.monthlyUsd),
    projectUsd,
    confirmAboveUsd: amount(stored.confirmAboveUsd),
    lowBalanceUsd: amount(stored.lowBalanceUsd),
  };
}

export type BudgetPatch = Partial<Omit<BudgetSettings, 'projectUsd'>> & {
  /** project id → cap; null removes that project's cap. */
  projectUsd?: Record<string, number | null>;
};

function checkAmount(name: string, value: number | null | undefined): void {
  if (value === null || value === undefined) return;
  if (!Number.isFinite(value) || value < 0 || value > 1_000_000) {
    throw new StudioError({
      kind: 'invalid_request',
      userMessage: `${name} must be an amount in USD from 0 to 1,000,000 (got ${value}).`,
    });
  }
}

export function writeBudget(library: LibraryStore, patch: BudgetPatch): BudgetSettings {
  const current = readBudget(library);
  for (const key of ['dailyUsd', 'monthlyUsd', 'confirmAboveUsd', 'lowBalanceUsd'] as const) {
    checkAmount(key, patch[key]);
  }
  const projectUsd = { ...current.projectUsd };
  const known = new Set(library.listProjects().map((project) => project.id));
  for (const [id, cap] of Object.entries(patch.projectUsd ?? {})) {
    if (cap === null) {
      delete projectUsd[id];
      continue;
    }
    if (!known.has(id))
      throw new StudioError({ kind: 'not_found', userMessage: `No project with id ${id}.` });
    checkAmount('A project cap', cap);
    projectUsd[id] = cents(cap);
  }
  const round = (value: number | null | undefined, fallback: number | null) =>
    value === undefined ? fallback : value === null ? null : cents(value);
  const next: BudgetSettings = {
    dailyUsd: round(patch.dailyUsd, current.dailyUsd),
    monthlyUsd: round(patch.monthlyUsd, current.monthlyUsd),
    projectUsd,
    confirmAboveUsd: round(patch.confirmAboveUsd, current.confirmAboveUsd),
    lowBalanceUsd: round(patch.lowBalanceUsd, current.lowBalanceUsd),
  };
  library.setSetting(KEY, next);
  return next;
}

export function clearBudget(library: LibraryStore): BudgetSettings {
  library.setSetting(KEY, undefined);
  return { ...NO_BUDGET, projectUsd: {} };
}
