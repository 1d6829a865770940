// The store interface the job engine, the CLI and the services use, implemented over better-sqlite3
// in ./library.ts. The records themselves are shared with the UI (shared/domain/records.ts).
// Times are Unix milliseconds.

import type { HoldReason } from '../../../shared/domain/budget';
import type { Lineage, NewLink } from '../../../shared/domain/lineage';
import type { GenerationParams, RequestType } from '../../../shared/domain/params';
import type {
  Backend,
  GenerationRecord,
  GenerationStateChange,
  ImageSource,
  LibraryPage,
  LibraryQuery,
  LibrarySkip,
  MatchingIds,
  Origin,
  Project,
  RecipeSource,
  VideoRecord,
} from '../../../shared/domain/records';
import type { GenerationState } from '../../../shared/domain/states';
import type { MoveSteps } from './move';
import type { SequenceStore } from './sequence-store';
import type { BalanceSnapshot, SpendItem, SpendRange } from './spend';
import type { LedgerEntry } from './spend-ledger';

export * from '../../../shared/domain/records';
export type { BalanceSnapshot, SpendItem, SpendRange };

/** One change made to every generation of a selection (curateMany). */
export interface CurationChange {
  favourite?: boolean;
  rating?: number;
  /** Added to each generation's tags (those that have it already keep it once). */
  addTag?: string;
}

/** A selection-wide change: the ids changed and, per refused id, why. */
export interface ManyResult {
  done: string[];
  skipped: { id: string; reason: string }[];
}
/** A video file to record; its poster and strip are made later (strip always by the UI). */
export type NewVideo = Omit<VideoRecord, 'id' | 'generationId' | 'createdAt' | 'stripRelPath'>;

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
  referenceAudioPath?: string | null;
  /** 'hosted': params.audioUrl is filled in by the upload before submit (referenceAudioPath required). */
  audioSource?: ImageSource | null;
  /** Defaults to 'queued'. */
  state?: GenerationState;
  /** Defaults to 'generated'; 'imported' names the file it came from in `sourceName`. */
  origin?: Origin;
  sourceName?: string | null;
  /** An import that brought its recipe: where from (see GenerationRecord.recipeSource). */
  recipeSource?: RecipeSource | null;
  /**
   * A generation coming back from its recipe (rebuild, import of an export): its own id, when no
   * row has it yet, and its creation time. Default: a new id, now.
   */
  restore?: { id?: string; createdAt?: number };
  /** With state 'held': why it waits. */
  hold?: HoldReason | null;
  /** Where it came from (a continuation, a frame, a remix), recorded with it. */
  links?: readonly NewLink[];
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
    | 'hold'
    | 'budgetReleased'
    | 'audioUrlExpiresAt'
  >
> & {
  /** params.imageUrl: set when a hosted reference image gets its presigned link. */
  imageUrl?: string | null;
  /** params.audioUrl: set when a hosted reference audio gets its presigned link. */
  audioUrl?: string | null;
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
  /** Records where an existing generation came from (a sequence export's parts, a restored recipe). */
  addLinks(childId: string, links: readonly NewLink[]): void;
  /** Where a generation came from and what was made from it. */
  lineage(id: string): Lineage;
  query(query: LibraryQuery): LibraryPage;
  /** query's page as its size and next cursor only (no record is built). */
  skip(query: LibraryQuery): LibrarySkip;
  /** costTime (ms) of recent successful generations with these settings, newest first. */
  costTimeHistory(
    resolution: GenerationParams['resolution'],
    duration: GenerationParams['duration'],
    options?: { backend?: Backend; limit?: number },
  ): number[];
  countByState(): Partial<Record<GenerationState, number>>;
  /** A `held` generation's new parameters and estimate (staging); refused in any other state. */
  editHeldParams(id: string, params: GenerationParams, estimatedCostUsd: number): GenerationRecord;

  /** Finished generations (with their video) made with exactly these parameters and one of these seeds. */
  findFinishedDuplicates(params: GenerationParams, seeds: readonly number[]): GenerationRecord[];

  // spend: what was sent (estimated USD) and the balance over time
  spentUsd(range: SpendRange): number;
  spendItems(range: SpendRange): SpendItem[];
  addBalanceSnapshot(snapshot: BalanceSnapshot): void;
  /** Replaces the record of sends the caps count (a rebuild bringing over the previous one). */
  replaceSpendLedger(entries: readonly LedgerEntry[]): number;
  balanceSnapshots(backend: Backend, since: number): BalanceSnapshot[];

  // user curation
  setFavourite(id: string, favourite: boolean): GenerationRecord;
  setRating(id: string, rating: number): GenerationRecord;
  setNotes(id: string, notes: string): GenerationRecord;
  setTags(id: string, tags: string[]): GenerationRecord;
  listTags(): { name: string; count: number }[];
  /** Runs `work` (synchronous store calls) in one transaction: all of it is kept, or none. */
  atomically<T>(work: () => T): T;
  /** Favourite, rate or tag a selection in one transaction. */
  curateMany(ids: readonly string[], change: CurationChange): ManyResult;
  /** Up to `cap` ids of the query's matches (sort order) and the number of matches. */
  matchingIds(query: LibraryQuery, cap: number): MatchingIds;

  // projects
  /** Ordered, trimmed clips played and exported as one video (./sequences.ts). */
  readonly sequences: SequenceStore;
  listProjects(): Project[];
  createProject(name: string): Project;
  renameProject(id: string, name: string): Project;
  deleteProject(id: string): void;
  /** Moves generations into a project (null: none); returns how many changed. */
  assignProject(ids: readonly string[], projectId: string | null): number;

  // videos and downloads
  addVideo(generationId: string | null, video: NewVideo): VideoRecord;
  setPoster(videoId: string, posterRelPath: string): void;
  /** The hover-scrub sprite, made by the UI once the video is in the library. */
  setStrip(videoId: string, stripRelPath: string): void;
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
  /** Deletes these trashed generations (default: all) for good; returns the count and the bytes freed. */
  purgeTrashed(ids?: readonly string[]): { deleted: number; freedBytes: number };
  /** How many generations the trash holds and the bytes of their videos. */
  trashUsage(): { count: number; bytes: number };

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
