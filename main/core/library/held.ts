// Editing a held generation before it is sent (staging): its parameters and estimate change in
// place. Only `held` rows: anything else may already be on its way to APIXO.

import type { GenerationParams } from '../../../shared/domain/params';
import { generationParamsDraftSchema, generationParamsSchema } from '../../../shared/domain/params';
import { StudioError } from '../errors';
import { inTransaction, type LibraryContext } from './context';
import { requireGeneration } from './generations';
import { indexGeneration } from './search-index';
import type { GenerationRecord } from './types';

export function editHeldParams(
  ctx: LibraryContext,
  id: string,
  params: GenerationParams,
  estimatedCostUsd: number,
): GenerationRecord {
  return inTransaction(ctx, () => {
    const current = requireGeneration(ctx, id);
    if (current.state !== 'held') {
      throw new StudioError({
        kind: 'invalid_request',
        userMessage: 'Only a held generation can be edited: this one may already have been sent.',
      });
    }
    if (params.mode !== current.params.mode) {
      throw new StudioError({
        kind: 'invalid_request',
        userMessage: 'The mode of a held generation cannot change.',
      });
    }
    const schema = current.imageSource === 'hosted' ? generationParamsDraftSchema : generationParamsSchema;
    const parsed = schema.safeParse(params);
    if (!parsed.success) {
      throw new StudioError({
        kind: 'invalid_request',
        userMessage: `Invalid generation parameters: ${parsed.error.issues.map((i) => i.message).join('; ')}`,
      });
    }
    const next = parsed.data;
    ctx
      .stmt(
        `UPDATE generations SET prompt = ?, negative_prompt = ?, resolution = ?, duration = ?, aspect_ratio = ?,
           seed = ?, prompt_expansion = ?, provider = ?, estimated_cost_usd = ?, updated_at = ? WHERE id = ?`,
      )
      .run(
        next.prompt,
        next.negativePrompt ?? null,
        next.resolution,
        next.duration,
        next.aspectRatio ?? null,
        next.seed ?? null,
        next.promptExpansion ? 1 : 0,
        next.provider,
        estimatedCostUsd,
        ctx.clock.now(),
        id,
      );
    indexGeneration(ctx, id);
    return requireGeneration(ctx, id);
  });
}
