// The spend view's figures, as the core computes them for the UI and `wan-studio spend`.
// Process-agnostic. Amounts are estimated USD (what the documented prices say was sent).

export interface SpendDay {
  /** Local day, YYYY-MM-DD. */
  day: string;
  totalUsd: number;
  /** project id ('' for none) → USD. */
  byProject: Record<string, number>;
  /** '720p' | '1080p' → USD. */
  byResolution: Record<string, number>;
  /** How far the balance fell that day, from snapshots on both sides; null when not known. */
  balanceDropUsd: number | null;
  /** What the balance drop should have been: sent that day, failed tasks excepted. */
  expectedDropUsd: number | null;
  /** balanceDropUsd − expectedDropUsd when it is large enough to mention (e.g. charges for failed tasks). */
  gapUsd: number | null;
}

export interface SpendProject {
  projectId: string | null;
  name: string | null;
  totalUsd: number;
  count: number;
}

export interface SpendReport {
  backend: 'apixo' | 'demo';
  since: number;
  totalUsd: number;
  count: number;
  days: SpendDay[];
  projects: SpendProject[];
  failedUsd: number;
  cancelledUsd: number;
  keptCount: number;
  /** Total spend divided by the clips kept (favourites or rated 4+); null with none kept. */
  costPerKeptUsd: number | null;
}

/** A gap smaller than this is rounding or a price change, not worth a flag. */
export const GAP_THRESHOLD_USD = 0.05;
