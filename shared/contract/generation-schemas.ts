// The argument schema of generations.create and generations.duplicates (contract.ts lists the methods).
import { z } from 'zod';
import { CREATE_LINK_KINDS } from '../domain/lineage';
import { MODELS } from '../domain/models';
import { generationParamsDraftSchema, modelOf } from '../domain/params';
import { MAX_BATCH, MIN_BATCH } from './batch-limit';
import { id, imageId } from './common-schemas';

export { MAX_BATCH } from './batch-limit';

export const createGenerationsSchema = z
  .object({
    /** For image-to-video the link may be left out when `references` names the images instead. */
    params: generationParamsDraftSchema,
    /** Batch of N variations; each gets its own seed when seedMode is 'random'. */
    count: z.number().int().min(MIN_BATCH).max(MAX_BATCH).default(1),
    seedMode: z.enum(['random', 'fixed']).default('random'),
    projectId: id.nullable().default(null),
    /** image-to-video: inspected images; each makes `count` generations with the same settings. */
    references: z.array(imageId).min(1).max(MAX_BATCH).optional(),
    /** Staging: create them held; nothing is sent until generations.sendHeld. */
    hold: z.boolean().default(false),
    /** The user saw the total: needed when it is above the confirmation threshold. */
    confirmed: z.boolean().default(false),
    /** Over a cap: hold the jobs (the app) or refuse and send nothing (the CLI). */
    ifOverBudget: z.enum(['hold', 'refuse']).default('hold'),
    /** wan-2-5-video: an inspected audio (from audio.inspect*), instead of params.audioUrl. */
    audio: imageId.optional(),
    /** Where these come from (a continuation, a frame of a video, a remix): recorded with each. */
    lineage: z
      .object({
        kind: z.enum(CREATE_LINK_KINDS),
        parentId: id,
        frameMs: z.number().int().min(0).max(86_400_000).nullable().default(null),
      })
      .strict()
      .optional(),
  })
  .strict()
  .superRefine((input, ctx) => {
    const imageToVideo = input.params.mode === 'image-to-video';
    if (input.references && !imageToVideo) {
      ctx.addIssue({ code: 'custom', path: ['references'], message: 'Only image-to-video takes images' });
    }
    if (input.references && input.params.imageUrl) {
      ctx.addIssue({
        code: 'custom',
        path: ['params', 'imageUrl'],
        message: 'Give either an image link or added images, not both',
      });
    }
    if (imageToVideo && !input.references && !input.params.imageUrl) {
      ctx.addIssue({
        code: 'custom',
        path: ['params', 'imageUrl'],
        message: 'Image-to-video needs exactly one image URL',
      });
    }
    if (input.audio && input.params.audioUrl) {
      ctx.addIssue({
        code: 'custom',
        path: ['params', 'audioUrl'],
        message: 'Give either an audio link or an added audio, not both',
      });
    }
    if (input.audio && !MODELS[modelOf(input.params)].audio) {
      ctx.addIssue({ code: 'custom', path: ['audio'], message: 'This model takes no audio' });
    }
    const total = (input.references?.length ?? 1) * input.count;
    if (total > MAX_BATCH) {
      ctx.addIssue({
        code: 'custom',
        path: ['count'],
        message: `A batch is at most ${MAX_BATCH} videos: ${input.references?.length} images × ${input.count} variations make ${total}`,
      });
    }
  });
