// The library's records and the store interface the job engine, the CLI and the UI use.
// Implemented over better-sqlite3 in ./library.ts. Times are Unix milliseconds.

import type { GenerationParams, RequestType } from '../apixo/params';
import type { ErrorKind } from '../errors';
import type { GenerationState } from '../jobs/states';
import type { MoveSteps } from './move';

/** Where a generation runs: the real APIXO API, or the embedded simulator (demo mode). */
export const BACKENDS = ['apixo', 'demo'] as const;
export type Backend = (typeof BACKENDS)[number];

/** Where an image-to-video link comes from: the user's own public link, or our upload to their hosting. */
export const IMAGE_SOURCES = ['url', 'hosted'] as const;
export type ImageSource = (typeof IMAGE_SOURCES)[number];

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
  createdAt: number;
}

export interface GenerationRecord {
  id: string;
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
  favourite: boolean;
  rating: number;
  notes: string;
  tags: string[];
  deletedAt: number | null;
  video: VideoRecord | null;
  /**
   * Stored values this version does not know (e.g. `state=paused` written by a newer app), shown
   * as safe stand-ins in the fields above. Absent when everything was understood.
   */
  unrecognized?: string[];
}

/** One entry of a generation's state history; `from` is null for the creation. */
export interface GenerationStateChange {
  from: GenerationState | null;
  to: GenerationState;
  at: number;
}

export interface NewGeneration {
  projectId?: string | null;
  batchId?: string | null;
  /** Defaults to 'apixo'. */
  backend?: Backend;
  params: GenerationParams;
  requestType: RequestType;
  estimatedCostUsd: number;
  referenceImagePath?: string | null;
  /** 'hosted': params.imageUrl is filled in by the upload before submit (referenceImagePath required). */
  imageSource?: ImageSource | null;
  /** Defaults to 'queued'. */
  state?: GenerationState;
}

/** Fields the engine may change. `state` changes are appended to the history table. */
export type GenerationPatch = Partial<
  Pick<
    GenerationRecord,
    | 'state'
    | 'taskId'
    | 'failCode'
    | 'failMsg'
    | 'errorKind'
    | 'errorMessage'
    | 'submittedAt'
    | 'completedAt'
    | 'remoteCreateTime'
    | 'remoteCompleteTime'
    | 'costTimeMs'
    | 'resultUrl'
    | 'nextCheckAt'
    | 'pollCount'
    | 'referenceImagePath'
    | 'projectId'
    | 'imageUrlExpiresAt'
  >
> & {
  /** params.imageUrl: set when a hosted reference image gets its presigned link. */
  imageUrl?: string | null;
};

/** A reference image kept in the library, named by the SHA-256 of its bytes. */
export interface ReferenceImageRecord {
  sha256: string;
  /** Relative to the library root. */
  relPath: string;
  /** What the user called it (file name, or the link's last segment). */
  name: string;
  /** The public link it was fetched from, when it came from one. */
  sourceUrl: string | null;
  /** The image this one was converted from (its sha256), when it is a conversion. */
  convertedFrom: string | null;
  createdAt: number;
}

/** One reference image uploaded to one bucket location, and the presigned link made for it. */
export interface HostedObject {
  sha256: string;
  /** endpoint|bucket|key: a change of any of them means another object. */
  location: string;
  url: string;
  expiresAt: number;
  uploadedAt: number;
  deletedAt: number | null;
}

export interface PartialDownload {
  generationId: string;
  url: string;
  /** Relative to the library root. */
  partRelPath: string;
  bytesDone: number;
  totalBytes: number | null;
  etag: string | null;
  lastModified: string | null;
}

export type SortKey = 'created_desc' | 'created_asc' | 'rating_desc';

