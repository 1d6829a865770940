// The process is killed with SIGKILL mid-poll and mid-download, then started again: the same jobs
// finish, none is submitted twice (the simulator counts), and no corrupt or half file is left.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createScaledClock } from '../../../main/core/clock';
import { type Simulator, startSimulator } from '../../../main/demo/simulator';
import { ensureCliBuilt, runCli, until } from '../../helpers/cli-process';
import { expectSoundLibrary, listFiles, servedClipHashes } from '../../helpers/library-audit';

const SPEEDUP = 50;
const KEY = 'sk-crash-test-0000';
let sim: Simulator | null = null;
let dir = '';

beforeAll(() => ensureCliBuilt(), 120_000);
afterEach(async () => {
  await sim?.close();
  sim = null;
  if (dir) await rm(dir, { recursive: true, force: true });
});

async function setup() {
  const anchor = Date.now();
  sim = await startSimulator({ clock: createScaledClock(SPEEDUP, anchor), seed: 3, apiKeys: [KEY] });
  dir = await mkdtemp(join(tmpdir(), 'wan-crash-'));
  const library = join(dir, 'library');
  const common = ['--library', library, '--data', join(dir, 'data'), '--base-url', `${sim.url}/api/v1`];
  const env = { APIXO_API_KEY: KEY, WAN_STUDIO_TIME_SPEEDUP: `${SPEEDUP}@${anchor}` };
  return { library, common, env, simulator: sim };
}

async function assertLibraryIsSound(library: string, expectedDone: number) {
  const audit = await expectSoundLibrary(library, await servedClipHashes());
  expect(audit.rows.map((row) => row.state)).toEqual(Array(expectedDone).fill('done'));
  expect(audit.rows.every((row) => row.relPath !== null)).toBe(true);
}

describe('hard kill and restart', () => {
  it('killed mid-poll: the restarted process finishes the same tasks without resubmitting', async () => {
    const { library, common, env, simulator } = await setup();
    const first = runCli(
      ['generate', '--prompt', 'a lighthouse in a storm', '--count', '3', '--wait', ...common],
      env,
    );
    await until(
      () => simulator.stats.submitsAccepted === 3 && simulator.stats.statusQueries >= 1,
      20_000,
      'polling',
    );
    first.child.kill('SIGKILL');
    expect(await first.exited).toBeNull(); // killed, not exited

    const second = runCli(['wait', '--json', ...common], env);
    expect(await second.exited, second.output()).toBe(0);
    expect(simulator.stats.submitsAccepted).toBe(3);
    await assertLibraryIsSound(library, 3);
  }, 60_000);

  it('killed mid-download: the partial file is resumed or replaced, never kept half', async () => {
    const { library, common, env, simulator } = await setup();
    // Every download request is cut after 10% of what remains: the download creeps along,
    // resuming each time, so the kill lands while a .part file is on disk.
    simulator.faults.inject({ kind: 'reset', phase: 'download', bodyFraction: 0.1 });
    const first = runCli(['generate', '--prompt', 'koi in a pond, top view', '--wait', ...common], env);
    const partials = async () => (await listFiles(library)).filter((file) => file.endsWith('.part'));
    await until(
      async () => simulator.stats.downloads >= 3 && (await partials()).length === 1,
      20_000,
      'a partial download',
    );
    first.child.kill('SIGKILL');
    await first.exited;
    expect(await partials()).toHaveLength(1); // the crash really happened mid-download
    simulator.faults.clear();

    const second = runCli(['wait', ...common], env);
    expect(await second.exited, second.output()).toBe(0);
    expect(simulator.stats.submitsAccepted).toBe(1);
    await assertLibraryIsSound(library, 1);
  }, 60_000);
});
