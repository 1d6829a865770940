// A Wan 2.5 request as the app thinks of it. The limits come from the capability table
// (models.ts): the renderer's inline errors, the contract, the CLI and the client all validate
// with `generationParamsSchema`, which checks each field against the chosen model's row.
// Process-agnostic: imports zod only.
import { z } from 'zod';
import { MODEL_IDS, MODELS } from './models';
import {
  ASPECT_RATIOS,
  DEFAULT_PARAMS,
  LIMITS,
  MODES,
  modelOf,
  PROVIDERS,
  RESOLUTIONS,
} from './param-values';

export * from './param-values';

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
  /** Absent means wan-2-5 (every generation before the model became a choice). */
  model: z.enum(MODEL_IDS).optional(),
  mode: z.enum(MODES),
  /** Per model: required or not, and its maximum, are checked in modelRules. */
  prompt: z.string().trim().default(''),
  negativePrompt: z.string().trim().optional(),
  resolution: z.enum(RESOLUTIONS).default(DEFAULT_PARAMS.resolution),
  duration: z
    .union([z.literal(5), z.literal(10)], { error: 'Duration must be 5 or 10 seconds' })
    .default(DEFAULT_PARAMS.duration),
  aspectRatio: z.enum(ASPECT_RATIOS).optional(),
  imageUrl: httpUrl.optional(),
  /** wan-2-5-video: the audio the video is generated to (wav/mp3, 3–30 s). */
  audioUrl: httpUrl.optional(),
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

/** Every limit that depends on the model, from its row in the capability table. */
function modelRules(params: ParamsShape, ctx: z.RefinementCtx): void {
  const model = MODELS[modelOf(params)];
  const issue = (path: string, message: string) => ctx.addIssue({ code: 'custom', path: [path], message });
  // Length issues keep zod's codes, so the form words them ("required", "at most N") itself.
  const tooLong = (path: string, maximum: number, message: string) =>
    ctx.addIssue({ code: 'too_big', origin: 'string', maximum, inclusive: true, path: [path], message });
  if (params.prompt.length === 0 && model.promptRequired[params.mode]) {
    ctx.addIssue({
      code: 'too_small',
      origin: 'string',
      minimum: 1,
      inclusive: true,
      path: ['prompt'],
      message: 'Prompt is required',
    });
  }
  if (params.prompt.length > model.promptMax) {
    tooLong('prompt', model.promptMax, `Prompt must be at most ${model.promptMax} characters`);
  }
  if ((params.negativePrompt?.length ?? 0) > model.negativePromptMax) {
    tooLong(
      'negativePrompt',
      model.negativePromptMax,
      `Negative prompt must be at most ${model.negativePromptMax} characters`,
    );
  }
  if (!model.resolutions.includes(params.resolution)) {
    issue('resolution', `${model.label} takes resolution ${model.resolutions.join(' or ')}`);
  }
  const ratios = model.aspectRatios[params.resolution];
  if (
    params.aspectRatio &&
    model.resolutions.includes(params.resolution) &&
    !ratios.includes(params.aspectRatio)
  ) {
    issue('aspectRatio', `${model.label} at ${params.resolution} takes aspect ratio ${ratios.join(', ')}`);
  }
  if (params.audioUrl && !model.audio) issue('audioUrl', `${model.label} takes no audio`);
}

function modeRules(imageRequired: boolean) {
  return (params: ParamsShape, ctx: z.RefinementCtx) => {
    modelRules(params, ctx);
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
