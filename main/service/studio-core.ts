// The composition root shared by every host (Electron main, the browser host, the CLI): it opens
// the library, the secret store and the backends, starts the job engine, and exposes the
// contract's dispatcher (and an in-process API over it) and events. Nothing here knows which host
// it runs in.
import { mkdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { AppInfo } from '../../shared/contract/contract';
import { EventHub } from '../../shared/contract/event-hub';
import { isTerminal } from '../../shared/domain/states';
import { BASE_URL_VARIABLE, resolveKeyDestination } from '../core/apixo/key-destination';
import { readBudget } from '../core/budget/budget-settings';
import { type Clock, systemClock } from '../core/clock';
import { createDownloadQueue } from '../core/downloads/download-queue';
import { ReferenceHosting } from '../core/hosting/reference-hosting';
import { JobEngine } from '../core/jobs/engine';
import { openLibrary } from '../core/library/library';
import { SidecarKeeper } from '../core/library/sidecar-keeper';
import type { GenerationRecord, LibraryStore } from '../core/library/types';
import { createLogger, type Logger } from '../core/log';
import {
  type AddressPolicy,
  anyAddress,
  publicInternetOnly,
  resultLinkPolicy,
} from '../core/net/address-policy';
import { ReferenceAudio } from '../core/references/reference-audio';
import { ReferenceImages } from '../core/references/reference-images';
import { createSecretStore, type SecretStore } from '../core/secrets';
import { Backends, type DemoOptions } from './backends';
import { BalanceTracker } from './balance';
import { CallbackDelivery, submitOptionsFor } from './callback-delivery';
import { DemoReferenceHost, demoAwareHost } from './demo-reference-host';
import { createDispatcher } from './dispatch';
import { DraftFile } from './draft-file';
import { EngineSession } from './engine-session';
import { createFileAccess } from './file-access';
import { createHandlers } from './handlers';
import { HostingService } from './hosting-service';
import { createInProcessApi } from './in-process-api';
import { ExportRuns } from './library-export';
import { LibrarySession } from './library-session';
import { anyAbsolutePath } from './path-policy';
import { SettingsFile } from './settings-file';
import { moveJournal, startupChoice } from './startup-library';
import type { StudioCore, StudioCoreOptions } from './types';
import { startWatchFolders } from './watch-folders';

export interface CoreExtras {
  clock?: Clock;
  demo?: DemoOptions;
  /** Keychain service name (tests use their own). */
  secretService?: string;
  secrets?: SecretStore;
  logToConsole?: boolean;
  /** Use this library folder instead of the one in settings (CLI --library). */
  libraryDir?: string;
  /** Run generations on the built-in simulator even when a key is set (CLI --demo). */
  forceDemo?: boolean;
  /** Talk to this APIXO base URL (CLI --base-url); key-destination.ts decides whether the key may go there. */
  apiBaseUrl?: string;
  /** false: read-only use of the library (CLI list/search); no jobs are driven. Default true. */
  startEngine?: boolean;
  /**
   * Which addresses APIXO can reach. Default: the public internet only. Tests let 127.0.0.1 stand
   * in for the internet so that links and hosting on loopback behave like public ones.
   */
  publicAddressPolicy?: AddressPolicy;
  /** Watch the folders in settings (the app's hosts; not one-shot CLI commands). `stableMs` for tests. */
  watchFolders?: { stableMs?: number };
}

export async function createStudioCore(options: StudioCoreOptions & CoreExtras): Promise<StudioCore> {
  const clock = options.clock ?? systemClock;
  // First, before anything is opened: refuses a base URL the key must not go to.
  const destination = resolveKeyDestination({ flag: options.apiBaseUrl, env: options.env ?? process.env });
  await mkdir(options.userDataDir, { recursive: true });
  const settings = new SettingsFile(join(options.userDataDir, 'settings.json'));
  await settings.load();
  const secrets = options.secrets ?? createSecretStore({ env: options.env, service: options.secretService });
  const log: Logger = createLogger({
    file: join(options.userDataDir, 'logs', 'wan-studio.log'),
    redact: () => secrets.knownSecrets(),
    clock,
    console: options.logToConsole ?? false,
  });
  for (const field of settings.ignoredFields) {
    log.info('settings.json: ignored a stored setting', {
      field,
      why:
        field === 'apiBaseUrl'
          ? `the API base URL comes only from --base-url or ${BASE_URL_VARIABLE}`
          : 'unknown or invalid',
    });
  }
  const publicPolicy = options.publicAddressPolicy ?? publicInternetOnly;
  const hostingService = new HostingService(settings, secrets, publicPolicy);
  // Asks the keychain (a D-Bus round trip on Linux, off this thread) while the simulator starts;
  // awaited before the library opens, i.e. before the engine can upload a reference.
  const credentialsBound = hostingService.bindUnscopedCredentials();
  credentialsBound.catch(() => {}); // awaited below; not an unhandled rejection meanwhile
  const hub = new EventHub();
  const backends = new Backends({
    secrets,
    destination,
    clock,
    userDataDir: options.userDataDir,
    demo: options.demo,
    version: options.version,
    forceDemo: options.forceDemo ?? false,
  });
  await backends.start();

  if (settings.unreadable) {
    log.warn('the settings file could not be read; it was kept aside and defaults are in use', {
      ...settings.unreadable,
    });
  }
  const journal = moveJournal(options.userDataDir);
  const recovered = await journal.recover((root) => settings.setLibraryRoot(root));
  if (recovered) log.warn('an interrupted library move was resolved', { ...recovered });

  const downloads = createDownloadQueue({ concurrency: settings.settings.downloadConcurrency });
  const delivery = (record: Pick<GenerationRecord, 'backend'>) => submitOptionsFor(settings.settings, record);

  // The simulator runs on this machine, so demo generations may use any address.
  const policyFor = (backend: 'demo' | 'apixo'): AddressPolicy =>
    backend === 'demo' ? anyAddress : publicPolicy;
  const currentLibrary = (): LibraryStore => libraries.current();
  const references = new ReferenceImages(currentLibrary, () => clock.now());
  const audio = new ReferenceAudio(currentLibrary, () => clock.now());
  const demoReferences = new DemoReferenceHost(currentLibrary, () => clock.now());
  const referenceHosting = new ReferenceHosting({
    library: currentLibrary,
    source: hostingService,
    clock,
    log: log.child({ scope: 'hosting' }),
    policyFor,
  });

  const makeEngine = (forLibrary: LibraryStore) => {
    const created = new JobEngine({
      library: forLibrary,
      clientFor: (record) => backends.clientFor(record),
      clock,
      downloads,
      resultLinkPolicy: (record) =>
        resultLinkPolicy(record.backend === 'demo' ? null : destination.baseUrl, publicPolicy),
      log: log.child({ scope: 'jobs' }),
      delivery,
      onUpdate: (record) => hub.emit('generation.updated', record),
      onProgress: (id, progress) => hub.emit('download.progress', { id, ...progress }),
      timeScaleFor: (backend) => (backend === 'demo' ? backends.demoTimeScale : 1),
      hosting: demoAwareHost({
        hosting: referenceHosting,
        demo: demoReferences,
        hostingReady: async () => (await hostingService.status()).ready,
      }),
    });
    created.network.onChange((snapshot) => hub.emit('network.status', snapshot));
    return created;
  };
  const engines = new EngineSession({
    makeEngine,
    drive: options.startEngine !== false,
    app: options.host,
    log,
  });
  const sidecars = new SidecarKeeper({
    library: () => {
      try {
        return libraries.current();
      } catch {
        return null; // no library open (not found, or being rebuilt): writes wait
      }
    },
    app: `Wan Studio ${options.version}`,
    log: log.child({ scope: 'sidecars' }),
    now: () => clock.now(),
  });
  // A video landing (download, import) or changing: its sidecar follows.
  hub.on('generation.updated', (record) => {
    if (record.video) sidecars.touch([record.id]);
  });
  const libraries = new LibrarySession({
    engine: engines,
    settings,
    journal,
    clock,
    log,
    onOpened: (library) => {
      sidecars.sweepOnce(library);
    },
  });
  // A folder named on the command line that a finished move took elsewhere is found there.
  const explicitDir =
    recovered?.outcome === 'finished' && options.libraryDir && resolve(options.libraryDir) === recovered.from
      ? recovered.root
      : options.libraryDir;
  await credentialsBound;
  await libraries.openAtStartup(
    startupChoice(settings, explicitDir, options.defaultLibraryDir, settings.existed),
  );

  const engineFor = (purpose: 'generate' | 'read'): JobEngine => {
    const engine = engines.current();
    if (!engine) libraries.current(); // throws why there is no library
    return purpose === 'generate' || !engine ? engines.forGenerating() : engine;
  };

  const callbacks = new CallbackDelivery((taskId) => engines.current()?.hint(taskId), log);
  const applySettings = async () => {
    downloads.setConcurrency(settings.settings.downloadConcurrency);
    await callbacks.apply(settings.settings);
    await watching?.settingsChanged();
  };
  let watching: Awaited<ReturnType<typeof startWatchFolders>> | null = null;
  await applySettings();

  const info = async (): Promise<AppInfo> => ({
    version: options.version,
    host: options.host,
    platform: process.platform,
    demoMode: await backends.isDemo(),
    apiBaseUrl: destination.baseUrl,
    apiBaseUrlSource: destination.source,
    libraryRoot: libraries.root,
    mediaBaseUrl: options.mediaBaseUrl,
    libraryProblem: libraries.problem,
    settingsKeptAs: settings.unreadable?.keptAs ?? null,
  });

  const balance = new BalanceTracker(() => backends.current(), clock, hub, {
    lowThresholdUsd: () => (libraries.problem ? null : readBudget(currentLibrary()).lowBalanceUsd),
    record: (snapshot) => {
      if (!libraries.problem) currentLibrary().addBalanceSnapshot({ ...snapshot, reason: 'refresh' });
    },
  });
  const files = createFileAccess(options.pathPolicy ?? anyAbsolutePath(), options.uploads ?? null);
  // A task drew money when it was accepted, and a failed one may have been refunded: the header
  // shows the balance as it is after each of those moments, without asking APIXO on every event.
  hub.on('generation.updated', (record) => {
    if (record.state === 'pending' || isTerminal(record.state)) void balance.refreshSoon();
  });
  const exports = new ExportRuns();
  const handlers = createHandlers({
    info,
    library: currentLibrary,
    engine: engineFor,
    secrets,
    settings,
    balance,
    hub,
    platform: options.platform,
    currentBackend: async () => (await backends.current()).backend,
    resetDemoBalance: () => backends.resetDemoBalance(),
    drafts: new DraftFile(join(options.userDataDir, 'generate-draft.json')),
    retainKeyForJobs: () =>
      backends.retainKeyForJobs(() => {
        try {
          return currentLibrary()
            .listActive()
            .some((record) => record.backend === 'apixo');
        } catch {
          return false; // no library open: no jobs to keep a key for
        }
      }),
    applySettings,
    references,
    audio,
    hosting: hostingService,
    files,
    policyFor,
    clock,
    moveLibrary: (folder) => libraries.move(folder),
    reopenLibrary: () => libraries.reopen(),
    locateLibrary: (folder) => libraries.locate(folder),
    createLibrary: (folder) => libraries.create(folder),
    sidecars,
    exports,
    rebuildLibrary: async (onProgress) => {
      // The folder is the source: every recent change must be in its sidecar before it is read.
      await sidecars.flush();
      return libraries.rebuild(onProgress);
    },
  });

  const dispatch = createDispatcher(handlers, log);
  const api = createInProcessApi(dispatch, hub);
  if (options.watchFolders) {
    watching = await startWatchFolders({
      api,
      folders: () => settings.settings.watchFolders,
      journalPath: join(options.userDataDir, 'watch-folders.json'),
      log,
      // A watch folder was chosen by the user (settings.update checked it): its new files may be read.
      grant: (path) => files.paths.grant([path]),
      stableMs: options.watchFolders.stableMs,
    });
  }
  let closed = false;
  log.info('core started', { host: options.host, libraryRoot: (await info()).libraryRoot });
  return {
    dispatch,
    api,
    events: hub,
    watchFolders: watching?.watchFolders ?? null,
    info,
    library: currentLibrary,
    engine: () => engineFor('read'),
    demoSimulator: () => backends.demoSimulator(),
    log,
    async close() {
      if (closed) return;
      closed = true;
      await watching?.watchFolders.close();
      balance.close();
      await exports.cancelAll();
      await sidecars.flush().catch(() => {});
      sidecars.close();
      await libraries.close();
      await callbacks.close();
      await demoReferences.close();
      await backends.close();
      log.info('core stopped');
      log.close();
    },
  };
}

export { openLibrary };
