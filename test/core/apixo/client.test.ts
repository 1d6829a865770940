// The client against the simulator over loopback: requests are validated before they leave, and
// every fault switch on the balance endpoint ends as the right error kind.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApixoClient } from '../../../main/core/apixo/client';
import { KeyDestination } from '../../../main/core/apixo/key-destination';
import { generationParamsSchema } from '../../../main/core/apixo/params';
import { estimateCostUsd } from '../../../main/core/apixo/pricing';
import { RateLimiter } from '../../../main/core/apixo/rate-limiter';
import { systemClock } from '../../../main/core/clock';
import { type Simulator, startSimulator } from '../../../main/demo/simulator';

let sim: Simulator;
let client: ApixoClient;
beforeAll(async () => {
  sim = await startSimulator({ apiKeys: ['k-1234567890'], balanceUsd: 12.5 });
  client = new ApixoClient({
    destination: KeyDestination.explicit(`${sim.url}/api/v1`, 'flag', false),
    getApiKey: async () => 'k-1234567890',
    limiter: new RateLimiter({ clock: systemClock }),
    clock: systemClock,
    timeoutMs: 500,
  });
});
afterAll(() => sim.close());

describe('APIXO client', () => {
  it('reads the balance', async () => {
    expect(await client.balance()).toBe(12.5);
  });

  it.each([
    ['server_error', 'server'],
    ['unavailable', 'server'],
    ['malformed_json', 'protocol'],
    ['rate_limit', 'rate_limited'],
    ['reset', 'network'],
    ['truncated', 'network'],
  ] as const)('balance with fault %s → %s', async (kind, expected) => {
    sim.faults.inject({ kind, phase: 'balance', times: 1 });
    await expect(client.balance()).rejects.toMatchObject({ kind: expected });
    expect(await client.balance()).toBe(12.5); // and the next call is fine
  });

  it('a slow answer times out as a network error', async () => {
    sim.faults.inject({ kind: 'slow', phase: 'balance', times: 1, delayMs: 1_500 });
    await expect(client.balance()).rejects.toMatchObject({ kind: 'network' });
  });

  it("shows the server's message for a 400 it sends", async () => {
    // Bypass our own validation to see what the server says about an empty prompt.
    const params = {
      ...generationParamsSchema.parse({
        mode: 'text-to-video',
        prompt: 'x',
        resolution: '720p',
        duration: 5,
      }),
      prompt: '',
    };
    await expect(client.submit(params, { requestType: 'async' })).rejects.toMatchObject({
      kind: 'invalid_request',
      createdNothing: true,
      userMessage: expect.stringContaining('prompt'),
    });
  });

  it('refuses callback mode without a public https URL, sending nothing', async () => {
    const before = sim.stats.requests;
    const params = generationParamsSchema.parse({
      mode: 'text-to-video',
      prompt: 'x',
      resolution: '720p',
      duration: 5,
    });
    await expect(
      client.submit(params, { requestType: 'callback', callbackUrl: 'http://example.com/cb' }),
    ).rejects.toMatchObject({ kind: 'invalid_request' });
    expect(sim.stats.requests).toBe(before);
  });
});

describe('estimated cost', () => {
  it('uses the documented per-second prices', () => {
    expect(estimateCostUsd('720p', 5)).toBe(0.4);
    expect(estimateCostUsd('1080p', 10)).toBe(1.3);
    expect(estimateCostUsd('720p', 10, 3)).toBe(2.4);
  });
});
