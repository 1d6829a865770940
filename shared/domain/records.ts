// The library's records as every process sees them: what a generation, a video and a project are,
// and how the library is queried. Times are Unix milliseconds. Process-agnostic.
import type { HoldReason } from './budget';
import type { ErrorKind } from './error-kinds';
import type { ModelId } from './models';
import type { GenerationParams, RequestType } from './params';
import type { GenerationState } from './states';

/** Where a generation runs: the real APIXO API, or the embedded simulator (demo mode). */
export const BACKENDS = ['apixo', 'demo'] as const;
export type Backend = (typeof BACKENDS)[number];

/** Where an image-to-video link comes from: the user's own public link, or our upload to their hosting. */
export const IMAGE_SOURCES = ['url', 'hosted'] as const;
export type ImageSource = (typeof IMAGE_SOURCES)[number];

/** Where a library item came from: made here through the API, or an MP4 imported from disk. */
export const ORIGINS = ['generated', 'imported'] as const;
export type Origin = (typeof ORIGINS)[number];

/** Where an imported video's recipe came from: the MP4's own metadata, or a sidecar next to it. */
export const RECIPE_SOURCES = ['embedded', 'sidecar'] as const;
export type RecipeSource = (typeof RECIPE_SOURCES)[number];

export interface VideoRecord {
  id: string;
  generationId: string | null;
  /** Relative to the library root (forward slashes), so the folder can move. */
  relPath: string;
  bytes: number;
  sha256: string;
  width: number | null;
  height: number | null;
  durationMs: number | null;
  posterRelPath: string | null;
  /** A JPEG sprite of STRIP_FRAMES frames side by side (shared/domain/frames.ts), for hover-scrub. */
  stripRelPath: string | null;
  createdAt: number;
}

export interface GenerationRecord {
  id: string;
  /**
   * 'imported': an MP4 brought in from disk. Its params are stand-ins the schema needs (the prompt
   * is the file name, for search); the UI shows none of them and offers no remix.
   */
  origin: Origin;
  /** The file name an imported video had (null for generated ones). */
  sourceName: string | null;
  /**
   * An imported video that brought its recipe (a Wan Studio export or a sidecar): its params are
   * the real ones, so the UI shows them and offers Remix. Absent or null for every other row.
   */
  recipeSource?: RecipeSource | null;
  projectId: string | null;
  batchId: string | null;
  model: string;
  backend: Backend;
  params: GenerationParams;
  requestType: RequestType;
  state: GenerationState;
  taskId: string | null;
  failCode: string | null;
  failMsg: string | null;
  errorKind: ErrorKind | null;
  errorMessage: string | null;
  createdAt: number;
  updatedAt: number;
  submittedAt: number | null;
  completedAt: number | null;
  remoteCreateTime: number | null;
  remoteCompleteTime: number | null;
  costTimeMs: number | null;
  estimatedCostUsd: number;
  resultUrl: string | null;
  /** When the engine means to query status next (or retry), for the queue's countdown. */
  nextCheckAt: number | null;
  pollCount: number;
  /** Relative path of the reference image copied into the library (image-to-video). */
  referenceImagePath: string | null;
  /** image-to-video: 'url' when params.imageUrl is the user's link, 'hosted' when we upload the reference. */
  imageSource: ImageSource | null;
  /** A hosted image's presigned link (params.imageUrl) stops working at this time. */
  imageUrlExpiresAt: number | null;
  /** Relative path of the reference audio copied into the library (wan-2-5-video, by its hash). */
  referenceAudioPath: string | null;
  /** 'url' when params.audioUrl is the user's link, 'hosted' when we upload the library copy. */
  audioSource: ImageSource | null;
  /** A hosted audio's presigned link (params.audioUrl) stops working at this time. */
  audioUrlExpiresAt: number | null;
  favourite: boolean;
  rating: number;
  notes: string;
  tags: string[];
  deletedAt: number | null;
  video: VideoRecord | null;
  /** Why a `held` generation waits (null otherwise). */
  hold: HoldReason | null;
  /** The user released this generation past a spending cap: it is sent without checking caps. */
  budgetReleased: boolean;
  /**
   * Stored values this version does not know (e.g. `state=paused` written by a newer app), shown
   * as safe stand-ins in the fields above. Absent when everything was understood.
   */
  unrecognized?: string[];
}

/** When a generation reached its end state (older records without completedAt: their last change). */
export function finishedAt(record: Pick<GenerationRecord, 'completedAt' | 'updatedAt'>): number {
  return record.completedAt ?? record.updatedAt;
}

/** One entry of a generation's state history; `from` is null for the creation. */
export interface GenerationStateChange {
  from: GenerationState | null;
  to: GenerationState;
  at: number;
}

export type SortKey = 'created_desc' | 'created_asc' | 'rating_desc';

export interface LibraryQuery {
  /** FTS5 over prompt, negative prompt, notes and tags; plain words, each must match (prefix match on the last). */
  text?: string;
  projectId?: string | null;
  /** The variations of one batch (a batch opens as a grid in Compare). */
  batchId?: string;
  /** Any of these states; an empty array means no state filter. */
  states?: GenerationState[];
  resolution?: GenerationParams['resolution'];
  duration?: GenerationParams['duration'];
  aspectRatio?: NonNullable<GenerationParams['aspectRatio']>;
  mode?: GenerationParams['mode'];
  model?: ModelId;
  favourite?: boolean;
  tag?: string;
  /** createdAt >= createdFrom */
  createdFrom?: number;
  /** createdAt < createdTo */
  createdTo?: number;
  /** Only rows in the trash (deletedAt set). Default: only rows not in the trash. */
  trashed?: boolean;
  sort?: SortKey;
  limit?: number;
  /** Opaque keyset cursor from the previous page. */
  cursor?: string | null;
}

export interface LibraryPage {
  items: GenerationRecord[];
  nextCursor: string | null;
  /** Count of all matches (same filters), for the header; with `totalCapped`, a lower bound. */
  total: number;
  /**
   * Set when there are more than `total` matches (a broad filter or a common word in a large
   * library is counted only up to a cap): show "10 000+"; the grid grows as pages arrive.
   */
  totalCapped?: true;
}

/**
 * A page passed over on the way deeper (library.skip): how many records it holds and the cursor
 * after them, without the records. The grid keeps its place and fetches it if it scrolls into view.
 */
export type LibrarySkip = Omit<LibraryPage, 'items'> & { count: number };

/** "Select all": the first ids of a query's matches, and how many match (a lower bound when totalCapped). */
export interface MatchingIds {
  ids: string[];
  total: number;
  totalCapped?: true;
}

export interface Project {
  id: string;
  name: string;
  createdAt: number;
  generationCount: number;
}

/** Whether the UI may show a record's parameters and offer Remix: generated here, or imported with its recipe. */
export function hasRecipe(record: Pick<GenerationRecord, 'origin' | 'recipeSource'>): boolean {
  return record.origin !== 'imported' || (record.recipeSource ?? null) !== null;
}
