// The client against a hostile APIXO (the simulator's oversized and drip faults, real loopback
// HTTP): an answer that never ends must not fill memory, and one that trickles in a byte at a time
// must end at the overall deadline, for every endpoint since all of them share one send path.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ApixoClient } from '../../../main/core/apixo/client';
import { KeyDestination } from '../../../main/core/apixo/key-destination';
import { generationParamsSchema } from '../../../main/core/apixo/params';
import { RateLimiter } from '../../../main/core/apixo/rate-limiter';
import { systemClock } from '../../../main/core/clock';
import { isStudioError, type StudioError } from '../../../main/core/errors';
import { type Simulator, startSimulator } from '../../../main/demo/simulator';

const KEY = 'k-hostile-answers-01';
let sim: Simulator;
beforeAll(async () => {
  sim = await startSimulator({ apiKeys: [KEY], balanceUsd: 12.5 });
});
afterAll(() => sim.close());
afterEach(() => sim.faults.clear());

function client(timing: { timeoutMs: number; deadlineMs?: number }): ApixoClient {
  return new ApixoClient({
    destination: KeyDestination.explicit(`${sim.url}/api/v1`, 'flag', false),
    getApiKey: async () => KEY,
    limiter: new RateLimiter({ clock: systemClock }),
    clock: systemClock,
    ...timing,
  });
}

async function failure(promise: Promise<unknown>): Promise<StudioError> {
  const outcome = await promise.then(
    () => new Error('expected the request to fail'),
    (error: unknown) => error,
  );
  if (!isStudioError(outcome)) throw outcome;
  return outcome;
}

/** Runs `work` while sampling the process's memory; returns the highest RSS above the start. */
async function peakRssGrowth(work: () => Promise<unknown>): Promise<number> {
  global.gc?.();
  const start = process.memoryUsage().rss;
  let peak = start;
  const sampler = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 5);
  try {
    await work();
  } finally {
    clearInterval(sampler);
  }
  return Math.max(peak, process.memoryUsage().rss) - start;
}

const params = generationParamsSchema.parse({
  mode: 'text-to-video',
  prompt: 'a lighthouse in a storm',
  resolution: '720p',
  duration: 5,
  aspectRatio: '16:9',
});

describe('an answer that never ends', () => {
  it('a 700 MB status body: reading stops past 1 MB, memory stays flat, the error is clear', async () => {
    sim.faults.inject({ kind: 'oversized', phase: 'status', times: 1, bodyBytes: 700 * 1024 * 1024 });
    let error: StudioError | null = null;
    const growth = await peakRssGrowth(async () => {
      error = await failure(client({ timeoutMs: 5_000 }).status('task-anything'));
    });
    expect(error).toMatchObject({
      kind: 'protocol',
      userMessage: 'APIXO sent an answer larger than 1 MB, so Wan Studio stopped reading it.',
      createdNothing: false,
    });
    expect(growth, 'RSS growth in bytes').toBeLessThan(64 * 1024 * 1024);
  });

  it('an oversized answer to a submit is an unknown outcome, never "created nothing"', async () => {
    sim.faults.inject({ kind: 'oversized', phase: 'submit', times: 1, bodyBytes: 50 * 1024 * 1024 });
    const error = await failure(client({ timeoutMs: 5_000 }).submit(params, { requestType: 'async' }));
    expect(error).toMatchObject({ kind: 'protocol', createdNothing: false });
    expect(error.userMessage).toMatch(/larger than 1 MB/);
    expect(sim.stats.submitsAccepted).toBe(1); // it was created: resending would pay twice
  });

  it('balance: refused past the cap, and the next answer is read normally', async () => {
    sim.faults.inject({ kind: 'oversized', phase: 'balance', times: 1, bodyBytes: 3 * 1024 * 1024 });
    const error = await failure(client({ timeoutMs: 5_000 }).balance());
    expect(error.userMessage).toMatch(/larger than 1 MB/);
    expect(await client({ timeoutMs: 5_000 }).balance()).toBe(sim.balance());
  });
});

describe('an answer that drips', () => {
  it.each([
    ['balance', (c: ApixoClient) => c.balance()],
    ['status', (c: ApixoClient) => c.status('task-anything')],
  ] as const)('%s: one byte every 300 ms fails at the 1.5 s overall deadline', async (phase, call) => {
    // The idle timeout (1 s) never fires: a byte arrives every 300 ms.
    sim.faults.inject({ kind: 'drip', phase, times: 1, delayMs: 300 });
    const started = Date.now();
    const error = await failure(call(client({ timeoutMs: 1_000, deadlineMs: 1_500 })));
    const elapsed = Date.now() - started;
    expect(error).toMatchObject({
      kind: 'network',
      userMessage: 'APIXO did not answer in time. Wan Studio will keep trying.',
      createdNothing: false,
    });
    expect(error.detail).toMatch(/within 1500 ms \(overall deadline\)/);
    expect(elapsed).toBeGreaterThanOrEqual(1_400);
    expect(elapsed).toBeLessThan(6_000);
  });

  it('a dripping answer to a submit is an unknown outcome, never "created nothing"', async () => {
    const before = sim.stats.submitsAccepted;
    sim.faults.inject({ kind: 'drip', phase: 'submit', times: 1, delayMs: 300 });
    const error = await failure(
      client({ timeoutMs: 1_000, deadlineMs: 1_500 }).submit(params, { requestType: 'async' }),
    );
    expect(error).toMatchObject({ kind: 'network', createdNothing: false });
    expect(sim.stats.submitsAccepted - before).toBe(1);
  });

  it('the deadline defaults to twice the idle timeout', async () => {
    sim.faults.inject({ kind: 'drip', phase: 'balance', times: 1, delayMs: 200 });
    const error = await failure(client({ timeoutMs: 600 }).balance());
    expect(error.detail).toMatch(/within 1200 ms/);
  });
});
