// The real composition root (createStudioCore) against a simulator on loopback, with everything on
// one scaled clock. Used by service-level tests.
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Clock, createScaledClock } from '../../main/core/clock';
import { type Simulator, type SimulatorOptions, startSimulator } from '../../main/demo/simulator';
import { headlessPlatform } from '../../main/service/headless-platform';
import { type CoreExtras, createStudioCore } from '../../main/service/studio-core';
import type { StudioCore, StudioCoreOptions } from '../../main/service/types';
import type { EventName, StudioEvents } from '../../shared/contract/contract';
import { EVENT_NAMES } from '../../shared/contract/contract';

export interface CoreHarness {
  core: StudioCore;
  sim: Simulator;
  clock: Clock;
  dir: string;
  events: { name: EventName; payload: unknown }[];
  waitForState(id: string, states: string[], timeoutMs?: number): Promise<void>;
  close(): Promise<void>;
}

/** Keychain when the suite runs inside scripts/with-keyring.sh, session memory otherwise. */
export const KEY_STORAGE: 'keychain' | 'session' =
  process.env.WAN_STUDIO_TEST_KEYRING === '1' ? 'keychain' : 'session';

/** The real core with no simulator of its own (demo mode, no key): for start-up and storage tests. */
export function startPlainCore(
  userDataDir: string,
  defaultLibraryDir: string,
  extras: Partial<CoreExtras & Pick<StudioCoreOptions, 'pathPolicy'>> = {},
): Promise<StudioCore> {
  return createStudioCore({
    ...extras,
    userDataDir,
    defaultLibraryDir,
    host: 'browser',
    mediaBaseUrl: 'http://127.0.0.1:1/media',
    platform: headlessPlatform(),
    version: 'test',
    env: {},
    secretService: `wan-studio-test-${process.pid}`,
  });
}

export async function startCoreHarness(
  options: {
    sim?: SimulatorOptions;
    core?: Partial<CoreExtras & Pick<StudioCoreOptions, 'env' | 'pathPolicy' | 'platform'>>;
  } = {},
): Promise<CoreHarness> {
  const clock = createScaledClock(200);
  const sim = await startSimulator({ clock, seed: 11, ...options.sim });
  const dir = await mkdtemp(join(tmpdir(), 'wan-core-'));
  const core = await createStudioCore({
    userDataDir: join(dir, 'data'),
    defaultLibraryDir: join(dir, 'library'),
    host: 'browser',
    mediaBaseUrl: 'http://127.0.0.1:1/media',
    platform: headlessPlatform(),
    version: 'test',
    clock,
    apiBaseUrl: `${sim.url}/api/v1`,
    secretService: `wan-studio-test-${process.pid}`,
    env: {},
    demo: { timeScale: 0.05 },
    ...options.core,
  });
  const events: { name: EventName; payload: unknown }[] = [];
  for (const name of EVENT_NAMES)
    core.api.on(name, (payload: StudioEvents[typeof name]) => events.push({ name, payload }));
  return {
    core,
    sim,
    clock,
    dir,
    events,
    waitForState(id, states, timeoutMs = 15_000) {
      return new Promise((resolve, reject) => {
        const started = Date.now();
        const tick = async () => {
          const record = await core.api.generations.get({ id });
          if (record && states.includes(record.state)) return resolve();
          if (Date.now() - started > timeoutMs)
            return reject(new Error(`${id} stuck in ${record?.state}: ${record?.errorMessage}`));
          setTimeout(() => void tick().catch(reject), 10);
        };
        void tick().catch(reject);
      });
    },
    async close() {
      await core.close();
      await sim.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/** Every file below `folder`, with its bytes, for leak scans. */
export async function readAllFiles(folder: string): Promise<{ path: string; bytes: Buffer }[]> {
  const entries = await readdir(folder, { recursive: true, withFileTypes: true });
  const files = entries.filter((entry) => entry.isFile()).map((entry) => join(entry.parentPath, entry.name));
  return Promise.all(files.map(async (path) => ({ path, bytes: await readFile(path) })));
}

/**
 * Whether a secret shows up in some bytes: whole, as a 16-character slice of its middle (a
 * truncated or partly masked copy), or base64-encoded (an Authorization header dumped raw).
 */
export function leaksSecret(haystack: Buffer | string, secret: string): boolean {
  const text = typeof haystack === 'string' ? haystack : haystack.toString('latin1');
  return (
    text.includes(secret) ||
    text.includes(secret.slice(4, 20)) ||
    text.includes(Buffer.from(secret).toString('base64'))
  );
}
