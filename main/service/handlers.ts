// The contract's methods, implemented over the core. Arguments arrive already parsed by the
// dispatcher; handlers only translate between the UI's intents and the core's operations. The
// larger groups live beside it (library-, sequence-, workflow-handlers.ts, budget-service.ts).
import type { KeyStatus, StudioEvents, StudioHandlers } from '../../shared/contract/contract';
import { isAbsolutePath } from '../../shared/contract/file-refs';
import { RESOLUTION_DURATIONS } from '../../shared/domain/params';
import { finishedAt } from '../../shared/domain/records';
import { TERMINAL_STATES } from '../../shared/domain/states';
import { StudioError } from '../core/errors';
import { safeExternalUrl } from '../core/net/external-url';
import { inspectAudioFile } from './audio-files';
import { createBatch, estimate } from './batch-service';
import { budgetHandlers, guardCreate } from './budget-service';
import { createGenerations } from './create-generations';
import type { HandlerDeps } from './handler-deps';
import { inspectImageFile } from './image-files';
import { libraryHandlers } from './library-handlers';
import { sequenceHandlers } from './sequence-handlers';
import { promptRecorder, workflowHandlers } from './workflow-handlers';

export type { HandlerDeps } from './handler-deps';

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
    ...libraryHandlers(deps, changed),
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
