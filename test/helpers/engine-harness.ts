// A real stack for engine tests: the APIXO simulator on loopback, a SQLite library in a temp
// folder, the real client and downloader, all sharing one scaled clock so APIXO's minute-long
// timings pass in a fraction of a second.
import { createHash } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ApixoClient } from '../../main/core/apixo/client';
import { KeyDestination } from '../../main/core/apixo/key-destination';
import { RateLimiter } from '../../main/core/apixo/rate-limiter';
import { type Clock, createScaledClock } from '../../main/core/clock';
import { createDownloadQueue } from '../../main/core/downloads/download-queue';
import { JobEngine, type JobEngineOptions } from '../../main/core/jobs/engine';
import { openLibrary } from '../../main/core/library/library';
import { absolutePath } from '../../main/core/library/paths';
import type { GenerationRecord, LibraryStore } from '../../main/core/library/types';
import type { LogSink } from '../../main/core/log/log-sink';
import { type AddressPolicy, anyAddress } from '../../main/core/net/address-policy';
import { type Simulator, type SimulatorOptions, startSimulator } from '../../main/demo/simulator';
import type { GenerationParamsInput } from '../../shared/domain/params';
import { generationParamsSchema } from '../../shared/domain/params';

export const TEST_KEY = 'sk-test-harness-key-0001';

export interface Harness {
  sim: Simulator;
  library: LibraryStore;
  engine: JobEngine;
  client: ApixoClient;
  clock: Clock;
  dir: string;
  updates: GenerationRecord[];
  logs: string[];
  create(params?: Partial<GenerationParamsInput>, count?: number): GenerationRecord[];
  waitFor(
    id: string,
    predicate: (record: GenerationRecord) => boolean,
    timeoutMs?: number,
  ): Promise<GenerationRecord>;
  settle(id: string, timeoutMs?: number): Promise<GenerationRecord>;
  /** A new engine on the same library and simulator, as after an app restart. */
  restart(): Promise<void>;
  close(): Promise<void>;
}

export interface HarnessOptions {
  sim?: SimulatorOptions;
  speedup?: number;
  /** A function when the test changes the key while the engine runs. */
  apiKey?: string | null | (() => string | null);
  clientTimeoutMs?: number;
  maxRemoteTasks?: number;
  /** Engine knobs a test or benchmark changes (e.g. the polling strategy). */
  engine?: Pick<JobEngineOptions, 'planner' | 'random'>;
  downloadConcurrency?: number;
  /** Where result links may lead. Default: anywhere, since the simulator is on loopback. */
  resultLinkPolicy?: AddressPolicy;
  /** The client's overall deadline per request (real ms). Default 2 × clientTimeoutMs. */
  clientDeadlineMs?: number;
}

export interface EngineStack {
  library: LibraryStore;
  client: ApixoClient;
  updates: GenerationRecord[];
  logs: string[];
  makeEngine(): JobEngine;
}

/**
 * The real engine wiring (library, client with its shared limiter, downloads, logger) against any
 * APIXO base URL: the harness below uses it with an in-process simulator, benchmarks with one in
 * another process.
 */
export function createEngineStack(
  options: Omit<HarnessOptions, 'sim' | 'speedup'> & { clock: Clock; baseUrl: string; root: string },
): EngineStack {
  const { clock } = options;
  const library = openLibrary({ root: options.root, clock });
  const updates: GenerationRecord[] = [];
  const logs: string[] = [];
  const apiKey = options.apiKey === undefined ? TEST_KEY : options.apiKey;
  const client = new ApixoClient({
    destination: KeyDestination.explicit(options.baseUrl, 'flag', false),
    getApiKey: async () => (typeof apiKey === 'function' ? apiKey() : apiKey),
    limiter: new RateLimiter({ clock }),
    clock,
    timeoutMs: options.clientTimeoutMs ?? 3_000,
    ...(options.clientDeadlineMs === undefined ? {} : { deadlineMs: options.clientDeadlineMs }),
  });
  const log: LogSink = {
    info: (message, fields) => logs.push(`info ${message} ${JSON.stringify(fields ?? {})}`),
    warn: (message, fields) => logs.push(`warn ${message} ${JSON.stringify(fields ?? {})}`),
    error: (message, fields) =>
      logs.push(`error ${message} ${String(fields?.error ?? JSON.stringify(fields ?? {}))}`),
  };
  const makeEngine = () =>
    new JobEngine({
      library,
      clientFor: () => client,
      clock,
      downloads: createDownloadQueue({ concurrency: options.downloadConcurrency ?? 3 }),
      resultLinkPolicy: () => options.resultLinkPolicy ?? anyAddress,
      log,
      delivery: () => ({ requestType: 'async' }),
      onUpdate: (record) => updates.push(record),
      onProgress: () => {},
      maxRemoteTasks: options.maxRemoteTasks,
      ...options.engine,
    });
  return { library, client, updates, logs, makeEngine };
}

const SETTLED = new Set(['done', 'failed', 'expired', 'cancelled', 'uncertain', 'stalled']);

export async function startHarness(options: HarnessOptions = {}): Promise<Harness> {
  const clock = createScaledClock(options.speedup ?? 200);
  const sim = await startSimulator({ clock, seed: 7, ...options.sim });
  const dir = await mkdtemp(join(tmpdir(), 'wan-engine-'));
  const { library, client, updates, logs, makeEngine } = createEngineStack({
    ...options,
    clock,
    baseUrl: `${sim.url}/api/v1`,
    root: join(dir, 'library'),
  });
  const harness: Harness = {
    sim,
    library,
    engine: makeEngine(),
    client,
    clock,
    dir,
    updates,
    logs,
    create(params = {}, count = 1) {
      const parsed = generationParamsSchema.parse({
        mode: 'text-to-video',
        prompt: 'clouds drifting over a quiet mountain lake',
        resolution: '720p',
        duration: 5,
        aspectRatio: '16:9',
        ...params,
      });
      return harness.engine.enqueue({
        params: parsed,
        count,
        seedMode: 'random',
        projectId: null,
        backend: 'apixo',
      });
    },
    waitFor(id, predicate, timeoutMs = 15_000) {
      return new Promise((resolve, reject) => {
        const started = Date.now();
        const tick = () => {
          const record = library.getGeneration(id);
          if (record && predicate(record)) return resolve(record);
          if (Date.now() - started > timeoutMs) {
            return reject(
              new Error(
                `timed out waiting for ${id}; now ${record?.state} ${record?.errorMessage ?? ''}\n${logs.slice(-5).join('\n')}`,
              ),
            );
          }
          setTimeout(tick, 10);
        };
        tick();
      });
    },
    settle(id, timeoutMs) {
      return harness.waitFor(id, (record) => SETTLED.has(record.state), timeoutMs);
    },
    async restart() {
      await harness.engine.stop();
      harness.engine = makeEngine();
      harness.engine.start();
    },
    async close() {
      await harness.engine.stop();
      library.close();
      await sim.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
  harness.engine.start();
  return harness;
}

export async function fileSha256(library: LibraryStore, record: GenerationRecord): Promise<string> {
  if (!record.video) throw new Error('no video');
  return createHash('sha256')
    .update(await readFile(absolutePath(library.root, record.video.relPath)))
    .digest('hex');
}
