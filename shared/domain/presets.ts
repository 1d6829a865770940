// Presets: named sets of Generate parameters (everything but the prompt and the images), saved
// from the form and applied to it later. Names are unique regardless of case, so "Night 1080p"
// and "night 1080p" cannot both exist and confuse the list. Process-agnostic.
import { z } from 'zod';
import { generateDraftSchema } from './generate-draft';

export const PRESET_LIMIT = 100;
export const PRESET_NAME_MAX = 80;

export const presetNameSchema = z
  .string()
  .trim()
  .min(1, 'A preset needs a name.')
  .max(PRESET_NAME_MAX, `A preset name has at most ${PRESET_NAME_MAX} characters.`);

/** What a preset sets: the form's parameters, never its prompt, images or project. */
export const presetParamsSchema = generateDraftSchema
  .pick({
    model: true,
    mode: true,
    negativePrompt: true,
    resolution: true,
    duration: true,
    aspectRatio: true,
    seedMode: true,
    seed: true,
    promptExpansion: true,
    provider: true,
    count: true,
  })
  .strict();

export type PresetParams = z.infer<typeof presetParamsSchema>;

export const presetSchema = z
  .object({
    id: z.string().min(1).max(64),
    name: presetNameSchema,
    params: presetParamsSchema,
    createdAt: z.number().int().nonnegative(),
    updatedAt: z.number().int().nonnegative(),
  })
  .strict();

export type Preset = z.infer<typeof presetSchema>;

export const presetListSchema = z.array(presetSchema);

export function sameName(a: string, b: string): boolean {
  return a.trim().toLocaleLowerCase() === b.trim().toLocaleLowerCase();
}

/** Alphabetical, as a list of names is read. */
export function sortPresets(list: readonly Preset[]): Preset[] {
  return [...list].sort((a, b) => a.name.localeCompare(b.name, undefined, { sensitivity: 'base' }));
}