export interface LibraryQuery {
  /** FTS5 over prompt, negative prompt, notes and tags; plain words, each must match (prefix match on the last). */
  text?: string;
  projectId?: string | null;
  /** Any of these states; an empty array means no state filter. */
  states?: GenerationState[];
  resolution?: GenerationParams['resolution'];
  duration?: GenerationParams['duration'];
  aspectRatio?: NonNullable<GenerationParams['aspectRatio']>;
  mode?: GenerationParams['mode'];
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
  /** Count of all matches (same filters), for the header. */
  total: number;
}

export interface Project {
  id: string;
  name: string;
  createdAt: number;
  generationCount: number;
}

export interface LibraryStore {
  readonly root: string;
  close(): void;

  // generations
  createGeneration(input: NewGeneration): GenerationRecord;
  getGeneration(id: string): GenerationRecord | null;
  updateGeneration(id: string, patch: GenerationPatch): GenerationRecord;
  /** Every generation not in a terminal state and not trashed, oldest first. */
  listActive(): GenerationRecord[];
  /** Every state change of a generation, oldest first; starts with its creation. */
  stateHistory(id: string): GenerationStateChange[];
  query(query: LibraryQuery): LibraryPage;
  /** costTime (ms) of recent successful generations with these settings, newest first. */
  costTimeHistory(
    resolution: GenerationParams['resolution'],
    duration: GenerationParams['duration'],
    options?: { backend?: Backend; limit?: number },
  ): number[];
  countByState(): Partial<Record<GenerationState, number>>;

  // user curation
  setFavourite(id: string, favourite: boolean): GenerationRecord;
  setRating(id: string, rating: number): GenerationRecord;
  setNotes(id: string, notes: string): GenerationRecord;
  setTags(id: string, tags: string[]): GenerationRecord;
  listTags(): { name: string; count: number }[];

  // projects
  listProjects(): Project[];
  createProject(name: string): Project;
  renameProject(id: string, name: string): Project;
  deleteProject(id: string): void;

  // videos and downloads
  addVideo(
    generationId: string | null,
    video: Omit<VideoRecord, 'id' | 'generationId' | 'createdAt'>,
  ): VideoRecord;
  setPoster(videoId: string, posterRelPath: string): void;
  getVideo(videoId: string): VideoRecord | null;
  /** A video with this content (trash included), for duplicate detection on import. */
  findVideoBySha256(sha256: string): VideoRecord | null;
  getPartialDownload(generationId: string): PartialDownload | null;
  savePartialDownload(download: PartialDownload): void;
  clearPartialDownload(generationId: string): void;

  // trash: files move to <root>/.trash/, rows keep deletedAt; restore puts both back.
  trash(id: string): void;
  restore(id: string): void;
  /** Deletes rows and files of generations trashed before `olderThan` (Unix ms; default: all). Returns the count. */
  purgeTrash(olderThan?: number): number;

  // reference images and their hosted copies
  saveReferenceImage(record: ReferenceImageRecord): ReferenceImageRecord;
  getReferenceImage(sha256: string): ReferenceImageRecord | null;
  getHostedObject(sha256: string, location: string): HostedObject | null;
  saveHostedObject(object: HostedObject): void;
  markHostedObjectDeleted(sha256: string, location: string, at: number): void;
  /** Hosted objects not deleted, for the clean-up of uploads whose generations have all finished. */
  listHostedObjects(): HostedObject[];
  /** Generations (other than `exceptId`) with this reference image in one of `states`. */
  countReferenceUsers(relPath: string, states: readonly GenerationState[], exceptId?: string): number;

  // settings that are not secrets (the key never goes here)
  getSetting<T>(key: string): T | undefined;
  /** `undefined` removes the setting. */
  setSetting(key: string, value: unknown): void;

  /**
   * Moves the whole library folder (database included when it lives inside) to `newRoot`, which
   * must not exist or be empty. Stored paths are relative, so rows need no rewrite; `root`
   * reports the new location afterwards.
   */
  moveTo(newRoot: string, steps?: MoveSteps): Promise<void>;
}
