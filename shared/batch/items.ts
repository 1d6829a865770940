// One batch item is one generation as a batch (template, grid sweep, CSV/JSONL row, watch folder,
// MCP call) sends it: its parameters, and for image-to-video either a link or a file on this
// computer. The batch total and the confirmation threshold live here once. Process-agnostic.
import { z } from 'zod';
import { absolutePathSchema } from '../contract/file-refs';
import { NO_BUDGET } from '../domain/budget';
import { generationParamsDraftSchema, modelOf } from '../domain/params';
import { estimateCostUsd } from '../domain/pricing';

/** The most generations one batch may send (a night's CSV; the 20-video limit is per create call). */
export const MAX_BATCH_ITEMS = 500;

/**
 * Above this estimated total a batch is sent only when the call says the user confirmed it. Spending
 * caps (issue 12) add their own check next to this one in main/service/spend-guard.ts.
 */

const tag = z.string().trim().min(1).max(64);

export const batchItemSchema = z
  .object({
    params: generationParamsDraftSchema,
    /** image-to-video from a file on this computer (absolute; the CLI resolves a row's relative path). */
    imagePath: absolutePathSchema.optional(),
    /** A project by name: made when it does not exist yet. */
    project: z.string().trim().min(1).max(100).optional(),
    tags: z.array(tag).max(50).optional(),
  })
  .strict()
  .superRefine((item, ctx) => {
    const imageToVideo = item.params.mode === 'image-to-video';
    if (item.imagePath && !imageToVideo) {
      ctx.addIssue({ code: 'custom', path: ['imagePath'], message: 'Only image-to-video takes an image' });
    }
    if (item.imagePath && item.params.imageUrl) {
      ctx.addIssue({
        code: 'custom',
        path: ['imagePath'],
        message: 'Give an image file or a link, not both',
      });
    }
    if (imageToVideo && !item.imagePath && !item.params.imageUrl) {
      ctx.addIssue({
        code: 'custom',
        path: ['params', 'imageUrl'],
        message: 'Image-to-video needs an image file or link',
      });
    }
  });
export type BatchItem = z.output<typeof batchItemSchema>;
export type BatchItemInput = z.input<typeof batchItemSchema>;

export const batchItemsSchema = z.array(batchItemSchema).min(1).max(MAX_BATCH_ITEMS);

export interface BatchEstimate {
  count: number;
  totalUsd: number;
  /** The total is above the confirmation threshold: the batch needs `confirmed: true`. */
  needsConfirmation: boolean;
  /** The budget's confirmation threshold (null: never asks). */
  confirmAboveUsd: number | null;
}

/** Prices are estimates (see shared/domain/pricing.ts); the total is rounded to cents once. */
export function estimateBatch(
  items: readonly Pick<BatchItem, 'params'>[],
  confirmAboveUsd: number | null = NO_BUDGET.confirmAboveUsd,
): BatchEstimate {
  const cents = items.reduce(
    (sum, item) =>
      sum +
      Math.round(
        estimateCostUsd(item.params.resolution, item.params.duration, 1, modelOf(item.params)) * 100,
      ),
    0,
  );
  const totalUsd = cents / 100;
  return {
    count: items.length,
    totalUsd,
    needsConfirmation: confirmAboveUsd !== null && totalUsd > confirmAboveUsd,
    confirmAboveUsd,
  };
}
