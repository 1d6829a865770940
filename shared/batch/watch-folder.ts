// A watch folder: each new image in it becomes an image-to-video generation in its project with the
// folder's preset (prompt and output settings). Off until the user turns it on. Process-agnostic.
import { z } from 'zod';
import { absolutePathSchema } from '../contract/file-refs';
import { DEFAULT_PARAMS, LIMITS, PROVIDERS, RESOLUTIONS } from '../domain/params';

export const watchPresetSchema = z
  .object({
    prompt: z.string().trim().min(1, 'Prompt is required').max(LIMITS.promptMax),
    negativePrompt: z.string().trim().max(LIMITS.negativePromptMax).optional(),
    resolution: z.enum(RESOLUTIONS).default(DEFAULT_PARAMS.resolution),
    duration: z.union([z.literal(5), z.literal(10)]).default(DEFAULT_PARAMS.duration),
    promptExpansion: z.boolean().default(DEFAULT_PARAMS.promptExpansion),
    provider: z.enum(PROVIDERS).default(DEFAULT_PARAMS.provider),
  })
  .strict();

export const watchFolderSchema = z
  .object({
    folder: absolutePathSchema,
    /** The project its videos go to (null: no project). */
    projectId: z.string().min(1).max(64).nullable(),
    enabled: z.boolean().default(false),
    preset: watchPresetSchema,
  })
  .strict();
export type WatchFolder = z.output<typeof watchFolderSchema>;

export const watchFoldersSchema = z.array(watchFolderSchema).max(20);
