// The contract's methods, implemented over the core. Arguments arrive already parsed by the
// dispatcher; handlers only translate between the UI's intents and the core's operations.
import { mkdir } from 'node:fs/promises';
import {
  type AppInfo,
  type KeyStatus,
  MAX_SELECTION,
  type StudioEvents,
  type StudioHandlers,
} from '../../shared/contract/contract';
import type { EventHub } from '../../shared/contract/event-hub';
import { isAbsolutePath } from '../../shared/contract/file-refs';
import { RESOLUTION_DURATIONS } from '../../shared/domain/params';
import { finishedAt } from '../../shared/domain/records';
import { TERMINAL_STATES } from '../../shared/domain/states';
import type { Clock } from '../core/clock';
import { StudioError } from '../core/errors';
import type { JobEngine } from '../core/jobs/engine';
import type { RebuildProgress, RebuildResult } from '../core/library/rebuild';
import type { LinkParents } from '../core/library/restore-recipe';
import type { SidecarKeeper } from '../core/library/sidecar-keeper';
import type { LibraryStore, ManyResult } from '../core/library/types';
import type { AddressPolicy } from '../core/net/address-policy';
import { safeExternalUrl } from '../core/net/external-url';
import type { ReferenceAudio } from '../core/references/reference-audio';
import type { ReferenceImages } from '../core/references/reference-images';
import type { SecretStore } from '../core/secrets';
import { inspectAudioFile } from './audio-files';
import type { BalanceTracker } from './balance';
import { createBatch, estimate } from './batch-service';
import { budgetHandlers, guardCreate } from './budget-service';
import { createGenerations } from './create-generations';
import type { DraftFile } from './draft-file';
import type { FileAccess } from './file-access';
import type { HostingService } from './hosting-service';
import { inspectImageFile } from './image-files';
import { restoreMany, trashMany } from './library-bulk';
import { type ExportRuns, exportWithRecipes } from './library-export';
import { importFileRefs, importPaths, savePoster, saveStrip, videoPathOf } from './library-files';
import { sequenceHandlers } from './sequence-handlers';
import type { SettingsFile } from './settings-file';
import type { PlatformAdapter } from './types';
import { promptRecorder, workflowHandlers } from './workflow-handlers';

export interface HandlerDeps {
  info(): Promise<AppInfo>;
  library(): LibraryStore;
  engine(purpose?: 'generate' | 'read'): JobEngine;
  secrets: SecretStore;
  settings: SettingsFile;
  balance: BalanceTracker;
  hub: EventHub;
  platform: PlatformAdapter;
  currentBackend(): Promise<'demo' | 'apixo'>;
  /** The simulator's pretend balance back to where demo mode started it. */
  resetDemoBalance(): Promise<void>;
  drafts: DraftFile;
  /** Before the key is removed: jobs already created with it keep it (backends.ts). */
  retainKeyForJobs(): Promise<void>;
  applySettings(): Promise<void>;
  moveLibrary(folder: string): Promise<void>;
  /** "Library not found" choices: the same place again, an existing library elsewhere, a new one. */
  reopenLibrary(): Promise<void>;
  locateLibrary(folder: string): Promise<void>;
  createLibrary(folder: string): Promise<void>;
  references: ReferenceImages;
  audio: ReferenceAudio;
  hosting: HostingService;
  /** Which paths and uploads the UI may name (the host's path policy, the browser host's uploads). */
  files: FileAccess;
  /** Which image-link hosts the backend can fetch from (the demo simulator runs on this machine). */
  policyFor(backend: 'demo' | 'apixo'): AddressPolicy;
  clock: Clock;
  /** Keeps each video's `<video>.json` in step: told which generations changed. */
  sidecars: SidecarKeeper;
  exports: ExportRuns;
  rebuildLibrary(onProgress: (progress: RebuildProgress) => void): Promise<RebuildResult>;
  linkParents?: LinkParents;
}

const DAY_MS = 24 * 60 * 60 * 1000;

