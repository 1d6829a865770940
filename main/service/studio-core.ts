// The composition root shared by every host (Electron main, the browser host, the CLI): it opens
// the library, the secret store and the backends, starts the job engine, and exposes the
// contract's handlers and events. Nothing here knows which host it runs in.
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { AppInfo } from '../../preload/contract';
import type { SubmitOptions } from '../core/apixo/params';
import { type Clock, systemClock } from '../core/clock';
import { createDownloadQueue } from '../core/downloads/download-queue';
import { type CallbackReceiver, startCallbackReceiver } from '../core/jobs/callback-receiver';
import { JobEngine } from '../core/jobs/engine';
import { openLibrary } from '../core/library/library';
import type { GenerationRecord, LibraryStore } from '../core/library/types';
import { createLogger, type Logger } from '../core/log';
import { createSecretStore, type SecretStore } from '../core/secrets';
import { BalanceTracker } from './balance';
import { Backends, type DemoOptions } from './backends';
import { EventHub } from './event-hub';
import { createHandlers } from './handlers';
import { SettingsFile } from './settings-file';
import type { StudioCore, StudioCoreOptions } from './types';

export interface CoreExtras {
  clock?: Clock;
  demo?: DemoOptions;
  /** Keychain service name (tests use their own). */
  secretService?: string;
  secrets?: SecretStore;
  logToConsole?: boolean;
}

export async function createStudioCore(options: StudioCoreOptions & CoreExtras): Promise<StudioCore> {
  const clock = options.clock ?? systemClock;
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
  const hub = new EventHub();
  const backends = new Backends({ secrets, settings: () => settings.settings, clock, userDataDir: options.userDataDir, demo: options.demo, version: options.version });
  await backends.start();

  const libraryRoot = settings.libraryRoot ?? options.defaultLibraryDir;
  await mkdir(libraryRoot, { recursive: true });
  let library: LibraryStore = openLibrary({ root: libraryRoot, clock });
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

  const makeEngine = () => {
    const created = new JobEngine({
      library,
      clientFor: (record) => backends.clientFor(record),
      clock,
      downloads,
      log: log.child({ scope: 'jobs' }),
      delivery,
      onUpdate: (record) => hub.emit('generation.updated', record),
      onProgress: (id, progress) => hub.emit('download.progress', { id, ...progress }),
    });
    created.network.onChange((snapshot) => hub.emit('network.status', snapshot));
    created.start();
    return created;
  };
  let engine = makeEngine();

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
        callbackReceiver = await startCallbackReceiver({ port: current.callbackPort, onHint: (taskId) => engine.hint(taskId) });
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
    apiBaseUrl: settings.settings.apiBaseUrl,
    libraryRoot: library.root,
    mediaBaseUrl: options.mediaBaseUrl,
  });

  const balance = new BalanceTracker(() => backends.current(), clock, hub);
  const handlers = createHandlers({
    info,
    library: () => library,
    engine: () => engine,
    secrets,
    settings,
    balance,
    hub,
    platform: options.platform,
    currentBackend: async () => (await backends.current()).backend,
    applySettings,
    moveLibrary: async (folder) => {
      await engine.stop();
      try {
        await library.moveTo(folder);
        await settings.setLibraryRoot(library.root);
      } finally {
        engine = makeEngine();
      }
    },
  });

  log.info('core started', { host: options.host, libraryRoot: library.root });
  return {
    handlers,
    events: hub,
    info,
    library: () => library,
    engine: () => engine,
    demoSimulator: () => backends.demoSimulator(),
    log,
    async close() {
      await engine.stop();
      await callbackReceiver?.close();
      library.close();
      await backends.close();
      log.info('core stopped');
      log.close();
    },
  };
}

export { openLibrary };
