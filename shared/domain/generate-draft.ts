// The Generate form as the user left it, kept by main so a reload or restart does not wipe it.
// Strings stay strings (a half-typed seed is a draft too); bounds are generous, not the params'
// limits: a draft may be invalid, it just may not be huge. Process-agnostic.
import { z } from 'zod';
import { DEFAULT_MODEL, MODEL_IDS } from './models';
import { ASPECT_RATIOS, DURATIONS, MODES, PROVIDERS, RESOLUTIONS } from './params';

const text = (max: number) => z.string().max(max);

export const generateDraftSchema = z
  .object({
    /** Older drafts have no model: they were made for Wan 2.5. */
    model: z.enum(MODEL_IDS).default(DEFAULT_MODEL),
    mode: z.enum(MODES),
    prompt: text(10_000),
    negativePrompt: text(10_000),
    resolution: z.enum(RESOLUTIONS),
    duration: z.union(DURATIONS.map((value) => z.literal(value)) as [z.ZodLiteral<5>, z.ZodLiteral<10>]),
    aspectRatio: z.enum(ASPECT_RATIOS),
    imageUrl: text(4096),
    seedMode: z.enum(['random', 'fixed']),
    seed: text(64),
    promptExpansion: z.boolean(),
    provider: z.enum(PROVIDERS),
    count: z.number().int().min(0).max(1000),
    projectId: z.string().max(64).nullable(),
  })
  .strict();

export type GenerateDraft = z.infer<typeof generateDraftSchema>;