export function createHandlers(deps: HandlerDeps): StudioHandlers {
  const keyStatus = async (): Promise<KeyStatus> => deps.secrets.status('apixo-api-key');
  const changed = (reason: StudioEvents['library.changed']['reason']) =>
    deps.hub.emit('library.changed', { reason });
  const granted = (paths: string[]): string[] => {
    const absolute = paths.filter(isAbsolutePath);
    deps.files.paths.grant(absolute);
    return absolute;
  };
  const opened = async (open: Promise<void>) => {
    await open;
    changed('opened');
    return deps.info();
  };
  const curated = <T extends { id: string }>(value: T): T => {
    changed('curation');
    deps.sidecars.touch([value.id]);
    return value;
  };
  const curatedMany = (result: ManyResult): ManyResult => {
    changed('curation');
    deps.sidecars.touch(result.done);
    return result;
  };
  const importOptions = {
    linkParents: deps.linkParents,
    onImported: (id: string) => deps.sidecars.touch([id]),
  };
  const touchProject = (projectId: string) => {
    const library = deps.library();
    let cursor: string | null = null;
    do {
      const page = library.query({ projectId, limit: 500, cursor });
      deps.sidecars.touch(page.items.map((item) => item.id));
      cursor = page.nextCursor;
    } while (cursor);
  };

  const createDeps = {
    engine: () => deps.engine('generate'),
    backend: deps.currentBackend,
    references: deps.references,
    audio: deps.audio,
    hosting: deps.hosting,
    policyFor: deps.policyFor,
    guard: (request: Parameters<typeof guardCreate>[1], backend: Parameters<typeof guardCreate>[2]) =>
      guardCreate(deps, request, backend),
  };
  const spend = budgetHandlers({ ...deps, engine: (purpose) => deps.engine(purpose) });
  const recordPrompt = promptRecorder(deps);

  return {
    budget: spend.budget,
    spend: spend.spend,
    app: {
      info: () => deps.info(),
      openExternal: async ({ url }) => {
        // Here, not in one host: every host (Electron, browser, CLI) refuses the same links.
        const safeUrl = safeExternalUrl(url);
        if (!safeUrl) {
          throw new StudioError({
            kind: 'invalid_request',
            userMessage: 'Only web links (http or https) without a user name or password can be opened.',
            reasonCode: 'unsupported_scheme',
          });
        }
        await deps.platform.openExternal(safeUrl);
      },
    },
    generations: {
      create: async (input) => {
        const created = await createGenerations(createDeps, input);
        recordPrompt(input.params);
        return created;
      },
      ...spend.generations,
      get: ({ id }) => deps.library().getGeneration(id),
      cancel: ({ id }) => deps.engine('generate').cancel(id),
      retry: ({ id }) => deps.engine('generate').retry(id),
      resubmit: ({ id }) => deps.engine('generate').resubmit(id),
      dismiss: ({ id }) => deps.engine('generate').dismiss(id),
      checkAgain: ({ id }) => deps.engine('generate').checkAgain(id),
    },
    queue: {
      snapshot: async () => {
        const library = deps.library();
        const engine = deps.engine();
        const backend = await deps.currentBackend();
        const now = Date.now();
        // The last day's, after the user last cleared the list (clearing hides, it deletes nothing).
        const since = Math.max(now - DAY_MS, deps.settings.settings.recentClearedAt);
        const recent = library
          .query({ states: [...TERMINAL_STATES], sort: 'created_desc', limit: 30 })
          .items.filter((item) => finishedAt(item) > since);
        const expectedMs: Record<string, number> = {};
        for (const [resolution, duration] of RESOLUTION_DURATIONS) {
          expectedMs[`${resolution}/${duration}`] = engine.expectedMs(resolution, duration, backend);
        }
        return { active: library.listActive(), recent, network: engine.network.snapshot(), expectedMs };
      },
    },
    library: {
      query: (query) => deps.library().query(query),
      skip: (query) => {
        const { items, ...rest } = deps.library().query(query);
        return { ...rest, count: items.length };
      },
      setFavourite: ({ id, favourite }) => curated(deps.library().setFavourite(id, favourite)),
      setRating: ({ id, rating }) => curated(deps.library().setRating(id, rating)),
      setNotes: ({ id, notes }) => curated(deps.library().setNotes(id, notes)),
      setTags: ({ id, tags }) => curated(deps.library().setTags(id, tags)),
      setFavouriteMany: ({ ids, favourite }) => curatedMany(deps.library().curateMany(ids, { favourite })),
      setRatingMany: ({ ids, rating }) => curatedMany(deps.library().curateMany(ids, { rating })),
      addTagMany: ({ ids, tag }) => curatedMany(deps.library().curateMany(ids, { addTag: tag })),
      matchingIds: (query) => deps.library().matchingIds(query, MAX_SELECTION),
      listTags: () => deps.library().listTags(),
      lineage: ({ id }) => deps.library().lineage(id),
      trash: ({ id }) => {
        deps.library().trash(id);
        changed('trash');
      },
      restore: ({ id }) => {
        deps.library().restore(id);
        deps.sidecars.touch([id]);
        changed('restore');
      },
      trashMany: ({ ids }) => {
        const result = trashMany(deps.library(), ids);
        changed('trash');
        return result;
      },
      restoreMany: ({ ids }) => {
        const result = restoreMany(deps.library(), ids);
        deps.sidecars.touch(result.done);
        changed('restore');
        return result;
      },
      purge: ({ ids }) => {
        const result = deps.library().purgeTrashed(ids);
        changed('purge');
        return result;
      },
      emptyTrash: () => {
        const result = deps.library().purgeTrashed();
        changed('purge');
        return result;
      },
      trashUsage: () => deps.library().trashUsage(),
      setProject: ({ ids, projectId }) => {
        const moved = deps.library().assignProject(ids, projectId);
        deps.sidecars.touch(ids);
        changed('project');
        return { moved };
      },
      importPaths: async ({ paths }) => {
        const result = await importPaths(deps.library(), deps.files, paths, importOptions);
        changed('import');
        return result;
      },
      importFiles: async ({ files }) => {
        const result = await importFileRefs(deps.library(), deps.files, files, importOptions);
        changed('import');
        return result;
      },
      savePoster: ({ videoId, jpeg }) => savePoster(deps.library(), videoId, jpeg),
      saveStrip: ({ videoId, jpeg }) => saveStrip(deps.library(), videoId, jpeg),
      reveal: async ({ id }) => {
        const path = videoPathOf(deps.library(), deps.library().getGeneration(id));
        return { path, shown: await deps.platform.revealFile(path) };
      },
      exportTo: async ({ ids, folder, sidecars, exportId }) => {
        deps.files.paths.check(folder);
        await mkdir(folder, { recursive: true });
        return deps.exports.run(exportId, (signal) =>
          exportWithRecipes(deps.library(), deps.sidecars, ids, folder, { sidecars, signal }),
        );
      },
      cancelExport: ({ exportId }) => deps.exports.cancel(exportId),
      rebuild: async () => {
        const result = await deps.rebuildLibrary((progress) =>
          deps.hub.emit('library.rebuildProgress', progress),
        );
        changed('opened');
        return result;
      },
      startDrag: ({ id }) =>
        deps.platform.startDrag(videoPathOf(deps.library(), deps.library().getGeneration(id))),
      move: async ({ folder }) => {
        deps.files.paths.check(folder);
        await deps.moveLibrary(folder);
        changed('move');
        return deps.info();
      },
      reopen: () => opened(deps.reopenLibrary()),
      locate: ({ folder }) => {
        deps.files.paths.check(folder);
        return opened(deps.locateLibrary(folder));
      },
      createNew: ({ folder }) => {
        deps.files.paths.check(folder);
        return opened(deps.createLibrary(folder));
      },
    },
    projects: {
      list: () => deps.library().listProjects(),
      create: ({ name }) => {
        const project = deps.library().createProject(name);
        changed('project');
        return project;
      },
      rename: ({ id, name }) => {
        const project = deps.library().renameProject(id, name);
        touchProject(id);
        changed('project');
        return project;
      },
      remove: ({ id }) => {
        deps.library().deleteProject(id);
        changed('project');
      },
    },
    sequences: sequenceHandlers({ library: deps.library, files: deps.files, changed }),
    settings: {
      get: () => deps.settings.settings,
      update: async (patch) => {
        // A new watch folder must be one the user pointed at (Electron grants only dialog answers).
        const watched = new Set(deps.settings.settings.watchFolders.map((entry) => entry.folder));
        for (const entry of patch.watchFolders ?? [])
          if (!watched.has(entry.folder)) deps.files.paths.check(entry.folder);
        const settings = await deps.settings.update(patch);
        await deps.applySettings();
        deps.hub.emit('settings.updated', settings);
        return settings;
      },
    },
    drafts: {
      get: () => deps.drafts.read(),
      save: ({ draft }) => deps.drafts.save(draft),
    },
    ...workflowHandlers(deps),
    key: {
      status: keyStatus,
      set: async ({ key, where }) => {
        await deps.secrets.set('apixo-api-key', key, where);
        const status = await keyStatus();
        deps.hub.emit('key.updated', status);
        void deps.balance.refresh();
        return status;
      },
      clear: async () => {
        await deps.retainKeyForJobs();
        await deps.secrets.clear('apixo-api-key');
        const status = await keyStatus();
        deps.hub.emit('key.updated', status);
        void deps.balance.refresh();
        return status;
      },
    },
    balance: {
      get: (input) =>
        input?.refresh === 'soon'
          ? deps.balance.refreshSoon()
          : input?.refresh
            ? deps.balance.refresh()
            : deps.balance.current(),
      resetDemo: async () => {
        if ((await deps.currentBackend()) !== 'demo') {
          throw new StudioError({
            kind: 'invalid_request',
            userMessage: 'Only the demo balance can be reset; an APIXO balance is topped up on apixo.ai.',
          });
        }
        await deps.resetDemoBalance();
        return deps.balance.refresh();
      },
    },
    audio: {
      inspect: ({ file }) => inspectAudioFile(deps.audio, deps.files, file),
      inspectUrl: async ({ url }) => deps.audio.inspectUrl(url, deps.policyFor(await deps.currentBackend())),
      get: ({ sha256 }) => deps.audio.get(sha256),
    },
    images: {
      inspect: ({ file }) => inspectImageFile(deps.references, deps.files, file),
      inspectUrl: async ({ url }) => {
        const backend = await deps.currentBackend();
        return deps.references.inspectUrl(url, deps.policyFor(backend), backend);
      },
      convert: ({ sha256 }) => deps.references.convert(sha256),
      get: ({ sha256 }) => deps.references.get(sha256),
    },
    hosting: {
      status: () => deps.hosting.status(),
      setCredentials: (input) => deps.hosting.setCredentials(input),
      clearCredentials: () => deps.hosting.clearCredentials(),
      test: () => deps.hosting.test(),
    },
    batch: {
      estimate: ({ items }) => estimate(deps.library(), items),
      create: ({ items, confirmed }) =>
        createBatch(
          { ...createDeps, library: deps.library, files: deps.files, hub: deps.hub, clock: deps.clock },
          items,
          confirmed,
        ),
    },
    dialog: {
      // What a dialog answers is what the user pointed at: granted, so the call that follows may use it.
      chooseFolder: async (input) => {
        const folder = await deps.platform.chooseFolder(input?.title);
        return folder === null ? null : (granted([folder])[0] ?? null);
      },
      chooseVideos: async () => granted(await deps.platform.chooseVideos()),
    },
  };
}
