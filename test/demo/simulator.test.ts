// The simulator as demo mode runs it: real time (scaled down), every side effect on its own, and
// a clean shutdown even with work in flight.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createScaledClock } from '../../main/core/clock';
import { type Simulator, startSimulator } from '../../main/demo/simulator';
import {
  dataOf,
  download,
  type LocalServer,
  resultUrlOf,
  startLocalServer,
  status,
  submit,
  submitOk,
  textToVideo,
  until,
} from './sim-http';

let sim: Simulator | null = null;
const servers: LocalServer[] = [];
afterEach(async () => {
  await sim?.close();
  sim = null;
  for (const server of servers.splice(0)) await server.close();
});

async function pollUntilDone(s: Simulator, taskId: string) {
  for (;;) {
    const answer = await status(s, taskId);
    const state = dataOf(answer).state;
    if (state === 'success' || state === 'failed') return answer;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

describe('simulator on real time', () => {
  it('runs text-to-video, image-to-video and a callback end to end with timeScale 0.002', async () => {
    const png = await readFile(join(import.meta.dirname, '../fixtures/images/still-80x64.png'));
    const images = await startLocalServer((_req, res) => res.end(png));
    const hook = await startLocalServer((_req, res) => res.end());
    servers.push(images, hook);
    sim = await startSimulator({ timeScale: 0.002 });
    const s = sim;

    const startedAt = Date.now();
    const t2v = await submitOk(s, textToVideo({ aspect_ratio: '9:16' }));
    const i2v = await submitOk(s, {
      request_type: 'callback',
      callback_url: `${hook.url}/cb`,
      input: {
        mode: 'image-to-video',
        prompt: 'zoom in',
        resolution: '1080p',
        duration: 10,
        image_urls: [`${images.url}/a.png`],
      },
    });
    const [t2vDone, i2vDone] = await Promise.all([pollUntilDone(s, t2v), pollUntilDone(s, i2v)]);
    expect(Date.now() - startedAt).toBeLessThan(2000);
    expect(dataOf(t2vDone).state).toBe('success');
    expect(dataOf(i2vDone).state).toBe('success');
    expect(Number(dataOf(t2vDone).costTime)).toBeGreaterThanOrEqual(100);
    const video = await download(resultUrlOf(t2vDone));
    expect(video.status).toBe(200);
    expect(video.bytes.subarray(4, 8).toString('latin1')).toBe('ftyp');
    await until(() => s.stats.callbacksDelivered === 1);
    expect(JSON.parse(hook.requests[0]?.body ?? '{}').data.taskId).toBe(i2v);
    expect(s.stats).toMatchObject({
      submitsAccepted: 2,
      imageFetches: 1,
      downloads: 1,
      peakConcurrentTasks: 2,
    });
    expect(s.balance()).toBe(100 - 0.4 - 1.3);
  });

  it("shares the core's scaled clock (demo mode): a 50–70 s task finishes in well under a second", async () => {
    sim = await startSimulator({ clock: createScaledClock(200) });
    const taskId = await submitOk(sim);
    const startedAt = Date.now();
    expect(dataOf(await pollUntilDone(sim, taskId)).state).toBe('success');
    expect(Date.now() - startedAt).toBeLessThan(1000);
  });

  it('closes promptly with a slow answer, a hanging image fetch and an open connection in flight', async () => {
    const hanging = await startLocalServer(() => {});
    servers.push(hanging);
    const s = await startSimulator({ timeScale: 0.001 });
    await submitOk(s, {
      input: { mode: 'image-to-video', prompt: 'p', image_urls: [`${hanging.url}/never.png`] },
    });
    await until(() => hanging.requests.length === 1);
    s.faults.inject({ kind: 'slow', phase: 'submit', delayMs: 60_000 });
    const stuck = submit(s, textToVideo()).catch((error: unknown) => error);
    await until(() => s.stats.submitsAccepted === 2);
    const closedAt = Date.now();
    await s.close();
    expect(Date.now() - closedAt).toBeLessThan(1000);
    expect(await stuck).toBeInstanceOf(Error);
    // close() is idempotent.
    await s.close();
  });

  it('answers 404 with an envelope for unknown paths', async () => {
    sim = await startSimulator();
    const answer = await download(`${sim.url}/api/v2/whatever`);
    expect(answer.status).toBe(404);
    expect(JSON.parse(answer.bytes.toString())).toEqual({ code: 404, message: 'Not found', data: null });
    expect(sim.stats.requests).toBe(1);
  });
});
