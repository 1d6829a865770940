// The spend autopilot in the UI: the budget and its use, the spend report, held jobs (release,
// send together) and the questions asked before money moves (confirmation threshold, duplicate
// guard). Every contract call about money lives here; components read and call intents.
import type { z } from 'zod';
import { create } from 'zustand';
import type { budgetPatchSchema } from '../../shared/contract/budget-schemas';
import type {
  Balance,
  BudgetStatus,
  createGenerationsSchema,
  GenerationRecord,
  SpendReport,
} from '../../shared/contract/contract';
import { DEFAULT_PARAMS, modelOf } from '../../shared/domain/param-values';
import { estimateCostUsd } from '../../shared/domain/pricing';
import i18n from '../i18n';
import { formatUsd } from '../lib/format';
import { studio } from '../studio';
import { useQueue } from './queue';
import { useToasts } from './toasts';

type CreateInput = z.input<typeof createGenerationsSchema>;

/** What the pre-send dialog asks about: a total above the threshold, and/or a duplicate. */
export interface SpendQuestion {
  totalUsd: number;
  count: number;
  /** Set when the total is above the confirmation threshold. */
  thresholdUsd: number | null;
  duplicates: GenerationRecord[];
}

interface BudgetState {
  status: BudgetStatus | null;
  report: SpendReport | null;
  /** "Hold before sending": new generations are staged. */
  holdNext: boolean;
  question: SpendQuestion | null;
  answer: ((yes: boolean) => void) | null;
  load(): Promise<void>;
  update(patch: z.input<typeof budgetPatchSchema>): Promise<void>;
  loadReport(since?: number): Promise<void>;
  setHoldNext(hold: boolean): void;
  ask(question: SpendQuestion): Promise<boolean>;
  reply(yes: boolean): void;
}

export const useBudget = create<BudgetState>()((set, get) => ({
  status: null,
  report: null,
  holdNext: false,
  question: null,
  answer: null,
  async load() {
    set({ status: await studio.budget.get() });
  },
  async update(patch) {
    set({ status: await studio.budget.update(patch) });
  },
  async loadReport(since) {
    set({ report: await studio.spend.report(since === undefined ? undefined : { since }) });
  },
  setHoldNext: (holdNext) => set({ holdNext }),
  ask(question) {
    get().answer?.(false);
    return new Promise<boolean>((resolve) => set({ question, answer: resolve }));
  },
  reply(yes) {
    get().answer?.(yes);
    set({ question: null, answer: null });
  },
}));

const applyAll = (records: GenerationRecord[]) => {
  for (const record of records) useQueue.getState().applyUpdate(record);
  return records;
};

/**
 * generations.create with the questions a user must answer before paying: a total above the
 * confirmation threshold, a duplicate of a finished video. Null when the user said no.
 */
export async function createWithSpendChecks(input: CreateInput): Promise<GenerationRecord[] | null> {
  const budget = useBudget.getState();
  const hold = budget.holdNext;
  const status = budget.status ?? (await studio.budget.get());
  const count = (input.count ?? 1) * (input.references?.length ?? 1);
  const totalUsd = estimateCostUsd(
    input.params.resolution ?? DEFAULT_PARAMS.resolution,
    input.params.duration ?? DEFAULT_PARAMS.duration,
    count,
    modelOf(input.params),
  );
  const threshold = status.settings.confirmAboveUsd;
  const aboveThreshold = !hold && threshold !== null && totalUsd > threshold;
  const duplicates = input.seedMode === 'fixed' ? await studio.generations.duplicates(input) : [];
  let confirmed = false;
  if (aboveThreshold || duplicates.length > 0) {
    confirmed = await budget.ask({
      totalUsd,
      count,
      thresholdUsd: aboveThreshold ? threshold : null,
      duplicates,
    });
    if (!confirmed) return null;
  }
  return applyAll(await studio.generations.create({ ...input, hold, confirmed }));
}

/** Send held generations together: the total is shown first when it is above the threshold. */
export async function sendHeld(records: GenerationRecord[]): Promise<GenerationRecord[] | null> {
  const totalUsd = records.reduce((sum, record) => sum + record.estimatedCostUsd, 0);
  const status = useBudget.getState().status ?? (await studio.budget.get());
  const threshold = status.settings.confirmAboveUsd;
  let confirmed = false;
  if (threshold !== null && totalUsd > threshold) {
    confirmed = await useBudget
      .getState()
      .ask({ totalUsd, count: records.length, thresholdUsd: threshold, duplicates: [] });
    if (!confirmed) return null;
  }
  return applyAll(await studio.generations.sendHeld({ ids: records.map((record) => record.id), confirmed }));
}

/** Staging: new parameters for a held generation (its estimate follows). */
export async function editHeld(
  record: GenerationRecord,
  patch: Partial<GenerationRecord['params']>,
): Promise<void> {
  applyAll([await studio.generations.editHeld({ id: record.id, params: { ...record.params, ...patch } })]);
}

export async function releaseHeld(id: string): Promise<void> {
  applyAll([await studio.generations.release({ id })]);
}

/** A notification once per crossing of the low-balance threshold (the core says when). */
export function announceLowBalance(balance: Balance): void {
  if (!balance.lowAlert || balance.usd === null) return;
  useToasts.getState().show({
    tone: 'error',
    title: i18n.t('balance.lowTitle', { threshold: formatUsd(balance.lowAlert.thresholdUsd) }),
    detail: i18n.t('balance.lowDetail', { balance: formatUsd(balance.usd) }),
  });
}
