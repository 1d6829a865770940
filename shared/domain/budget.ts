// Spending caps and holds: what a budget is, which period a moment falls in, and the one sentence
// that says why a generation was not sent. Process-agnostic (the core enforces it, the UI and the
// CLI show it). Money is the estimated cost in USD, rounded to cents.

export const CAP_KINDS = ['daily', 'monthly', 'project'] as const;
export type CapKind = (typeof CAP_KINDS)[number];

/** Caps are in USD by estimated cost; null means no cap. Per-project caps are totals for the project. */
export interface BudgetSettings {
  dailyUsd: number | null;
  monthlyUsd: number | null;
  /** project id → cap over everything that project has sent. */
  projectUsd: Record<string, number>;
  /** An action estimated above this asks first (UI dialog, CLI --yes). */
  confirmAboveUsd: number | null;
  /** The balance alert fires once each time the balance falls below this. */
  lowBalanceUsd: number | null;
}

/** No caps and no confirmation threshold until the user sets them. */
export const NO_BUDGET: BudgetSettings = {
  dailyUsd: null,
  monthlyUsd: null,
  projectUsd: {},
  confirmAboveUsd: null,
  lowBalanceUsd: null,
};

/** Which cap a generation (or a batch) would cross, and by how much. */
export interface CapBreach {
  cap: CapKind;
  capUsd: number;
  /** Already sent in the period (or by the project). */
  spentUsd: number;
  /** What the refused generation or batch would add. */
  costUsd: number;
  overByUsd: number;
  projectId: string | null;
}

/** Why a generation waits in `held`: staged by the user, or stopped by a cap before sending. */
export type HoldReason = { kind: 'staged' } | ({ kind: 'over_budget' } & CapBreach);

export function cents(usd: number): number {
  return Math.round(usd * 100) / 100;
}

export function usd(value: number): string {
  return `$${cents(value).toFixed(2)}`;
}

/** Local midnight of the day `now` falls in (days and months follow the user's clock). */
export function dayStart(now: number): number {
  const date = new Date(now);
  return new Date(date.getFullYear(), date.getMonth(), date.getDate()).getTime();
}

export function nextDayStart(now: number): number {
  const date = new Date(now);
  return new Date(date.getFullYear(), date.getMonth(), date.getDate() + 1).getTime();
}

export function monthStart(now: number): number {
  const date = new Date(now);
  return new Date(date.getFullYear(), date.getMonth(), 1).getTime();
}

export function nextMonthStart(now: number): number {
  const date = new Date(now);
  return new Date(date.getFullYear(), date.getMonth() + 1, 1).getTime();
}

/** YYYY-MM-DD of the local day, the key of the spend view's days. */
export function dayKey(at: number): string {
  const date = new Date(at);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

const CAP_NAMES: Record<CapKind, string> = {
  daily: 'daily',
  monthly: 'monthly',
  project: 'project',
};

/** The sentence the queue, the CLI and the logs show (the UI translates the same fields). */
export function breachSentence(breach: CapBreach, projectName?: string | null): string {
  const which =
    breach.cap === 'project' && projectName
      ? `the cap of project "${projectName}"`
      : `the ${CAP_NAMES[breach.cap]} cap`;
  return (
    `Over budget: ${usd(breach.costUsd)} more would bring ${usd(breach.spentUsd)} already sent to ` +
    `${usd(breach.spentUsd + breach.costUsd)}, ${usd(breach.overByUsd)} over ${which} of ${usd(breach.capUsd)}.`
  );
}
