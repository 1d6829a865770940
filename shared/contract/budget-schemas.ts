// Arguments and results of the spend autopilot's contract methods (budget caps, held jobs, the
// spend report). Process-agnostic: zod and types only.
import { z } from 'zod';
import type { BudgetSettings } from '../domain/budget';
import { generationParamsDraftSchema } from '../domain/params';
import { id } from './common-schemas';

const amount = z.number().finite().min(0).max(1_000_000);

export const budgetPatchSchema = z
  .object({
    dailyUsd: amount.nullable().optional(),
    monthlyUsd: amount.nullable().optional(),
    /** project id → cap; null removes it. */
    projectUsd: z.record(id, amount.nullable()).optional(),
    confirmAboveUsd: amount.nullable().optional(),
    lowBalanceUsd: amount.nullable().optional(),
  })
  .strict();

export const sendHeldSchema = z
  .object({
    ids: z.array(id).min(1).max(500),
    /** The user saw the total: needed when it is above the confirmation threshold. */
    confirmed: z.boolean().default(false),
  })
  .strict();

export const editHeldSchema = z.object({ id, params: generationParamsDraftSchema }).strict();

export const spendReportSchema = z
  .object({ since: z.number().int().nonnegative().optional() })
  .strict()
  .optional();

/** The budget and how much of it is used, for Settings, the queue and `budget show`. */
export interface BudgetStatus {
  settings: BudgetSettings;
  backend: 'apixo' | 'demo';
  dailySpentUsd: number;
  monthlySpentUsd: number;
  /** project id → sent by that project (capped projects only). */
  projectSpentUsd: Record<string, number>;
  /** Generations a cap holds. */
  heldOverBudget: number;
}
