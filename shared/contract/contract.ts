// The one contract between the studio UI and the process that owns the core (Electron main, or the
// browser host). Every method and event is listed here once: main registers handlers from it (sender
// check + schema parse first), the preload and the WebSocket client build `window.studio` from it,
// and the type-level test in test/preload fails when a side misses a channel.
// Process-agnostic: zod and types only.
import { z } from 'zod';
import { type BatchEstimate, batchItemsSchema } from '../batch/items';
import { watchFoldersSchema } from '../batch/watch-folder';
import type { BaseUrlSource } from '../domain/api-base-url';
import type { AudioInspection } from '../domain/audio';
import type { ERROR_KINDS } from '../domain/error-kinds';
import type { ErrorReason, ReasonParams } from '../domain/error-reasons';
import { type GenerateDraftSet, generateDraftSchema } from '../domain/generate-draft';
import { type HostingSettings, hostingSettingsSchema } from '../domain/hosting-settings';
import type { HostingTestResult } from '../domain/hosting-test';
import { MAX_SOURCE_BYTES } from '../domain/image-limits';
import type { ImageInspection } from '../domain/images';
import type { KeychainFailure } from '../domain/keychain';
import { CREATE_LINK_KINDS, type Lineage } from '../domain/lineage';
import { MODEL_IDS, MODELS } from '../domain/models';
import {
  ASPECT_RATIOS,
  DURATIONS,
  type GenerationParams,
  generationParamsDraftSchema,
  MODES,
  modelOf,
  RESOLUTIONS,
} from '../domain/params';
import { type Preset, presetNameSchema, presetParamsSchema } from '../domain/presets';
import { type PromptHistoryEntry, promptHistoryQuerySchema } from '../domain/prompt-history';
import type {
  GenerationRecord,
  LibraryPage,
  LibraryQuery,
  LibrarySkip,
  MatchingIds,
  Project,
  VideoRecord,
} from '../domain/records';
import { SHA256_PATTERN } from '../domain/reference-paths';
import type { Sequence, SequenceSummary } from '../domain/sequences';
import type { SpendReport } from '../domain/spend';
import { GENERATION_STATES } from '../domain/states';
import {
  type BudgetStatus,
  budgetPatchSchema,
  editHeldSchema,
  sendHeldSchema,
  spendReportSchema,
} from './budget-schemas';
import { absolutePathSchema, fileRefSchema } from './file-refs';
import {
  sequenceAppendSchema,
  sequenceCreateSchema,
  sequenceListSchema,
  sequenceRenameSchema,
  sequenceSaveExportSchema,
  sequenceSetClipsSchema,
} from './sequence-schemas';

export type {
  BatchEstimate,
  BudgetStatus,
  GenerationParams,
  GenerationRecord,
  HostingSettings,
  HostingTestResult,
  ImageInspection,
  LibraryPage,
  LibraryQuery,
  Project,
  Sequence,
  SequenceSummary,
  SpendReport,
  VideoRecord,
};

// ── shared argument schemas ────────────────────────────────────────────────────────────────────
const id = z.string().min(1).max(64);
const idArg = z.object({ id });
/** The most ids one bulk call takes, and so the most "select all" selects. */
export const MAX_SELECTION = 1000;
const idList = z.array(id).min(1).max(MAX_SELECTION);
const ids = z.object({ ids: idList }).strict();
const none = z.undefined();

export const libraryQuerySchema = z
  .object({
    text: z.string().max(500).optional(),
    projectId: id.nullable().optional(),
    batchId: id.optional(),
    states: z.array(z.enum(GENERATION_STATES)).max(GENERATION_STATES.length).optional(),
    resolution: z.enum(RESOLUTIONS).optional(),
    duration: z.union([z.literal(DURATIONS[0]), z.literal(DURATIONS[1])]).optional(),
    aspectRatio: z.enum(ASPECT_RATIOS).optional(),
    mode: z.enum(MODES).optional(),
    model: z.enum(MODEL_IDS).optional(),
    favourite: z.boolean().optional(),
    tag: z.string().min(1).max(64).optional(),
    createdFrom: z.number().int().nonnegative().optional(),
    createdTo: z.number().int().nonnegative().optional(),
    trashed: z.boolean().optional(),
    sort: z.enum(['created_desc', 'created_asc', 'rating_desc']).optional(),
    limit: z.number().int().min(1).max(500).optional(),
    cursor: z.string().max(500).nullable().optional(),
  })
  .strict();

