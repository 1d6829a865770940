// Callback mode: a delivery only triggers our own status query; the payload (including any URL in
// it) is never trusted, duplicates are harmless, and polling goes on as a safety net.
import { createServer } from 'node:net';
import { request } from 'undici';
import { afterEach, describe, expect, it } from 'vitest';
import { until } from '../helpers/cli-process';
import { type CoreHarness, KEY_STORAGE, startCoreHarness } from '../helpers/core-harness';

let harness: CoreHarness | null = null;
afterEach(async () => {
  await harness?.close();
  harness = null;
});

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

const params = {
  mode: 'text-to-video' as const,
  prompt: 'fireflies over a meadow at dusk',
  resolution: '1080p' as const,
  duration: 10 as const,
  aspectRatio: '16:9' as const,
  promptExpansion: true,
  provider: 'auto' as const,
};

/** A core in callback mode whose public URL the simulator's "tunnel" maps to our receiver. */
async function startInCallbackMode(path: string) {
  const port = await freePort();
  const started = await startCoreHarness({
    sim: { callbackTunnel: () => `http://127.0.0.1:${port}/${path}` },
  });
  harness = started;
  const { core, sim } = started;
  await core.api.key.set({ key: 'sk-callback-test-1234', where: KEY_STORAGE });
  await core.api.settings.update({
    delivery: 'callback',
    callbackPublicUrl: `https://tunnel.example.com/${path}`,
    callbackPort: port,
  });
  return { port, core, sim, started };
}

describe('callback mode', () => {
  it('submits with the public URL and acts on deliveries by querying APIXO itself', async () => {
    const { port, core, sim, started } = await startInCallbackMode('apixo');

    const [created] = await core.api.generations.create({
      params,
      count: 1,
      seedMode: 'random',
      projectId: null,
    });
    const id = created?.id ?? '';
    expect(created?.requestType).toBe('callback');
    await started.waitForState(id, ['done']);
    expect(sim.tasks()[0]?.callbackUrl).toBe('https://tunnel.example.com/apixo');
    // Polling may notice completion before the delivery lands; both are fine, wait for the delivery.
    await until(() => sim.stats.callbacksDelivered === 1, 5_000, 'the callback delivery');
    await sim.idle();
    expect(sim.stats.callbacksDelivered).toBe(1);

    const record = await core.api.generations.get({ id });
    const realUrl = sim.tasks()[0]?.resultUrl;
    expect(record?.resultUrl).toBe(realUrl);

    // A forged delivery (unsigned, with an attacker's link) and a duplicate change nothing.
    const forged = JSON.stringify({
      code: 200,
      data: {
        taskId: record?.taskId,
        state: 'success',
        resultJson: '{"resultUrls":["https://evil.example/x.mp4"]}',
      },
    });
    for (let i = 0; i < 2; i++) {
      const answer = await request(`http://127.0.0.1:${port}/apixo`, { method: 'POST', body: forged });
      expect(answer.statusCode).toBe(200);
      await answer.body.text();
    }
    const after = await core.api.generations.get({ id });
    expect(after?.state).toBe('done');
    expect(after?.resultUrl).toBe(realUrl);
    expect(after?.video?.sha256).toBe(record?.video?.sha256);
  });

  it('a delivery for a running task triggers an immediate status query', async () => {
    const { port, core, sim, started } = await startInCallbackMode('hook');
    const [created] = await core.api.generations.create({
      params,
      count: 1,
      seedMode: 'random',
      projectId: null,
    });
    await started.waitForState(created?.id ?? '', ['pending', 'processing']);
    const taskId = (await core.api.generations.get({ id: created?.id ?? '' }))?.taskId;
    const before = sim.stats.statusQueries;
    const answer = await request(`http://127.0.0.1:${port}/hook`, {
      method: 'POST',
      body: JSON.stringify({ data: { taskId } }),
    });
    await answer.body.text();
    await new Promise((resolve) => setTimeout(resolve, 30)); // far less than one scaled poll interval
    expect(sim.stats.statusQueries).toBeGreaterThan(before);
  });
});
