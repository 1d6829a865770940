// The Wan 2.5 request as the app thinks of it and the documented limits. One copy of the limits:
// the renderer's inline errors, the contract, the CLI and the client all validate with
// `generationParamsSchema`. Process-agnostic: imports zod only.
import { z } from 'zod';

export const MODEL_ID = 'wan-2-5';
export const MODES = ['text-to-video', 'image-to-video'] as const;
export const RESOLUTIONS = ['720p', '1080p'] as const;
export const DURATIONS = [5, 10] as const;
export const ASPECT_RATIOS = ['16:9', '9:16', '1:1'] as const;
export const PROVIDERS = ['auto', 'value', 'official'] as const;
export const REQUEST_TYPES = ['async', 'callback'] as const;

export const LIMITS = {
  promptMax: 800,
  negativePromptMax: 500,
  seedMax: 2_147_483_647,
  imageMaxBytes: 10 * 1024 * 1024,
} as const;

/** What a generation gets when the user names no value: APIXO's documented defaults. */
export const DEFAULT_PARAMS = {
  resolution: '720p',
  duration: 5,
  /** Text-to-video only. */
  aspectRatio: '16:9',
  promptExpansion: true,
  provider: 'auto',
} as const satisfies {
  resolution: (typeof RESOLUTIONS)[number];
  duration: (typeof DURATIONS)[number];
  aspectRatio: (typeof ASPECT_RATIOS)[number];
  promptExpansion: boolean;
  provider: (typeof PROVIDERS)[number];
};

/** Every resolution × duration pair (prices, poll plans and expectations are kept per pair). */
export const RESOLUTION_DURATIONS = RESOLUTIONS.flatMap((resolution) =>
  DURATIONS.map((duration) => [resolution, duration] as const),
);

export type Mode = (typeof MODES)[number];
export type Resolution = (typeof RESOLUTIONS)[number];
export type Duration = (typeof DURATIONS)[number];
export type AspectRatio = (typeof ASPECT_RATIOS)[number];
export type Provider = (typeof PROVIDERS)[number];
export type RequestType = (typeof REQUEST_TYPES)[number];

const httpUrl = z
  .string()
  .trim()
  .refine((value) => {
    try {
      const url = new URL(value);
      return url.protocol === 'http:' || url.protocol === 'https:';
    } catch {
      return false;
    }
  }, 'must be an http(s) URL');

const paramsObject = z.object({
  mode: z.enum(MODES),
  prompt: z
    .string()
    .trim()
    .min(1, 'Prompt is required')
    .max(LIMITS.promptMax, `Prompt must be at most ${LIMITS.promptMax} characters`),
  negativePrompt: z
    .string()
    .trim()
    .max(LIMITS.negativePromptMax, `Negative prompt must be at most ${LIMITS.negativePromptMax} characters`)
    .optional(),
  resolution: z.enum(RESOLUTIONS).default(DEFAULT_PARAMS.resolution),
  duration: z
    .union([z.literal(5), z.literal(10)], { error: 'Duration must be 5 or 10 seconds' })
    .default(DEFAULT_PARAMS.duration),
  aspectRatio: z.enum(ASPECT_RATIOS).optional(),
  imageUrl: httpUrl.optional(),
  seed: z
    .number()
    .int('Seed must be a whole number')
    .min(0, 'Seed must be between 0 and 2147483647')
    .max(LIMITS.seedMax, 'Seed must be between 0 and 2147483647')
    .optional(),
  promptExpansion: z.boolean().default(DEFAULT_PARAMS.promptExpansion),
  provider: z.enum(PROVIDERS).default(DEFAULT_PARAMS.provider),
});

type ParamsShape = z.output<typeof paramsObject>;

function modeRules(imageRequired: boolean) {
  return (params: ParamsShape, ctx: z.RefinementCtx) => {
    if (params.mode === 'image-to-video') {
      if (!params.imageUrl && imageRequired) {
        ctx.addIssue({
          code: 'custom',
          path: ['imageUrl'],
          message: 'Image-to-video needs exactly one image URL',
        });
      }
      if (params.aspectRatio) {
        ctx.addIssue({
          code: 'custom',
          path: ['aspectRatio'],
          message: 'Aspect ratio applies to text-to-video only (the image sets it)',
        });
      }
    } else if (params.imageUrl) {
      ctx.addIssue({ code: 'custom', path: ['imageUrl'], message: 'Text-to-video takes no image URL' });
    }
  };
}

/**
 * Text-to-video always names its aspect ratio (APIXO's default, 16:9, when none is given), so the
 * stored generation says what was sent and the library's aspect-ratio filter finds it.
 */
function withAspectRatio(params: ParamsShape): ParamsShape {
  return params.mode === 'text-to-video' && !params.aspectRatio
    ? { ...params, aspectRatio: DEFAULT_PARAMS.aspectRatio }
    : params;
}

/**
 * Parameters of one generation, validated against the documented limits before anything is sent.
 * The defaults (720p, 5 s, 16:9 for text-to-video, prompt expansion on, provider auto) live here
 * only: every host passes what its user chose and nothing more.
 */
export const generationParamsSchema = paramsObject.superRefine(modeRules(true)).overwrite(withAspectRatio);

/**
 * The same, except that image-to-video may still lack its link: a reference image from this
 * computer gets one (a presigned URL to the user's image hosting) just before it is submitted.
 */
export const generationParamsDraftSchema = paramsObject
  .superRefine(modeRules(false))
  .overwrite(withAspectRatio);

export type GenerationParams = z.output<typeof generationParamsSchema>;
export type GenerationParamsInput = z.input<typeof generationParamsSchema>;
