// The documented limits: requests per minute (sliding window per key) and concurrent tasks.
import { afterEach, describe, expect, it } from 'vitest';
import { type Simulator, type SimulatorOptions, startSimulator } from '../../main/demo/simulator';
import { FakeClock } from '../helpers/fake-clock';
import { balance, status, submit, submitOk, textToVideo } from './sim-http';

let sim: Simulator | null = null;
afterEach(async () => {
  await sim?.close();
  sim = null;
});

async function start(options: SimulatorOptions): Promise<{ s: Simulator; clock: FakeClock }> {
  const clock = new FakeClock();
  sim = await startSimulator({ clock, ...options });
  return { s: sim, clock };
}

describe('requests per minute', () => {
  it('answers 429 past the budget, over all endpoints, until old requests leave the window', async () => {
    const { s, clock } = await start({ requestsPerMinute: 3 });
    const taskId = await submitOk(s);
    await clock.advance(20_000);
    expect((await status(s, taskId)).status).toBe(200);
    expect((await balance(s)).status).toBe(200);
    const limited = await status(s, taskId);
    expect(limited.status).toBe(429);
    expect(limited.json).toEqual({ code: 429, message: 'Rate limit exceeded', data: null });
    expect(limited.headers['retry-after']).toBeUndefined();
    expect((await submit(s, textToVideo())).status).toBe(429);
    expect(s.tasks()).toHaveLength(1);

    // The first request (t=0) leaves the window at t=60 s; the next two only at t=80 s.
    await clock.advance(40_000);
    expect((await balance(s)).status).toBe(200);
    expect((await balance(s)).status).toBe(429);
    await clock.advance(20_000);
    expect((await balance(s)).status).toBe(200);
    expect(s.stats.rateLimited).toBe(3);
    expect(s.stats.peakRequestsPerMinute).toBe(3);
  });

  it('keeps a separate window per key', async () => {
    const { s } = await start({ requestsPerMinute: 1 });
    expect((await balance(s, 'a')).status).toBe(200);
    expect((await balance(s, 'a')).status).toBe(429);
    expect((await balance(s, 'b')).status).toBe(200);
  });

  it('sends Retry-After in seconds when asked to', async () => {
    const { s, clock } = await start({ requestsPerMinute: 1, retryAfterHeader: true });
    await balance(s);
    await clock.advance(15_500);
    const limited = await balance(s);
    expect(limited.status).toBe(429);
    expect(limited.headers['retry-after']).toBe('45');
  });
});

describe('concurrent tasks', () => {
  it('answers 429 while the cap is full and accepts again once a task finishes', async () => {
    const { s, clock } = await start({ maxConcurrentTasks: 2, retryAfterHeader: true });
    await submitOk(s);
    await submitOk(s);
    const refused = await submit(s, textToVideo());
    expect(refused.status).toBe(429);
    expect(refused.json).toEqual({ code: 429, message: 'Rate limit exceeded', data: null });
    expect(Number(refused.headers['retry-after'])).toBeGreaterThanOrEqual(50);
    expect(s.tasks()).toHaveLength(2);
    expect(s.stats.submitsRejected).toBe(1);
    expect(s.balance()).toBe(99.2);

    const firstDone = Math.min(...s.tasks().map((task) => task.completeAt));
    await clock.advanceTo(firstDone);
    expect((await submit(s, textToVideo())).status).toBe(200);
    expect(s.stats.peakConcurrentTasks).toBe(2);
  });

  it('counts failed tasks as finished', async () => {
    const { s, clock } = await start({ maxConcurrentTasks: 1 });
    await submitOk(s, textToVideo({ prompt: 'forbidden scene' }));
    expect((await submit(s, textToVideo())).status).toBe(429);
    await clock.advance(7_000);
    expect(s.tasks()[0]?.state).toBe('failed');
    expect((await submit(s, textToVideo())).status).toBe(200);
  });
});
