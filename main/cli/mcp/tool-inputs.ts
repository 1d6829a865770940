// The MCP tools' argument shapes, built from the domain's own enums and limits. The contract's
// schemas still check every call (batch.create parses the items), so the assistant gets the very
// sentences a user of the app or CLI would.
import { z } from 'zod';
import { MAX_BATCH_ITEMS } from '../../../shared/batch/items';
import { DEFAULT_MODEL, MODEL_IDS, MODELS } from '../../../shared/domain/models';
import { ASPECT_RATIOS, LIMITS, MODES, PROVIDERS, RESOLUTIONS } from '../../../shared/domain/params';
import { GENERATION_STATES } from '../../../shared/domain/states';

export const MAX_WAIT_SECONDS = 600;
/** The contract checks each model's own limit; the tool's shape admits the longest. */
const LONGEST_PROMPT = Math.max(...MODEL_IDS.map((model) => MODELS[model].promptMax));

export const generationShape = {
  model: z
    .enum(MODEL_IDS)
    .optional()
    .describe(
      `${DEFAULT_MODEL} (default: 720p/1080p; 16:9, 9:16, 1:1) or wan-2-5-video (${MODELS['wan-2-5-video'].label}: also 480p, and 4:3 or 3:4 at 720p/1080p; prompts up to ${MODELS['wan-2-5-video'].promptMax} characters)`,
    ),
  prompt: z
    .string()
    .max(LONGEST_PROMPT)
    .describe(
      `What the video shows (at most ${MODELS[DEFAULT_MODEL].promptMax} characters; ${LONGEST_PROMPT} with wan-2-5-video)`,
    ),
  negativePrompt: z.string().max(LIMITS.negativePromptMax).optional().describe('What to avoid'),
  mode: z
    .enum(MODES)
    .optional()
    .describe('text-to-video (default) or image-to-video (needs imageUrl or imagePath)'),
  imageUrl: z.string().optional().describe('image-to-video: a public http(s) link to a JPEG, PNG or WebP'),
  imagePath: z
    .string()
    .optional()
    .describe('image-to-video: an absolute path to an image file on this computer'),
  resolution: z.enum(RESOLUTIONS).optional().describe('720p (default), 1080p, or 480p with wan-2-5-video'),
  duration: z
    .union([z.literal(5), z.literal(10)])
    .optional()
    .describe('Seconds: 5 (default) or 10'),
  aspectRatio: z.enum(ASPECT_RATIOS).optional().describe('text-to-video only; 16:9 by default'),
  seed: z
    .number()
    .int()
    .min(0)
    .max(LIMITS.seedMax)
    .optional()
    .describe('Fixed seed for the first video (each further video gets the next seed); random when left out'),
  promptExpansion: z.boolean().optional().describe('Let the model expand the prompt (default true)'),
  provider: z.enum(PROVIDERS).optional().describe('Routing: auto (default), value or official'),
  count: z
    .number()
    .int()
    .min(1)
    .max(MAX_BATCH_ITEMS)
    .optional()
    .describe('How many videos (variations) to make; default 1'),
  project: z.string().max(100).optional().describe('Project name in the library (made if missing)'),
  tags: z.array(z.string().max(64)).max(50).optional().describe('Tags to put on the videos'),
};

export const confirmShape = {
  confirmed: z
    .boolean()
    .optional()
    .describe(
      'Set true only after the user has seen the estimate and agreed; needed when the total is above the confirmation threshold',
    ),
};

export const idsShape = {
  ids: z
    .array(z.string().min(1).max(64))
    .min(1)
    .max(MAX_BATCH_ITEMS)
    .describe('Generation ids (from generate)'),
};

export const waitShape = {
  ...idsShape,
  timeoutSeconds: z
    .number()
    .int()
    .min(1)
    .max(MAX_WAIT_SECONDS)
    .optional()
    .describe(
      `Longest wait in seconds (default 120, at most ${MAX_WAIT_SECONDS}); returns the states either way`,
    ),
};

export const searchShape = {
  text: z.string().max(500).optional().describe('Words to find in prompts, notes and tags'),
  state: z.enum(GENERATION_STATES).optional().describe('Only generations in this state (done, failed, …)'),
  limit: z.number().int().min(1).max(100).optional().describe('At most this many (default 20)'),
};

export const getShape = { id: z.string().min(1).max(64).describe('A generation id') };
