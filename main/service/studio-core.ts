// The composition root shared by every host (Electron main, the browser host, the CLI): it opens
// the library, the secret store and the backends, starts the job engine, and exposes the
// contract's dispatcher (and an in-process API over it) and events. Nothing here knows which host
// it runs in.
import { mkdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { AppInfo, LibraryProblem } from '../../preload/contract';
import { BASE_URL_VARIABLE, resolveKeyDestination } from '../core/apixo/key-destination';
import type { SubmitOptions } from '../core/apixo/params';
import { type Clock, systemClock } from '../core/clock';
import { createDownloadQueue } from '../core/downloads/download-queue';
import { StudioError } from '../core/errors';
import { ReferenceHosting } from '../core/hosting/reference-hosting';
import { type CallbackReceiver, startCallbackReceiver } from '../core/jobs/callback-receiver';
import { JobEngine } from '../core/jobs/engine';
import { acquireEngineLock, describeHolder, type EngineLock, readLockHolder } from '../core/jobs/engine-lock';
import { sweepInterruptedImports } from '../core/library/import';
import { type LibraryCreation, openLibrary } from '../core/library/library';
import type { GenerationRecord, LibraryStore } from '../core/library/types';
import { createLogger, type Logger } from '../core/log';
import {
  type AddressPolicy,
  anyAddress,
  publicInternetOnly,
  resultLinkPolicy,
} from '../core/net/address-policy';
import { ReferenceImages } from '../core/references/reference-images';
import { createSecretStore, type SecretStore } from '../core/secrets';
import { Backends, type DemoOptions } from './backends';
import { BalanceTracker } from './balance';
import { DemoReferenceHost, demoAwareHost } from './demo-reference-host';
import { createDispatcher } from './dispatch';
import { EventHub } from './event-hub';
import { createFileAccess } from './file-access';
import { createHandlers } from './handlers';
import { HostingService } from './hosting-service';
import { createInProcessApi } from './in-process-api';
import { anyAbsolutePath } from './path-policy';
import { SettingsFile } from './settings-file';
import { moveJournal, startupChoice, tryOpenLibrary } from './startup-library';
import type { StudioCore, StudioCoreOptions } from './types';

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

  // The open library, or why there is none (the UI then offers retry / locate / create new).
  let library: LibraryStore | null = null;
  let libraryProblem: LibraryProblem | null = null;
  const currentLibrary = (): LibraryStore => {
    if (library) return library;
    throw new StudioError({
      kind: libraryProblem?.kind ?? 'library_missing',
      userMessage: libraryProblem?.message ?? 'No library is open.',
    });
  };
  const downloads = createDownloadQueue({ concurrency: settings.settings.downloadConcurrency });
  let callbackReceiver: CallbackReceiver | null = null;

  const delivery = (record: Pick<GenerationRecord, 'backend'>): SubmitOptions => {
    const current = settings.settings;
    // Demo tasks live on this machine: a public callback URL could never reach the simulator.
    if (record.backend !== 'demo' && current.delivery === 'callback' && current.callbackPublicUrl) {
      return { requestType: 'callback', callbackUrl: current.callbackPublicUrl };
    }
    return { requestType: 'async' };
  };

  const publicPolicy = options.publicAddressPolicy ?? publicInternetOnly;
  // The simulator runs on this machine, so demo generations may use any address.
  const policyFor = (backend: 'demo' | 'apixo'): AddressPolicy =>
    backend === 'demo' ? anyAddress : publicPolicy;
  const hostingService = new HostingService(settings, secrets, publicPolicy);
  await hostingService.bindUnscopedCredentials();
  const references = new ReferenceImages(currentLibrary, () => clock.now());
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
  let engine: JobEngine | null = null;
  let lock: EngineLock | null = null;
  // True when another process held the library's lock when this one tried to take it.
  let heldElsewhere = false;
  const lockRecord = (forLibrary: LibraryStore) => join(forLibrary.root, '.wanstudio', 'engine.lock');
  const startEngine = async (forLibrary: LibraryStore) => {
    engine = makeEngine(forLibrary);
    if (options.startEngine === false) return;
    const result = await acquireEngineLock(lockRecord(forLibrary), { app: options.host });
    heldElsewhere = 'heldBy' in result;
    if ('heldBy' in result) {
      log.warn('another process drives this library; jobs are not started here', { holder: result.heldBy });
      return;
    }
    lock = result;
    engine.start();
  };
  const stopEngine = async () => {
    await engine?.stop();
    await lock?.release();
    lock = null;
  };
  /** Makes `opened` the library: the engine drives it, and what crashed imports left is swept. */
  const attach = async (opened: LibraryStore) => {
    library = opened;
    libraryProblem = null;
    await startEngine(opened);
    const swept = await sweepInterruptedImports(opened.root, clock.now());
    if (swept.length > 0) log.info('removed files left by interrupted imports', { files: swept });
  };
  /** Opens a library in place of the current one; on failure the current one stays and the problem is returned. */
  const open = async (root: string, create: LibraryCreation, remember: boolean) => {
    const outcome = tryOpenLibrary(root, create, clock);
    if ('problem' in outcome) return outcome.problem;
    await stopEngine();
    library?.close();
    if (remember) await settings.setLibraryRoot(outcome.library.root);
    await attach(outcome.library);
    return null;
  };
  // A folder named on the command line that a finished move took elsewhere is found there.
  const explicitDir =
    recovered?.outcome === 'finished' && options.libraryDir && resolve(options.libraryDir) === recovered.from
      ? recovered.root
      : options.libraryDir;
  const startup = startupChoice(settings, explicitDir, options.defaultLibraryDir, settings.existed);
  libraryProblem = await open(startup.root, startup.create, startup.remember);
  if (libraryProblem) log.warn('the library could not be opened', { ...libraryProblem });

  /** The UI's way out of "library not found": the same place again, another library, or a new one. */
  const switchLibrary = async (root: string, create: LibraryCreation, remember = true) => {
    const problem = await open(root, create, remember);
    if (problem) throw new StudioError({ kind: problem.kind, userMessage: problem.message });
  };

  const engineFor = (purpose: 'generate' | 'read') => {
    if (!engine) currentLibrary();
    if (purpose === 'generate' && !lock) {
      // The record is read now, not at start: a process that won the lock a moment before this one
      // may not have written it yet then.
      const holder = heldElsewhere ? readLockHolder(lockRecord(currentLibrary())) : null;
      throw new StudioError({
        kind: 'invalid_request',
        userMessage: heldElsewhere
          ? `Another Wan Studio${holder ? ` (${describeHolder(holder)})` : ''} is working on this library. Generate there, or close it first.`
          : 'This session opened the library read-only.',
      });
    }
    return engine as JobEngine;
  };

  const applySettings = async () => {
    const current = settings.settings;
    downloads.setConcurrency(current.downloadConcurrency);
    const wantReceiver = current.delivery === 'callback';
    if (callbackReceiver && (!wantReceiver || callbackReceiver.port !== current.callbackPort)) {
      await callbackReceiver.close();
      callbackReceiver = null;
    }
    if (wantReceiver && !callbackReceiver) {
      try {
        callbackReceiver = await startCallbackReceiver({
          port: current.callbackPort,
          onHint: (taskId) => engine?.hint(taskId),
        });
      } catch (error) {
        // Polling continues regardless; the receiver is only a way to hear about results sooner.
        log.warn('callback receiver could not start', { port: current.callbackPort, error });
      }
    }
  };
  await applySettings();

  const info = async (): Promise<AppInfo> => ({
    version: options.version,
    host: options.host,
    platform: process.platform,
    demoMode: await backends.isDemo(),
    apiBaseUrl: destination.baseUrl,
    apiBaseUrlSource: destination.source,
    libraryRoot: library?.root ?? libraryProblem?.path ?? '',
    mediaBaseUrl: options.mediaBaseUrl,
    libraryProblem,
    settingsKeptAs: settings.unreadable?.keptAs ?? null,
  });

  const balance = new BalanceTracker(() => backends.current(), clock, hub);
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
    applySettings,
    references,
    hosting: hostingService,
    files: createFileAccess(options.pathPolicy ?? anyAbsolutePath(), options.uploads ?? null),
    policyFor,
    moveLibrary: async (folder) => {
      const moving = currentLibrary();
      await stopEngine();
      try {
        await moving.moveTo(folder, {
          journal,
          switchTo: (root) => settings.setLibraryRoot(root),
          onLeftover: (leftover, error) =>
            log.warn('the old library folder could not be removed; the next start tries again', {
              leftover,
              error,
            }),
        });
      } finally {
        await startEngine(moving);
      }
    },
    reopenLibrary: () => switchLibrary(startup.root, startup.create, startup.remember),
    locateLibrary: (folder) => switchLibrary(folder, 'never'),
    createLibrary: (folder) => switchLibrary(folder, 'folder'),
  });

  const dispatch = createDispatcher(handlers, log);
  let closed = false;
  log.info('core started', { host: options.host, libraryRoot: (await info()).libraryRoot });
  return {
    dispatch,
    api: createInProcessApi(dispatch, hub),
    events: hub,
    info,
    library: currentLibrary,
    engine: () => engineFor('read'),
    demoSimulator: () => backends.demoSimulator(),
    log,
    async close() {
      if (closed) return;
      closed = true;
      await stopEngine();
      await callbackReceiver?.close();
      await demoReferences.close();
      library?.close();
      await backends.close();
      log.info('core stopped');
      log.close();
    },
  };
}

export { openLibrary };
