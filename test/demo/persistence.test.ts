// statePath: demo-mode tasks and balance survive a restart; the file is written atomically and
// holds no API key.
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { StudioError } from '../../main/core/errors';
import { type Simulator, startSimulator } from '../../main/demo/simulator';
import { FakeClock } from '../helpers/fake-clock';
import {
  dataOf,
  KEY,
  type LocalServer,
  startLocalServer,
  status,
  submitOk,
  textToVideo,
  until,
} from './sim-http';

let dir: string;
let statePath: string;
const open: Simulator[] = [];

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'sim-state-'));
  statePath = join(dir, 'demo', 'simulator.json');
});

afterEach(async () => {
  for (const s of open.splice(0)) await s.close();
  await rm(dir, { recursive: true, force: true });
});

async function start(clock: FakeClock, balanceUsd = 10): Promise<Simulator> {
  const s = await startSimulator({ clock, statePath, balanceUsd });
  open.push(s);
  return s;
}

describe('persistence', () => {
  it('reloads tasks and balance after a restart, and their states keep following the clock', async () => {
    const clock = new FakeClock();
    const first = await start(clock);
    const taskId = await submitOk(first, textToVideo({ resolution: '1080p', duration: 10 }));
    const before = first.tasks();
    await first.close();

    const saved = await readFile(statePath, 'utf8');
    expect(JSON.parse(saved)).toMatchObject({ version: 1, balance: 8.7, tasks: [{ taskId }] });
    expect(saved).not.toContain(KEY);
    // Atomic writes leave no temp files behind.
    expect(await readdir(join(dir, 'demo'))).toEqual(['simulator.json']);

    // A different starting balance must not override the saved one.
    const second = await start(clock, 100);
    expect(second.balance()).toBe(8.7);
    // Same port again, so result URLs handed out before the restart still work.
    expect(second.url).toBe(first.url);
    expect(second.tasks()).toEqual(before);
    expect(dataOf(await status(second, taskId)).state).toBe('pending');
    await clock.advance(90_000);
    expect(dataOf(await status(second, taskId)).state).toBe('success');
  });

  it('persists setBalance and expireResults', async () => {
    const clock = new FakeClock();
    const first = await start(clock);
    await submitOk(first);
    await clock.advance(70_000);
    first.setBalance(42.5);
    first.expireResults();
    await first.close();
    const second = await start(clock);
    expect(second.balance()).toBe(42.5);
    expect(second.tasks()[0]?.resultExpired).toBe(true);
  });

  it('delivers a callback that was still due when the simulator stopped', async () => {
    const hook: LocalServer = await startLocalServer((_req, res) => res.end('ok'));
    try {
      const clock = new FakeClock();
      const first = await start(clock);
      await submitOk(first, { ...textToVideo(), request_type: 'callback', callback_url: `${hook.url}/cb` });
      await first.close();
      await clock.advance(70_000);
      const second = await start(clock);
      await until(() => second.stats.callbacksDelivered === 1);
      expect(hook.requests).toHaveLength(1);
      await second.close();
      const third = await start(clock);
      await clock.advance(60 * 60_000);
      await third.idle();
      // Delivered once, remembered: no second delivery after another restart.
      expect(hook.requests).toHaveLength(1);
    } finally {
      await hook.close();
    }
  });

  it('falls back to another port when the saved one is taken', async () => {
    const clock = new FakeClock();
    const first = await start(clock);
    const squatter = await startSimulator({ port: Number(new URL(first.url).port) }).catch(() => null);
    expect(squatter).toBeNull();
    await first.close();
    const taken = await startSimulator({ port: Number(new URL(first.url).port) });
    open.push(taken);
    const second = await start(clock);
    expect(second.url).not.toBe(first.url);
    expect(JSON.parse(await readFile(statePath, 'utf8')).port).toBe(Number(new URL(second.url).port));
  });

  it('refuses a corrupt state file with a clear storage error', async () => {
    const clock = new FakeClock();
    const first = await start(clock);
    await first.close();
    await writeFile(statePath, '{"version":1,"balance":');
    const failure = await startSimulator({ clock, statePath }).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(StudioError);
    expect((failure as StudioError).kind).toBe('storage');
    expect((failure as StudioError).message).toContain('not valid JSON');
  });
});
