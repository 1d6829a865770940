// The duplicate guard: finished generations (video in the library, not trashed) made with exactly
// these parameters and one of these seeds. APIXO with the same seed and parameters makes the same
// video, so sending it again pays for something the user already has.
import type { GenerationParams } from '../../../shared/domain/params';
import type { LibraryContext } from './context';
import { paramValues, requireGeneration } from './generations';
import type { GenerationRecord } from './types';

export function findFinishedDuplicates(
  ctx: LibraryContext,
  params: GenerationParams,
  seeds: readonly number[],
): GenerationRecord[] {
  if (seeds.length === 0) return [];
  const ids = ctx
    .stmt(
      `SELECT g.id FROM generations g JOIN videos v ON v.generation_id = g.id
       WHERE g.state = 'done' AND g.deleted_at IS NULL AND g.mode = ? AND g.prompt = ?
         AND g.negative_prompt IS ? AND g.resolution = ? AND g.duration = ? AND g.aspect_ratio IS ?
         AND g.image_url IS ?
         AND (? IS NULL OR 1) -- the one seed of params is not used: every seed of the request is, below
         AND g.prompt_expansion = ? AND g.provider = ?
         AND g.seed IN (SELECT value FROM json_each(?))
       ORDER BY g.created_at DESC LIMIT 20`,
    )
    .pluck()
    .all(...paramValues(params), JSON.stringify(seeds)) as string[];
  return ids.map((id) => requireGeneration(ctx, id));
}
