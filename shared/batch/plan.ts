// The batch builder's plan: a prompt template × seeds × resolutions × durations × aspect ratios.
// Expanded here, in shared code, so the renderer's preview, the CLI and the core make the very same
// items (same prompts, same seeds, same order) from the same plan. Process-agnostic.
import { z } from 'zod';
import { ASPECT_RATIOS, LIMITS, PROVIDERS, RESOLUTIONS } from '../domain/params';
import { drawInt, seededRandom } from '../domain/seeded-random';
import { MAX_BATCH_ITEMS } from './items';
import { expandTemplate, templateCount, templateProblems } from './template';

const seed = z.number().int().min(0).max(LIMITS.seedMax);

export const batchPlanSchema = z
  .object({
    template: z.string().trim().min(1, 'Write a prompt template').max(2000),
    /** Values per variable name (`{subject}` → ["a fox", "a lighthouse"]). */
    variables: z.record(z.string().max(32), z.array(z.string().max(400)).max(50)).default({}),
    negativePrompt: z.string().trim().max(LIMITS.negativePromptMax).optional(),
    /** Prompts drawn per combination of variable values (inline choices differ between them). */
    variations: z.number().int().min(1).max(50).default(1),
    /** Seeds the template's choices and the video seeds: the same plan gives the same batch. */
    batchSeed: seed.default(1),
    /** Video seeds to sweep; empty: one seed per prompt, drawn from the batch seed. */
    seeds: z.array(seed).max(20).default([]),
    resolutions: z.array(z.enum(RESOLUTIONS)).min(1).max(RESOLUTIONS.length).default(['720p']),
    durations: z
      .array(z.union([z.literal(5), z.literal(10)]))
      .min(1)
      .max(2)
      .default([5]),
    aspectRatios: z.array(z.enum(ASPECT_RATIOS)).min(1).max(ASPECT_RATIOS.length).default(['16:9']),
    promptExpansion: z.boolean().default(true),
    provider: z.enum(PROVIDERS).default('auto'),
    project: z.string().trim().min(1).max(100).optional(),
    tags: z.array(z.string().trim().min(1).max(64)).max(50).optional(),
  })
  .strict();
export type BatchPlan = z.output<typeof batchPlanSchema>;
export type BatchPlanInput = z.input<typeof batchPlanSchema>;

/** One cell of the grid: the generation and where it sits (for the result grid's rows and columns). */
export interface PlannedItem {
  params: {
    mode: 'text-to-video';
    prompt: string;
    negativePrompt?: string;
    resolution: (typeof RESOLUTIONS)[number];
    duration: 5 | 10;
    aspectRatio: (typeof ASPECT_RATIOS)[number];
    seed: number;
    promptExpansion: boolean;
    provider: (typeof PROVIDERS)[number];
  };
  project?: string;
  tags?: string[];
  /** Which prompt (row) and which setting combination (column) this item is. */
  row: number;
  column: number;
}

export type PlanExpansion =
  | { ok: true; items: PlannedItem[]; columns: string[] }
  | { ok: false; problems: string[] };

function uniq<T>(values: readonly T[]): T[] {
  return [...new Set(values)];
}

/** The plan's items in a stable order (prompt, then seed, resolution, duration, aspect ratio), or why not. */
export function expandPlan(plan: BatchPlan): PlanExpansion {
  const problems = templateProblems(plan.template, plan.variables);
  if (problems.length > 0) return { ok: false, problems };
  const seeds = uniq(plan.seeds);
  const settings = uniq(plan.resolutions).flatMap((resolution) =>
    uniq(plan.durations).flatMap((duration) =>
      uniq(plan.aspectRatios).map((aspectRatio) => ({ resolution, duration, aspectRatio })),
    ),
  );
  const promptCount = templateCount(plan.template, plan.variables, plan.variations);
  const total = promptCount * Math.max(seeds.length, 1) * settings.length;
  if (total > MAX_BATCH_ITEMS) {
    return { ok: false, problems: [`This makes ${total} videos; a batch is at most ${MAX_BATCH_ITEMS}`] };
  }
  const prompts = expandTemplate(plan.template, plan.variables, {
    seed: plan.batchSeed,
    variations: plan.variations,
  });
  const tooLong = prompts.find((prompt) => prompt.length > LIMITS.promptMax);
  if (tooLong !== undefined) {
    return {
      ok: false,
      problems: [`A prompt would be ${tooLong.length} characters; at most ${LIMITS.promptMax}`],
    };
  }
  // Drawn after the prompts from a second stream, so adding a seed to the sweep changes no prompt.
  const seedRandom = seededRandom(plan.batchSeed ^ 0x5eed);
  const columns: string[] = [];
  const items: PlannedItem[] = [];
  prompts.forEach((prompt, row) => {
    const promptSeeds = seeds.length > 0 ? seeds : [drawInt(seedRandom, LIMITS.seedMax)];
    let column = 0;
    for (const videoSeed of promptSeeds) {
      for (const setting of settings) {
        const label = `${seeds.length > 0 ? `seed ${videoSeed} · ` : ''}${setting.resolution} · ${setting.duration}s · ${setting.aspectRatio}`;
        if (row === 0) columns.push(label);
        items.push({
          params: {
            mode: 'text-to-video',
            prompt,
            ...(plan.negativePrompt ? { negativePrompt: plan.negativePrompt } : {}),
            ...setting,
            seed: videoSeed,
            promptExpansion: plan.promptExpansion,
            provider: plan.provider,
          },
          ...(plan.project ? { project: plan.project } : {}),
          ...(plan.tags?.length ? { tags: plan.tags } : {}),
          row,
          column: column++,
        });
      }
    }
  });
  return { ok: true, items, columns };
}