/** A stored reference image, named by the SHA-256 of its bytes (from images.inspect*). */
const imageId = z.string().regex(SHA256_PATTERN, 'must be an image id (a SHA-256 in hex)');
const MAX_BATCH = 20;

export const createGenerationsSchema = z
  .object({
    /** For image-to-video the link may be left out when `references` names the images instead. */
    params: generationParamsDraftSchema,
    /** Batch of N variations; each gets its own seed when seedMode is 'random'. */
    count: z.number().int().min(1).max(MAX_BATCH).default(1),
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

export const settingsSchema = z
  .object({
    language: z.enum(['system', 'en', 'ru']),
    theme: z.enum(['system', 'light', 'dark']),
    downloadConcurrency: z.number().int().min(1).max(8),
    delivery: z.enum(['polling', 'callback']),
    /** The public https URL a user's tunnel forwards to our loopback callback receiver. */
    callbackPublicUrl: z.string().max(2048),
    callbackPort: z.number().int().min(0).max(65535),
    notifications: z.boolean(),
    tray: z.boolean(),
    taskbarProgress: z.boolean(),
    /** Where reference images from this computer are uploaded (the credentials are secrets, elsewhere). */
    imageHosting: hostingSettingsSchema,
    /** Folders whose new images become image-to-video generations (shared/batch/watch-folder.ts). */
    watchFolders: watchFoldersSchema,
    /** The queue's "recently finished" list shows only what finished after this (ms; 0: never cleared). */
    recentClearedAt: z.number().int().min(0),
  })
  .strict();
export type Settings = z.infer<typeof settingsSchema>;

export const hostingCredentialsSchema = z
  .object({
    /** Either may be left out to keep the one already stored. */
    accessKeyId: z.string().min(1).max(512).optional(),
    secretAccessKey: z.string().min(1).max(512).optional(),
    where: z.enum(['keychain', 'session']),
  })
  .strict()
  .refine((input) => input.accessKeyId !== undefined || input.secretAccessKey !== undefined, {
    message: 'Give the access key ID, the secret, or both',
  });

export const keySetSchema = z
  .object({
    key: z.string().min(1).max(512),
    where: z.enum(['keychain', 'session']),
  })
  .strict();

// ── result types ───────────────────────────────────────────────────────────────────────────────
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

export interface RebuildSummary {
  /** Generations back with their recipe. */
  restored: number;
  /** Videos without a usable sidecar, back as plain imports. */
  plain: number;
  skipped: { relPath: string; reason: string }[];
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

// ── the contract ───────────────────────────────────────────────────────────────────────────────
/** A method: its argument schema and (phantom) result type. */
export interface MethodSpec<I extends z.ZodType, R> {
  input: I;
  result?: R;
}
function method<R>() {
  return <I extends z.ZodType>(input: I): MethodSpec<I, R> => ({ input });
}

export const contract = {
  app: {
    info: method<AppInfo>()(none),
    openExternal: method<void>()(z.object({ url: z.string().url().max(4096) }).strict()),
  },
  generations: {
    create: method<GenerationRecord[]>()(createGenerationsSchema),
    get: method<GenerationRecord | null>()(idArg),
    cancel: method<GenerationRecord>()(idArg),
    retry: method<GenerationRecord>()(idArg),
    /** An `uncertain` generation: the user accepts paying again. */
    resubmit: method<GenerationRecord>()(idArg),
    /** An `uncertain` generation: the user gives up on it. */
    dismiss: method<GenerationRecord>()(idArg),
    /** A `stalled` generation: query status now. */
    checkAgain: method<GenerationRecord>()(idArg),
    /** A `held` generation: send it (past the caps when a cap held it: the user released that one). */
    release: method<GenerationRecord>()(idArg),
    /** Staging: send these held generations together (the total meets the confirmation threshold). */
    sendHeld: method<GenerationRecord[]>()(sendHeldSchema),
    /** Staging: new parameters for a held generation. */
    editHeld: method<GenerationRecord>()(editHeldSchema),
    /** Finished generations this request would repeat exactly (same parameters, same fixed seed). */
    duplicates: method<GenerationRecord[]>()(createGenerationsSchema),
  },
  budget: {
    get: method<BudgetStatus>()(none),
    /** Changes caps; jobs a cap held meet the new caps at once. */
    update: method<BudgetStatus>()(budgetPatchSchema),
    clear: method<BudgetStatus>()(none),
  },
  spend: {
    /** Since a time (default: 30 days ago): per day, per project, failed, kept, reconciliation. */
    report: method<SpendReport>()(spendReportSchema),
  },
  queue: {
    snapshot: method<QueueSnapshot>()(none),
  },
  library: {
    query: method<LibraryPage>()(libraryQuerySchema),
    /** The same page as query, as its size and next cursor only: a grid scrolled far down skips by it. */
    skip: method<LibrarySkip>()(libraryQuerySchema),
    setFavourite: method<GenerationRecord>()(z.object({ id, favourite: z.boolean() }).strict()),
    setRating: method<GenerationRecord>()(z.object({ id, rating: z.number().int().min(0).max(5) }).strict()),
    setNotes: method<GenerationRecord>()(z.object({ id, notes: z.string().max(10_000) }).strict()),
    setTags: method<GenerationRecord>()(
      z.object({ id, tags: z.array(z.string().trim().min(1).max(64)).max(50) }).strict(),
    ),
    listTags: method<{ name: string; count: number }[]>()(none),
    /** Where a video came from (continued from, frame of, remix of, sequence parts) and what was made from it. */
    lineage: method<Lineage>()(idArg),
    /** A selection's curation in one call and one transaction (one library.changed). */
    setFavouriteMany: method<BulkResult>()(z.object({ ids: idList, favourite: z.boolean() }).strict()),
    setRatingMany: method<BulkResult>()(
      z.object({ ids: idList, rating: z.number().int().min(0).max(5) }).strict(),
    ),
    addTagMany: method<BulkResult>()(
      z.object({ ids: idList, tag: z.string().trim().min(1).max(64) }).strict(),
    ),
    /** "Select all": up to MAX_SELECTION ids of the query's matches, and how many match in all. */
    matchingIds: method<MatchingIds>()(libraryQuerySchema),
    trash: method<void>()(idArg),
    restore: method<void>()(idArg),
    /** Moves a selection to the trash; an in-progress generation is skipped with its reason. */
    trashMany: method<BulkResult>()(ids),
    restoreMany: method<BulkResult>()(ids),
    /** Deletes trashed generations and their files for good. */
    purge: method<PurgeResult>()(ids),
    emptyTrash: method<PurgeResult>()(none),
    trashUsage: method<{ count: number; bytes: number }>()(none),
    /** Puts a selection into a project (null: no project). */
    setProject: method<{ moved: number }>()(z.object({ ids: idList, projectId: id.nullable() }).strict()),
    importPaths: method<ImportResult>()(
      z.object({ paths: z.array(absolutePathSchema).min(1).max(500) }).strict(),
    ),
    /** Files the UI sent with sendFiles (a granted path in Electron, an HTTP upload in the browser). */
    importFiles: method<ImportResult>()(z.object({ files: z.array(fileRefSchema).min(1).max(500) }).strict()),
    savePoster: method<void>()(z.object({ videoId: id, jpeg: z.instanceof(Uint8Array) }).strict()),
    /** The hover-scrub sprite (STRIP_FRAMES frames side by side, shared/domain/frames.ts) as a JPEG. */
    saveStrip: method<void>()(z.object({ videoId: id, jpeg: z.instanceof(Uint8Array) }).strict()),
    /** Shows the file in the OS file manager where there is one (shown: false, e.g. the browser host). */
    reveal: method<{ path: string; shown: boolean }>()(idArg),
    exportTo: method<ExportResult>()(
      z
        .object({
          ids: z.array(id).min(1).max(1000),
          folder: absolutePathSchema,
          sidecars: z.boolean().default(false),
          /** Names the export for cancelExport. */
          exportId: z.string().min(1).max(64).optional(),
        })
        .strict(),
    ),
    /** Stops a running export: the copy being written is removed, finished copies stay. */
    cancelExport: method<void>()(z.object({ exportId: z.string().min(1).max(64) }).strict()),
    /**
     * Rebuilds the database from the library folder's videos and sidecars (the old database is
     * kept aside). Progress arrives as 'library.rebuildProgress' events.
     */
    rebuild: method<RebuildSummary>()(none),
    startDrag: method<void>()(idArg),
    move: method<AppInfo>()(z.object({ folder: absolutePathSchema }).strict()),
    /** Open the library where the settings say again (after connecting its drive). */
    reopen: method<AppInfo>()(none),
    /** Use the existing library in this folder instead (it must hold one); remembered in settings. */
    locate: method<AppInfo>()(z.object({ folder: absolutePathSchema }).strict()),
    /** Start a new, empty library in this folder (made if its parent exists); remembered in settings. */
    createNew: method<AppInfo>()(z.object({ folder: absolutePathSchema }).strict()),
  },
  projects: {
    list: method<Project[]>()(none),
    create: method<Project>()(z.object({ name: z.string().trim().min(1).max(100) }).strict()),
    rename: method<Project>()(z.object({ id, name: z.string().trim().min(1).max(100) }).strict()),
    remove: method<void>()(idArg),
  },
  /** Ordered, trimmed clips of a project, previewed and exported as one video (shared/domain/sequences.ts). */
  sequences: {
    /** projectId: that project's (null: those in no project); left out: all. Newest change first. */
    list: method<SequenceSummary[]>()(sequenceListSchema),
    get: method<Sequence>()(idArg),
    create: method<Sequence>()(sequenceCreateSchema),
    rename: method<Sequence>()(sequenceRenameSchema),
    remove: method<void>()(idArg),
    /** The whole order and every trim at once (a reorder or a trim sends the full list). */
    setClips: method<Sequence>()(sequenceSetClipsSchema),
    /** At the end, untrimmed: "Add to sequence" and a continuation of the last shot (may be in progress). */
    appendClip: method<Sequence>()(sequenceAppendSchema),
    /** The rendered export joins the library as a video whose parts are its lineage. */
    saveExport: method<SequenceExportResult>()(sequenceSaveExportSchema),
  },
  settings: {
    get: method<Settings>()(none),
    update: method<Settings>()(settingsSchema.partial().strict()),
  },
  /** The Generate form as the user left it, one draft per mode (kept across reloads and restarts). */
  drafts: {
    get: method<GenerateDraftSet>()(none),
    /** Keeps the draft as its mode's draft and the active one; null forgets every draft. */
    save: method<void>()(z.object({ draft: generateDraftSchema.nullable() }).strict()),
  },
  /** Every prompt sent, newest first, kept in the library. */
  prompts: {
    history: method<PromptHistoryEntry[]>()(promptHistoryQuerySchema),
    remove: method<void>()(z.object({ prompt: z.string().min(1).max(10_000) }).strict()),
    clear: method<void>()(none),
  },
  /** Named Generate parameter sets, kept in the library. */
  presets: {
    list: method<Preset[]>()(none),
    save: method<Preset>()(z.object({ name: presetNameSchema, params: presetParamsSchema }).strict()),
    rename: method<Preset>()(z.object({ id, name: presetNameSchema }).strict()),
    remove: method<void>()(idArg),
  },
  key: {
    status: method<KeyStatus>()(none),
    set: method<KeyStatus>()(keySetSchema),
    clear: method<KeyStatus>()(none),
  },
  balance: {
    /** refresh 'soon': a fresh value unless one was fetched moments ago (window focus). */
    get: method<Balance>()(
      z
        .object({ refresh: z.union([z.boolean(), z.literal('soon')]).default(false) })
        .strict()
        .optional(),
    ),
    /** Demo mode: put the pretend balance back to its starting amount. */
    resetDemo: method<Balance>()(none),
  },
  audio: {
    /** A dropped or chosen audio file (sent with sendFiles): judged by its bytes in main, kept when usable. */
    inspect: method<AudioInspection>()(z.object({ file: fileRefSchema }).strict()),
    /** A typed or pasted http(s) link, fetched as APIXO would and judged like a file. */
    inspectUrl: method<AudioInspection>()(z.object({ url: z.string().trim().min(1).max(4096) }).strict()),
    /** A stored audio (remix restores a generation's audio). */
    get: method<AudioInspection>()(z.object({ sha256: imageId }).strict()),
  },
  images: {
    /**
     * A dropped, chosen or pasted file (sent with sendFiles, so no bytes cross this channel): judged
     * by its bytes in main, kept in the library when usable or convertible.
     */
    inspect: method<ImageInspection>()(z.object({ file: fileRefSchema }).strict()),
    /** A typed, pasted or dragged link (http, https or data:), fetched and judged like a file. */
    inspectUrl: method<ImageInspection>()(
      z
        .object({
          url: z
            .string()
            .trim()
            .min(1)
            .max(Math.ceil((MAX_SOURCE_BYTES * 4) / 3) + 1024),
        })
        .strict(),
    ),
    /** The offered conversion: an upright JPEG under 10 MB; the original stays in the library. */
    convert: method<ImageInspection>()(z.object({ sha256: imageId }).strict()),
    get: method<ImageInspection>()(z.object({ sha256: imageId }).strict()),
  },
  hosting: {
    status: method<HostingStatus>()(none),
    setCredentials: method<HostingStatus>()(hostingCredentialsSchema),
    clearCredentials: method<HostingStatus>()(none),
    /** Upload, read back, presigned download and delete of a small test object. */
    test: method<HostingTestResult>()(none),
  },
  batch: {
    /** The count and total estimate of a batch, and whether it needs confirming before it is sent. */
    estimate: method<BatchEstimate>()(z.object({ items: batchItemsSchema }).strict()),
    /**
     * Sends every item, or none: each image is checked first. Refused above the confirmation
     * threshold unless `confirmed` says the user saw the total.
     */
    create: method<BatchResult>()(
      z.object({ items: batchItemsSchema, confirmed: z.boolean().default(false) }).strict(),
    ),
  },
  dialog: {
    chooseFolder: method<string | null>()(
      z
        .object({ title: z.string().max(200).optional() })
        .strict()
        .optional(),
    ),
    chooseVideos: method<string[]>()(none),
  },
} as const;

/** Events main pushes to the UI; each carries what the UI applies without asking again. */
export interface StudioEvents {
  'generation.updated': GenerationRecord;
  'download.progress': DownloadProgressEvent;
  'network.status': NetworkStatus;
  'balance.updated': Balance;
  'settings.updated': Settings;
  'key.updated': KeyStatus;
  'library.changed': {
    reason: 'import' | 'trash' | 'restore' | 'purge' | 'move' | 'curation' | 'project' | 'opened';
  };
  'library.rebuildProgress': { done: number; total: number };
}
export const EVENT_NAMES = [
  'generation.updated',
  'download.progress',
  'network.status',
  'balance.updated',
  'settings.updated',
  'key.updated',
  'library.changed',
  'library.rebuildProgress',
] as const satisfies readonly (keyof StudioEvents)[];
export type EventName = (typeof EVENT_NAMES)[number];

// ── derived types ──────────────────────────────────────────────────────────────────────────────
type Contract = typeof contract;
export type Group = keyof Contract;
type Spec<G extends Group, M extends keyof Contract[G]> = Contract[G][M];
type InputOf<S> = S extends MethodSpec<infer I, unknown> ? z.input<I> : never;
type ParsedOf<S> = S extends MethodSpec<infer I, unknown> ? z.output<I> : never;
type ResultOf<S> = S extends MethodSpec<z.ZodType, infer R> ? R : never;

/** What `window.studio` looks like to the renderer. */
export type StudioApi = {
  [G in Group]: {
    [M in keyof Contract[G]]: (
      ...args: undefined extends InputOf<Spec<G, M>>
        ? [input?: InputOf<Spec<G, M>>]
        : [input: InputOf<Spec<G, M>>]
    ) => Promise<ResultOf<Spec<G, M>>>;
  };
} & {
  on<E extends EventName>(event: E, listener: (payload: StudioEvents[E]) => void): () => void;
};

/** What main implements: receives already-parsed arguments. */
export type StudioHandlers = {
  [G in Group]: {
    [M in keyof Contract[G]]: (
      input: ParsedOf<Spec<G, M>>,
    ) => Promise<ResultOf<Spec<G, M>>> | ResultOf<Spec<G, M>>;
  };
};

/** Every channel as 'group.method'. */
export function channelNames(): string[] {
  return Object.entries(contract).flatMap(([group, methods]) =>
    Object.keys(methods).map((name) => `${group}.${name}`),
  );
}

export function specFor(channel: string): MethodSpec<z.ZodType, unknown> | undefined {
  const [group, name, ...rest] = channel.split('.');
  if (!group || !name || rest.length > 0 || !Object.hasOwn(contract, group)) return undefined;
  const methods = contract[group as Group] as Record<string, MethodSpec<z.ZodType, unknown>>;
  return Object.hasOwn(methods, name) ? methods[name] : undefined;
}

/** Compile-time check that the zod query schema and the library's LibraryQuery agree. */
type _QueryAgrees = z.output<typeof libraryQuerySchema> extends LibraryQuery ? true : never;
export const QUERY_SCHEMA_MATCHES_LIBRARY: _QueryAgrees = true;
