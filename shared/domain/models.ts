// The one table of what each APIXO Wan 2.5 model ID accepts. The request schema (params.ts), the
// simulator's validation, the Generate form and the CLI read their limits from here, so a new
// model or a corrected limit is one edit. Process-agnostic: no imports at all.
//
// Sources: `wan-2-5` from the user's docs pages (docs/APIXO.md); `wan-2-5-video` from the
// "Wan 2.5 Video" page (https://apixo.ai/docs/models/video/wan-2-5-video.md, summarised in
// shared/apixo/REFERENCE.md §10). Where that page says nothing (its defaults, seed range, prompt
// expansion) the wan-2-5 behaviour is assumed and marked `assumed` below.

export const MODEL_IDS = ['wan-2-5', 'wan-2-5-video'] as const;
export type ModelId = (typeof MODEL_IDS)[number];

export const ALL_MODES = ['text-to-video', 'image-to-video'] as const;
export const ALL_RESOLUTIONS = ['480p', '720p', '1080p'] as const;
export const ALL_DURATIONS = [5, 10] as const;
export const ALL_ASPECT_RATIOS = ['16:9', '9:16', '1:1', '4:3', '3:4'] as const;

type Mode = (typeof ALL_MODES)[number];
type Resolution = (typeof ALL_RESOLUTIONS)[number];
type Duration = (typeof ALL_DURATIONS)[number];
type AspectRatio = (typeof ALL_ASPECT_RATIOS)[number];

export const AUDIO_FORMATS = ['wav', 'mp3'] as const;
export type AudioFormat = (typeof AUDIO_FORMATS)[number];

export interface AudioCapability {
  formats: readonly AudioFormat[];
  minSeconds: number;
  maxSeconds: number;
  maxBytes: number;
}

export interface ModelCapabilities {
  id: ModelId;
  /** The name people see (model choice, library, CLI help). */
  label: string;
  modes: readonly Mode[];
  /** Whether a mode needs a prompt (wan-2-5-video: optional for image-to-video). */
  promptRequired: Readonly<Record<Mode, boolean>>;
  promptMax: number;
  negativePromptMax: number;
  resolutions: readonly Resolution[];
  durations: readonly Duration[];
  /** Text-to-video aspect ratios offered at each resolution (image-to-video takes the image's). */
  aspectRatios: Readonly<Record<Resolution, readonly AspectRatio[]>>;
  defaults: { resolution: Resolution; duration: Duration; aspectRatio: AspectRatio };
  /** The page's own statement where it has one; `assumed` where we took wan-2-5's. */
  defaultsSource: 'documented' | 'assumed';
  image: { maxBytes: number; minSide: number | null; maxSide: number | null };
  /** null: the model takes no audio. */
  audio: AudioCapability | null;
  /** USD per second of video; 'unknown' where no price is documented. */
  pricePerSecondUsd: Readonly<Record<Resolution, number | 'unknown'>>;
}

const MB = 1024 * 1024;
const CLASSIC_RATIOS = ['16:9', '9:16', '1:1'] as const;
const WIDE_RATIOS = [...CLASSIC_RATIOS, '4:3', '3:4'] as const;

export const MODELS: Readonly<Record<ModelId, ModelCapabilities>> = {
  'wan-2-5': {
    id: 'wan-2-5',
    label: 'Wan 2.5',
    modes: ALL_MODES,
    promptRequired: { 'text-to-video': true, 'image-to-video': true },
    promptMax: 800,
    negativePromptMax: 500,
    resolutions: ['720p', '1080p'],
    durations: ALL_DURATIONS,
    aspectRatios: { '480p': [], '720p': CLASSIC_RATIOS, '1080p': CLASSIC_RATIOS },
    defaults: { resolution: '720p', duration: 5, aspectRatio: '16:9' },
    defaultsSource: 'documented',
    image: { maxBytes: 10 * MB, minSide: null, maxSide: null },
    audio: null,
    // Oldest docs page only (REFERENCE.md §12.9); current prices may differ by routing.
    pricePerSecondUsd: { '480p': 'unknown', '720p': 0.08, '1080p': 0.13 },
  },
  'wan-2-5-video': {
    id: 'wan-2-5-video',
    label: 'Wan 2.5 Video',
    modes: ALL_MODES,
    promptRequired: { 'text-to-video': true, 'image-to-video': false },
    promptMax: 1500,
    negativePromptMax: 500,
    resolutions: ALL_RESOLUTIONS,
    durations: ALL_DURATIONS,
    aspectRatios: { '480p': CLASSIC_RATIOS, '720p': WIDE_RATIOS, '1080p': WIDE_RATIOS },
    defaults: { resolution: '720p', duration: 5, aspectRatio: '16:9' },
    defaultsSource: 'assumed',
    image: { maxBytes: 20 * MB, minSide: 240, maxSide: 8000 },
    audio: { formats: AUDIO_FORMATS, minSeconds: 3, maxSeconds: 30, maxBytes: 15 * MB },
    pricePerSecondUsd: { '480p': 'unknown', '720p': 'unknown', '1080p': 'unknown' },
  },
};

export const DEFAULT_MODEL: ModelId = 'wan-2-5';

export function capabilitiesOf(model: string): ModelCapabilities | null {
  return (MODEL_IDS as readonly string[]).includes(model) ? MODELS[model as ModelId] : null;
}

export function isModelId(value: string): value is ModelId {
  return (MODEL_IDS as readonly string[]).includes(value);
}

/** The largest audio any model takes (the UI and the core refuse bigger files before reading them). */
export const MAX_AUDIO_BYTES = Math.max(...MODEL_IDS.map((id) => MODELS[id].audio?.maxBytes ?? 0));
