// The Wan 2.5 request as the app thinks of it, the documented limits, and the mapping to the
// APIXO body. One copy of the limits: the renderer's inline errors, the CLI and the client all
// validate with `generationParamsSchema`. Process-agnostic: imports zod only.
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
  resolution: z.enum(RESOLUTIONS).default('720p'),
  duration: z.union([z.literal(5), z.literal(10)], { error: 'Duration must be 5 or 10 seconds' }).default(5),
  aspectRatio: z.enum(ASPECT_RATIOS).optional(),
  imageUrl: httpUrl.optional(),
  seed: z
    .number()
    .int('Seed must be a whole number')
    .min(0, 'Seed must be between 0 and 2147483647')
    .max(LIMITS.seedMax, 'Seed must be between 0 and 2147483647')
    .optional(),
  promptExpansion: z.boolean().default(true),
  provider: z.enum(PROVIDERS).default('auto'),
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
  return params.mode === 'text-to-video' && !params.aspectRatio ? { ...params, aspectRatio: '16:9' } : params;
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

export interface SubmitOptions {
  requestType: RequestType;
  /** Required (https) when requestType is 'callback'. */
  callbackUrl?: string;
}

/** The documented POST body for `generateTask/wan-2-5`. */
export function toApixoBody(params: GenerationParams, options: SubmitOptions): Record<string, unknown> {
  const input: Record<string, unknown> = {
    mode: params.mode,
    prompt: params.prompt,
    resolution: params.resolution,
    duration: params.duration,
    enable_prompt_expansion: params.promptExpansion,
  };
  if (params.mode === 'text-to-video') input.aspect_ratio = params.aspectRatio ?? '16:9';
  if (params.mode === 'image-to-video') {
    // A hosted reference image gets its link right before submit; sending without one would be paid for nothing.
    if (!params.imageUrl) throw new Error('image-to-video submitted without an image link');
    input.image_urls = [params.imageUrl];
  }
  if (params.negativePrompt) input.negative_prompt = params.negativePrompt;
  if (params.seed !== undefined) input.seed = params.seed;
  const body: Record<string, unknown> = {
    request_type: options.requestType,
    provider: params.provider,
    input,
  };
  if (options.requestType === 'callback') body.callback_url = options.callbackUrl;
  return body;
}
