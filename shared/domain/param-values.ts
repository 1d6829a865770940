// The parameter values of a Wan request without their schema: the choices, the documented
// defaults, wan-2-5's limits and the model a request is for. Split from params.ts so code that only
// needs these (the renderer's first chunk: the Generate form's defaults, the spend estimate) loads
// no zod; params.ts re-exports all of it. Process-agnostic: imports the model table only.
import {
  ALL_ASPECT_RATIOS,
  ALL_DURATIONS,
  ALL_MODES,
  ALL_RESOLUTIONS,
  DEFAULT_MODEL,
  MODELS,
  type ModelId,
} from './models';

/** The model of generations stored before the model became a choice. */
export const MODEL_ID = DEFAULT_MODEL;
export const MODES = ALL_MODES;
/** Every resolution, aspect ratio and duration some model takes (filters, stored rows). */
export const RESOLUTIONS = ALL_RESOLUTIONS;
export const DURATIONS = ALL_DURATIONS;
export const ASPECT_RATIOS = ALL_ASPECT_RATIOS;
export const PROVIDERS = ['auto', 'value', 'official'] as const;
export const REQUEST_TYPES = ['async', 'callback'] as const;

/** wan-2-5's limits (the default model); other models' are in MODELS. */
export const LIMITS = {
  promptMax: MODELS['wan-2-5'].promptMax,
  negativePromptMax: MODELS['wan-2-5'].negativePromptMax,
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

/** The model a set of parameters is for. */
export function modelOf(params: { model?: ModelId }): ModelId {
  return params.model ?? DEFAULT_MODEL;
}
