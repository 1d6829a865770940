// Callback mode: a POST of the status envelope when the task finishes, retried on the documented
// schedule (30 s, 2 min, 10 min) in clock time until a 200 comes back.
import { afterEach, describe, expect, it } from 'vitest';
import { type Simulator, type SimulatorOptions, startSimulator } from '../../main/demo/simulator';
import { FakeClock } from '../helpers/fake-clock';
import { type LocalServer, startLocalServer, status, submitOk, textToVideo, until } from './sim-http';

let sim: Simulator | null = null;
let receiver: LocalServer | null = null;
afterEach(async () => {
  await sim?.close();
  await receiver?.close();
  sim = null;
  receiver = null;
});

/** A receiver answering each POST with the next status of `statuses` (the last one repeats). */
async function setup(statuses: number[], options: SimulatorOptions = {}) {
  receiver = await startLocalServer((_req, res, _body, index) => {
    res.statusCode = statuses[Math.min(index, statuses.length - 1)] ?? 200;
    res.end('ok');
  });
  const clock = new FakeClock();
  sim = await startSimulator({ clock, ...options });
  return { s: sim, clock, hook: receiver };
}

const callbackBody = (url: string, prompt?: string) => ({
  ...textToVideo(prompt ? { prompt } : {}),
  request_type: 'callback',
  callback_url: url,
});

describe('callbacks', () => {
  it('POSTs the same envelope as the status answer once the task succeeds', async () => {
    const { s, clock, hook } = await setup([200]);
    const taskId = await submitOk(s, callbackBody(`${hook.url}/hook`));
    const task = s.tasks()[0];
    await clock.advanceTo((task?.completeAt ?? 0) - 1);
    expect(hook.requests).toHaveLength(0);
    await clock.advance(1);
    await until(() => s.stats.callbacksDelivered === 1);
    expect(hook.requests).toHaveLength(1);
    expect(hook.requests[0]?.method).toBe('POST');
    expect(hook.requests[0]?.path).toBe('/hook');
    expect(JSON.parse(hook.requests[0]?.body ?? '')).toEqual((await status(s, taskId)).json);
    expect(s.tasks()[0]).toMatchObject({ callbackAttempts: 1, callbackDelivered: true });
    await clock.advance(60 * 60_000);
    expect(hook.requests).toHaveLength(1);
  });

  it('delivers failures too, at the moment the task fails', async () => {
    const { s, clock, hook } = await setup([200]);
    const taskId = await submitOk(s, callbackBody(`${hook.url}/hook`, 'a forbidden thing'));
    await clock.advanceTo(s.tasks()[0]?.pendingUntil ?? 0);
    await until(() => hook.requests.length === 1);
    expect(JSON.parse(hook.requests[0]?.body ?? '')).toMatchObject({
      code: 200,
      message: 'success',
      data: { taskId, state: 'failed', failCode: 'CONTENT_VIOLATION' },
    });
  });

  it('retries after 30 s and 2 min when the receiver does not answer 200 (a 204 is not 200)', async () => {
    const { s, clock, hook } = await setup([500, 204, 200]);
    await submitOk(s, callbackBody(`${hook.url}/hook`));
    await clock.advanceTo(s.tasks()[0]?.completeAt ?? 0);
    await until(() => s.stats.callbacksFailed === 1);
    await clock.advance(29_999);
    expect(hook.requests).toHaveLength(1);
    await clock.advance(1);
    await until(() => s.stats.callbacksFailed === 2);
    await clock.advance(119_999);
    expect(hook.requests).toHaveLength(2);
    await clock.advance(1);
    await until(() => s.stats.callbacksDelivered === 1);
    expect(hook.requests).toHaveLength(3);
    expect(s.tasks()[0]).toMatchObject({ callbackAttempts: 3, callbackDelivered: true });
  });

  it('gives up after the third retry (4 attempts); retry delays scale with timeScale', async () => {
    const { s, clock, hook } = await setup([503], { timeScale: 0.01 });
    await submitOk(s, callbackBody(`${hook.url}/hook`));
    await clock.advanceTo(s.tasks()[0]?.completeAt ?? 0);
    for (const [attempt, delay] of [
      [1, 300],
      [2, 1_200],
      [3, 6_000],
    ] as const) {
      await until(() => s.stats.callbacksFailed === attempt);
      await clock.advance(delay);
    }
    await until(() => s.stats.callbacksAbandoned === 1);
    expect(hook.requests).toHaveLength(4);
    expect(s.stats.callbacksFailed).toBe(4);
    await clock.advance(24 * 60 * 60_000);
    expect(hook.requests).toHaveLength(4);
    expect(s.tasks()[0]).toMatchObject({ callbackAttempts: 4, callbackDelivered: false });
  });

  it('sends the public https callback_url through callbackTunnel', async () => {
    const tunnelled: string[] = [];
    const { s, clock, hook } = await setup([200], {
      callbackTunnel: (publicUrl) => {
        tunnelled.push(publicUrl);
        return `${receiver?.url}${new URL(publicUrl).pathname}`;
      },
    });
    await submitOk(s, callbackBody('https://studio.example.com/apixo/callback'));
    await clock.advance(70_000);
    await until(() => s.stats.callbacksDelivered === 1);
    expect(tunnelled).toEqual(['https://studio.example.com/apixo/callback']);
    expect(hook.requests[0]?.path).toBe('/apixo/callback');
  });

  it('counts a refused connection as a failed attempt and retries', async () => {
    const { s, clock } = await setup([200]);
    const dead = await startLocalServer(() => {});
    const url = `${dead.url}/hook`;
    await dead.close();
    await submitOk(s, callbackBody(url));
    await clock.advance(70_000);
    await until(() => s.stats.callbacksFailed === 1);
    expect(s.tasks()[0]?.callbackDelivered).toBe(false);
    expect(s.stats.callbacksDelivered).toBe(0);
  });

  it('async tasks never call back', async () => {
    const { s, clock, hook } = await setup([200]);
    await submitOk(s, { ...textToVideo(), callback_url: `${hook.url}/hook` });
    await clock.advance(70_000);
    await s.idle();
    expect(hook.requests).toHaveLength(0);
  });
});
