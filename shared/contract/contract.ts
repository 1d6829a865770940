// The one contract between the studio UI and the process that owns the core (Electron main, or the
// browser host). Every method and event is listed here once: main registers handlers from it (sender
// check + schema parse first), the preload and the WebSocket client build `window.studio` from it,
// and the type-level test in test/preload fails when a side misses a channel.
// Process-agnostic: zod and types only. The longer argument schemas live beside it, per group
// (*-schemas.ts), and what the methods answer in results.ts; this file re-exports them.
import { z } from 'zod';
import { type BatchEstimate, batchItemsSchema } from '../batch/items';
import type { AudioInspection } from '../domain/audio';
import { type GenerateDraftSet, generateDraftSchema } from '../domain/generate-draft';
import type { HostingSettings } from '../domain/hosting-settings';
import type { HostingTestResult } from '../domain/hosting-test';
import { MAX_SOURCE_BYTES } from '../domain/image-limits';
import type { ImageInspection } from '../domain/images';
import type { Lineage } from '../domain/lineage';
import type { GenerationParams } from '../domain/params';
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
import type { Sequence, SequenceSummary } from '../domain/sequences';
import type { SpendReport } from '../domain/spend';
import {
  type BudgetStatus,
  budgetPatchSchema,
  editHeldSchema,
  sendHeldSchema,
  spendReportSchema,
} from './budget-schemas';
import { id, idArg, idList, ids, imageId, none } from './common-schemas';
import { absolutePathSchema, fileRefSchema } from './file-refs';
import { createGenerationsSchema } from './generation-schemas';
import { libraryQuerySchema } from './library-schemas';
import type {
  AppInfo,
  Balance,
  BatchResult,
  BulkResult,
  DownloadProgressEvent,
  ExportResult,
  HostingStatus,
  ImportResult,
  KeyStatus,
  NetworkStatus,
  PurgeResult,
  QueueSnapshot,
  RebuildSummary,
  SequenceExportResult,
} from './results';
import {
  sequenceAppendSchema,
  sequenceCreateSchema,
  sequenceListSchema,
  sequenceRenameSchema,
  sequenceSaveExportSchema,
  sequenceSetClipsSchema,
} from './sequence-schemas';
import { hostingCredentialsSchema, keySetSchema, type Settings, settingsSchema } from './settings-schemas';

export { MAX_SELECTION } from './common-schemas';
export { createGenerationsSchema } from './generation-schemas';
export { libraryQuerySchema } from './library-schemas';
export type * from './results';
export { hostingCredentialsSchema, keySetSchema, type Settings, settingsSchema } from './settings-schemas';
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
