// The checks an action meets before anything is queued: above the confirmation threshold it needs
// the user's yes; with `refuse` (the CLI), a batch that would cross a cap is refused whole and
// nothing is sent. (Jobs queued by the app meet the caps again, one by one, right before submit.)
import { breachSentence, usd } from '../../../shared/domain/budget';
import { StudioError } from '../errors';
import type { Backend, LibraryStore } from '../library/types';
import { readBudget } from './budget-settings';
import { findBreach } from './caps';

export interface SpendAction {
  backend: Backend;
  projectId: string | null;
  totalUsd: number;
  /** The user saw the total and said yes (the dialog, `--yes`). */
  confirmed: boolean;
  /** Over a cap: refuse (send nothing) instead of letting the engine hold the jobs. */
  refuseOverBudget: boolean;
}

export function guardSpend(library: LibraryStore, action: SpendAction, now: number): void {
  const budget = readBudget(library);
  if (!action.confirmed && budget.confirmAboveUsd !== null && action.totalUsd > budget.confirmAboveUsd) {
    throw new StudioError({
      kind: 'needs_confirmation',
      userMessage: `This is estimated at ${usd(action.totalUsd)}, above your confirmation threshold of ${usd(budget.confirmAboveUsd)}. Nothing was sent; confirm the total to send it.`,
    });
  }
  if (!action.refuseOverBudget) return;
  const intent = { backend: action.backend, projectId: action.projectId, costUsd: action.totalUsd };
  const breach = findBreach(library, intent, now, budget);
  if (breach) {
    const projectName =
      breach.projectId !== null ? library.listProjects().find((p) => p.id === breach.projectId)?.name : null;
    throw new StudioError({
      kind: 'over_budget',
      userMessage: `${breachSentence(breach, projectName)} Nothing was sent.`,
    });
  }
}
