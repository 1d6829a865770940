// What the contract's methods answer (the types only; contract.ts pairs each with its method).
import type { BatchEstimate } from '../batch/items';
import type { BaseUrlSource } from '../domain/api-base-url';
import type { ERROR_KINDS } from '../domain/error-kinds';
import type { ErrorReason, ReasonParams } from '../domain/error-reasons';
import type { KeychainFailure } from '../domain/keychain';
import type { GenerationRecord } from '../domain/records';

export interface AppInfo {
  version: string;
  host: 'electron' | 'browser' | 'cli';
  platform: string;
  /** No API key: the app runs against the built-in APIXO simulator. */
  demoMode: boolean;
  /** Read-only: where the API key goes. Never a setting (see main/core/apixo/key-destination.ts). */
  apiBaseUrl: string;
  apiBaseUrlSource: BaseUrlSource;
  libraryRoot: string;
  /** Prefix for library files: `${mediaBaseUrl}/${relPath}` (custom protocol or the host's /media route). */
  mediaBaseUrl: string;
  /** Why the library could not be opened (the UI shows "library not found"); null when it is open. */
  libraryProblem: LibraryProblem | null;
  /** The settings file could not be read: where it was kept aside (defaults are in use). */
  settingsKeptAs: string | null;
}

/** A library the studio could not open at start-up; `path` is the folder it looked in. */
export interface LibraryProblem {
  kind: 'library_missing' | 'library_corrupt' | 'read_only' | 'disk_full' | 'storage';
  path: string;
  message: string;
  /** The folder is there (its database is missing or damaged): "rebuild from folder" can help. */
  folderExists?: boolean;
}

export interface KeyStatus {
  set: boolean;
  last4: string | null;
  location: 'keychain' | 'session' | 'environment' | null;
  keychainAvailable: boolean;
  keychainBackend: string;
  keychainError: string | null;
  /** Lets the UI translate the cause; null when the keychain works. */
  keychainErrorReason: KeychainFailure | null;
}

/** The hosting credentials as the UI may know them: set or not, never their values. */
export interface HostingStatus {
  accessKeyIdSet: boolean;
  secretSet: boolean;
  /** Credentials are stored, but for another endpoint, region or bucket: the secret must be entered again. */
  savedForOtherBucket: boolean;
  /** Where the secret is kept (the key ID follows the same choice). */
  location: 'keychain' | 'session' | null;
  /** Bucket and both credentials present: uploads can be tried. */
  ready: boolean;
  missing: string[];
  keychainAvailable: boolean;
  keychainError: string | null;
  /** Lets the UI translate the cause; null when the keychain works. */
  keychainErrorReason: KeychainFailure | null;
}

export interface Balance {
  usd: number | null;
  fetchedAt: number | null;
  demo: boolean;
  error: string | null;
  /** This refresh took the balance below the low-balance threshold (announced once per crossing). */
  lowAlert?: { thresholdUsd: number } | null;
}

export interface NetworkStatus {
  online: boolean;
  /** Generations waiting for the network to come back. */
  waiting: number;
  nextRetryAt: number | null;
}

export interface QueueSnapshot {
  active: GenerationRecord[];
  /** Finished in the last day, newest first, for "open in library". */
  recent: GenerationRecord[];
  network: NetworkStatus;
  /** Learned expected duration (ms) per `${resolution}/${duration}`, for "elapsed vs expected". */
  expectedMs: Record<string, number>;
}

export interface DownloadProgressEvent {
  id: string;
  bytes: number;
  total: number | null;
  bytesPerSecond: number;
}

export interface ImportResult {
  imported: number;
  skipped: { name: string; reason: string }[];
  /** How many came back with their recipe (a Wan Studio export, or a sidecar next to the file). */
  withRecipe?: number;
  /** Recipes found but not trusted (the video came in plain), with the reason. */
  recipesIgnored?: { name: string; reason: string }[];
}

export interface ExportResult {
  copied: number;
  /** The copies' file names in the folder. */
  files?: string[];
  skipped?: { id: string; reason: string }[];
}

/** What a rebuild brought over from the previous database (counts; budget: the spending limits). */
export interface CarriedOver {
  projects: number;
  presets: number;
  prompts: number;
  sequences: number;
  budget: boolean;
  references: number;
  balanceSnapshots: number;
  /** Sends the spending caps count (including those whose videos did not come back). */
  sends: number;
}
export type CarryOverPart = keyof CarriedOver;
/** English names of the parts, in the order they are listed, for the CLI and the log (the UI names them from its strings). */
export const CARRY_OVER_PART_NAMES: Readonly<Record<CarryOverPart, string>> = {
  projects: 'projects',
  presets: 'presets',
  prompts: 'recent prompts',
  sequences: 'sequences',
  references: 'reference images and audio',
  balanceSnapshots: 'balance history entries',
  sends: 'records of paid sends',
  budget: 'spending limits',
};

export interface RebuildSummary {
  /** Generations back with their recipe. */
  restored: number;
  /** Videos without a usable sidecar, back as plain imports. */
  plain: number;
  skipped: { relPath: string; reason: string }[];
  /**
   * Recipe files that were there but could not be read (damaged, edited, from a newer version): the
   * video came back plain, and the file was renamed to `keptAs` so nothing writes over it.
   */
  recipesKeptAside: { relPath: string; reason: string; keptAs: string }[];
  /**
   * What only the previous database knew, brought over from it (presets, recent prompts, sequences,
   * spending caps, empty projects, reference image and audio records, the balance history); null
   * with `carryOverProblem` when it could not be read.
   */
  carriedOver: CarriedOver | null;
  carryOverProblem: string | null;
  /**
   * Which parts could not be read from the previous database (they start empty); every part when it
   * could not be opened at all. Keys of `carriedOver`, for the UI to name them in its language.
   */
  carryOverFailed: CarryOverPart[];
  /** Where the previous database was kept (null when there was none). */
  keptAs: string | null;
}

/** A saved sequence export; `existing`: the same bytes were in the library already (nothing added). */
export interface SequenceExportResult {
  record: GenerationRecord;
  existing: boolean;
}

/** A bulk action's outcome: the ids it changed and, per refused id, why. */
export interface BulkResult {
  done: string[];
  skipped: { id: string; reason: string }[];
}

export interface PurgeResult {
  deleted: number;
  /** Bytes the removed files took on disk. */
  freedBytes: number;
}

/** What batch.create sent: the generations in item order, and the estimate it was confirmed on. */
export interface BatchResult {
  records: GenerationRecord[];
  estimate: BatchEstimate;
}

export interface ContractError {
  kind: (typeof ERROR_KINDS)[number] | 'validation' | 'forbidden' | 'internal';
  message: string;
  /** Field errors from a schema parse: path → message. */
  fields?: Record<string, string>;
  /** Finer than kind, for the UI to translate (message stays the core's English sentence). */
  reason?: ErrorReason;
  params?: ReasonParams;
}

export type Envelope<T> = { ok: true; value: T } | { ok: false; error: ContractError };
