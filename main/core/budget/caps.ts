// The caps rule: would sending `costUsd` more (for this backend and project) cross the daily, the
// monthly or the project cap, counting everything already sent in that period? The engine asks
// right before each submit; generations.create asks for a whole batch when the caller wants a
// refusal instead of held jobs (the CLI).
import {
  type BudgetSettings,
  type CapBreach,
  type CapKind,
  cents,
  dayStart,
  monthStart,
  nextDayStart,
  nextMonthStart,
} from '../../../shared/domain/budget';
import type { Backend, LibraryStore } from '../library/types';
import { readBudget } from './budget-settings';

export interface SpendIntent {
  backend: Backend;
  projectId: string | null;
  costUsd: number;
}

function breach(cap: CapKind, capUsd: number, spentUsd: number, intent: SpendIntent): CapBreach | null {
  const total = cents(spentUsd + intent.costUsd);
  if (total <= capUsd) return null;
  return {
    cap,
    capUsd,
    spentUsd,
    costUsd: intent.costUsd,
    overByUsd: cents(total - capUsd),
    projectId: cap === 'project' ? intent.projectId : null,
  };
}

/** The first cap (daily, monthly, project) the intent would cross, or null when it fits. */
export function findBreach(
  library: LibraryStore,
  intent: SpendIntent,
  now: number,
  budget: BudgetSettings = readBudget(library),
): CapBreach | null {
  const { backend } = intent;
  if (budget.dailyUsd !== null) {
    const spent = library.spentUsd({ backend, from: dayStart(now), to: nextDayStart(now) });
    const found = breach('daily', budget.dailyUsd, spent, intent);
    if (found) return found;
  }
  if (budget.monthlyUsd !== null) {
    const spent = library.spentUsd({ backend, from: monthStart(now), to: nextMonthStart(now) });
    const found = breach('monthly', budget.monthlyUsd, spent, intent);
    if (found) return found;
  }
  const projectCap = intent.projectId ? budget.projectUsd[intent.projectId] : undefined;
  if (intent.projectId && projectCap !== undefined) {
    const spent = library.spentUsd({ backend, projectId: intent.projectId });
    return breach('project', projectCap, spent, intent);
  }
  return null;
}

/** What was sent in today's and this month's period, and by each capped project, for Settings and `budget show`. */
export function spentInPeriods(
  library: LibraryStore,
  backend: Backend,
  now: number,
  budget: BudgetSettings = readBudget(library),
): { dailySpentUsd: number; monthlySpentUsd: number; projectSpentUsd: Record<string, number> } {
  const projectSpentUsd: Record<string, number> = {};
  for (const id of Object.keys(budget.projectUsd)) {
    projectSpentUsd[id] = library.spentUsd({ backend, projectId: id });
  }
  return {
    dailySpentUsd: library.spentUsd({ backend, from: dayStart(now), to: nextDayStart(now) }),
    monthlySpentUsd: library.spentUsd({ backend, from: monthStart(now), to: nextMonthStart(now) }),
    projectSpentUsd,
  };
}
