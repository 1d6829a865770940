// The Generate form as the user left it, kept by main so a reload or restart does not wipe it.
// Each mode (text-to-video, image-to-video) keeps its own draft: switching mode puts the other
// mode's draft back instead of dragging one prompt across both. Strings stay strings (a half-typed
// seed is a draft too); bounds are generous, not the params' limits: a draft may be invalid, it
// just may not be huge. Process-agnostic.
import { z } from 'zod';
import { type DraftSet, EMPTY_DRAFT_SET, withDraft } from './generate-draft-set';
import { DEFAULT_MODEL, MODEL_IDS } from './models';
import { ASPECT_RATIOS, DURATIONS, MODES, PROVIDERS, RESOLUTIONS } from './params';
import { SHA256_PATTERN } from './reference-paths';

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
    /** Image-to-video: the checked reference images (by content id), so they come back too. */
    references: z.array(z.string().regex(SHA256_PATTERN)).max(50).default([]),
  })
  .strict();

export type GenerateDraft = z.infer<typeof generateDraftSchema>;
export type GenerateDraftInput = z.input<typeof generateDraftSchema>;

/** Every mode's draft, and which mode the form was last in. */
export const generateDraftSetSchema = z
  .object({
    active: z.enum(MODES),
    drafts: z
      .object({
        'text-to-video': generateDraftSchema.optional(),
        'image-to-video': generateDraftSchema.optional(),
      })
      .strict(),
  })
  .strict();

export type GenerateDraftSet = DraftSet<GenerateDraft>;
// The schema and the zod-free shape in ./generate-draft-set.ts say the same.
const _setShapeAgrees: z.infer<typeof generateDraftSetSchema> extends GenerateDraftSet ? true : never = true;
void _setShapeAgrees;

/**
 * What a stored draft file holds, read leniently: the current set, or the single draft older
 * versions kept for all modes (it becomes the draft of the mode it was in). Anything else, or a
 * draft that no longer fits, is no draft at all: losing a draft must never stop the app.
 */
export function draftSetFromStored(stored: unknown): GenerateDraftSet {
  const set = generateDraftSetSchema.safeParse(stored);
  if (set.success) return set.data;
  const single = generateDraftSchema.safeParse(stored);
  if (single.success) return withDraft(EMPTY_DRAFT_SET, single.data);
  // One mode's draft no longer fits: keep the other rather than losing both.
  if (stored && typeof stored === 'object' && 'drafts' in stored) {
    const { drafts, active } = stored as { drafts?: Record<string, unknown>; active?: unknown };
    let kept: GenerateDraftSet = EMPTY_DRAFT_SET;
    for (const mode of MODES) {
      const draft = generateDraftSchema.safeParse(drafts?.[mode]);
      if (draft.success) kept = withDraft(kept, draft.data);
    }
    const activeMode = MODES.find((mode) => mode === active);
    return activeMode ? { ...kept, active: activeMode } : kept;
  }
  return EMPTY_DRAFT_SET;
}
