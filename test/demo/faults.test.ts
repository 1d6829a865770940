// Every fault kind, and the money-safety rule: submit faults strike after the task was paid for.
import { request } from 'undici';
import { afterEach, describe, expect, it } from 'vitest';
import { type Simulator, startSimulator } from '../../main/demo/simulator';
import { FakeClock } from '../helpers/fake-clock';
import { balance, dataOf, download, get, KEY, status, submit, submitOk, textToVideo } from './sim-http';

let sim: Simulator | null = null;
afterEach(async () => {
  await sim?.close();
  sim = null;
});

async function start(): Promise<{ s: Simulator; clock: FakeClock }> {
  const clock = new FakeClock();
  sim = await startSimulator({ clock, balanceUsd: 10 });
  return { s: sim, clock };
}

async function finished(s: Simulator, clock: FakeClock): Promise<string> {
  await submitOk(s);
  await clock.advance(70_000);
  return s.tasks()[0]?.resultUrl ?? '';
}

const tasksFor = (s: Simulator, prompt: string) => s.tasks().filter((task) => task.prompt === prompt).length;

describe('submit faults strike after the task is created and paid for', () => {
  const PROMPT = 'paid but unknown';

  it.each([
    ['server_error', 500, 'Internal server error'],
    ['unavailable', 503, 'Service temporarily unavailable'],
  ] as const)('%s → HTTP %i, yet the task exists and the balance was drawn', async (kind, code, message) => {
    const { s } = await start();
    s.faults.inject({ kind, phase: 'submit', times: 1 });
    const answer = await submit(s, textToVideo({ prompt: PROMPT }));
    expect(answer.status).toBe(code);
    expect(answer.json).toEqual({ code, message, data: null });
    expect(tasksFor(s, PROMPT)).toBe(1);
    expect(s.balance()).toBe(9.6);
    expect(s.stats.submitsAccepted).toBe(1);
    // times: 1 — the next submit is answered normally.
    expect((await submit(s, textToVideo({ prompt: PROMPT }))).status).toBe(200);
    expect(tasksFor(s, PROMPT)).toBe(2);
  });

  it.each(['reset', 'truncated'] as const)(
    '%s → the client gets no usable answer, the task exists',
    async (kind) => {
      const { s } = await start();
      s.faults.inject({ kind, phase: 'submit' });
      await expect(submit(s, textToVideo({ prompt: PROMPT }))).rejects.toThrow();
      expect(tasksFor(s, PROMPT)).toBe(1);
      expect(s.balance()).toBe(9.6);
    },
  );

  it('malformed_json → 200 whose body is not JSON, the task exists', async () => {
    const { s } = await start();
    s.faults.inject({ kind: 'malformed_json', phase: 'submit' });
    const answer = await submit(s, textToVideo({ prompt: PROMPT }));
    expect(answer.status).toBe(200);
    expect(answer.json).toBeNull();
    expect(() => JSON.parse(answer.text)).toThrow();
    expect(tasksFor(s, PROMPT)).toBe(1);
  });

  it('slow → the answer comes after delayMs (real time), so a client timeout fires; the task exists', async () => {
    const { s } = await start();
    s.faults.inject({ kind: 'slow', phase: 'submit', delayMs: 400, times: 1 });
    const startedAt = Date.now();
    const timedOut = request(`${s.url}/api/v1/generateTask/wan-2-5`, {
      method: 'POST',
      headers: { authorization: `Bearer ${KEY}`, 'content-type': 'application/json' },
      body: JSON.stringify(textToVideo({ prompt: PROMPT })),
      signal: AbortSignal.timeout(100),
    });
    await expect(timedOut).rejects.toThrow(/abort|timeout/i);
    expect(tasksFor(s, PROMPT)).toBe(1);
    // Without a client timeout the same fault just delays the answer.
    s.faults.inject({ kind: 'slow', phase: 'submit', delayMs: 150, times: 1 });
    const slowStart = Date.now();
    expect((await submit(s, textToVideo())).status).toBe(200);
    expect(Date.now() - slowStart).toBeGreaterThanOrEqual(140);
    expect(Date.now() - startedAt).toBeLessThan(5000);
  });

  it('beforeCreate: true → the same faults strike with nothing created or charged', async () => {
    const { s } = await start();
    s.faults.inject({ kind: 'server_error', phase: 'submit', beforeCreate: true, times: 1 });
    s.faults.inject({ kind: 'reset', phase: 'submit', beforeCreate: true, times: 1 });
    expect((await submit(s, textToVideo({ prompt: PROMPT }))).status).toBe(500);
    await expect(submit(s, textToVideo({ prompt: PROMPT }))).rejects.toThrow();
    expect(tasksFor(s, PROMPT)).toBe(0);
    expect(s.balance()).toBe(10);
    expect(s.stats.submitsRejected).toBe(2);
  });

  it('rate_limit → 429 before anything is created, whatever the real budget', async () => {
    const { s } = await start();
    s.faults.inject({ kind: 'rate_limit', phase: 'submit', times: 2 });
    expect((await submit(s, textToVideo())).status).toBe(429);
    expect((await submit(s, textToVideo())).status).toBe(429);
    expect((await submit(s, textToVideo())).status).toBe(200);
    expect(s.tasks()).toHaveLength(1);
    expect(s.stats.rateLimited).toBe(2);
  });

  it('invalid bodies are answered 400 without using up a fault', async () => {
    const { s } = await start();
    const fault = s.faults.inject({ kind: 'server_error', phase: 'submit', times: 1 });
    expect((await submit(s, textToVideo({ duration: 3 }))).status).toBe(400);
    expect(fault.hits).toBe(0);
    expect((await submit(s, textToVideo())).status).toBe(500);
    expect(fault.hits).toBe(1);
  });
});

describe('status and balance faults', () => {
  it('server_error, unavailable and rate_limit replace the answer', async () => {
    const { s } = await start();
    const taskId = await submitOk(s);
    s.faults.inject({ kind: 'server_error', phase: 'status', times: 1 });
    s.faults.inject({ kind: 'unavailable', phase: 'status', times: 1 });
    s.faults.inject({ kind: 'rate_limit', phase: 'status', times: 1 });
    expect((await status(s, taskId)).status).toBe(500);
    expect((await status(s, taskId)).status).toBe(503);
    expect((await status(s, taskId)).status).toBe(429);
    expect((await status(s, taskId)).status).toBe(200);
  });

  it('reset and truncated break the status answer', async () => {
    const { s } = await start();
    const taskId = await submitOk(s);
    s.faults.inject({ kind: 'reset', phase: 'status', times: 1 });
    s.faults.inject({ kind: 'truncated', phase: 'status', times: 1 });
    await expect(status(s, taskId)).rejects.toThrow();
    await expect(status(s, taskId)).rejects.toThrow();
    expect((await status(s, taskId)).status).toBe(200);
  });

  it('malformed_json answers 200 with a body that is not JSON', async () => {
    const { s } = await start();
    s.faults.inject({ kind: 'malformed_json', phase: 'balance', times: 1 });
    const answer = await balance(s);
    expect(answer.status).toBe(200);
    expect(answer.json).toBeNull();
    expect(answer.text.length).toBeGreaterThan(0);
  });

  it('bad_result_json reports success with a resultJson string that does not parse', async () => {
    const { s } = await start();
    const taskId = await submitOk(s);
    s.faults.inject({ kind: 'bad_result_json', phase: 'status', times: 1 });
    const data = dataOf(await status(s, taskId));
    expect(data.state).toBe('success');
    expect(typeof data.resultJson).toBe('string');
    expect(() => JSON.parse(String(data.resultJson))).toThrow();
    expect(dataOf(await status(s, taskId)).state).toBe('pending');
  });

  it("phase 'any' applies to every endpoint; clear() disarms everything", async () => {
    const { s } = await start();
    s.faults.inject({ kind: 'unavailable', phase: 'any' });
    expect((await balance(s)).status).toBe(503);
    expect((await status(s, 'task_x')).status).toBe(503);
    expect((await submit(s, textToVideo())).status).toBe(503);
    s.faults.clear();
    expect(s.faults.list()).toEqual([]);
    expect((await balance(s)).status).toBe(200);
  });

  it('refuses a fault that cannot apply to its phase', async () => {
    const { s } = await start();
    expect(() => s.faults.inject({ kind: 'range_ignored', phase: 'submit' })).toThrow(/no meaning/);
    expect(() => s.faults.inject({ kind: 'bad_result_json', phase: 'download' })).toThrow(/no meaning/);
    expect(() => s.faults.inject({ kind: 'server_error', phase: 'status', times: 0 })).toThrow();
  });

  it('remove() disarms one fault', async () => {
    const { s } = await start();
    const fault = s.faults.inject({ kind: 'server_error', phase: 'balance' });
    expect((await balance(s)).status).toBe(500);
    fault.remove();
    expect((await balance(s)).status).toBe(200);
    expect(fault.hits).toBe(1);
  });
});

describe('download faults', () => {
  it('reset and truncated cut the body part-way (after full headers)', async () => {
    const { s, clock } = await start();
    const url = await finished(s, clock);
    const size = (await download(url)).bytes.length;
    s.faults.inject({ kind: 'reset', phase: 'download', times: 1, bodyFraction: 0.25 });
    s.faults.inject({ kind: 'truncated', phase: 'download', times: 1 });
    const before = s.stats.downloadBytes;
    const headersOf = async () => {
      const response = await request(url);
      expect(response.statusCode).toBe(200);
      expect(Number(response.headers['content-length'])).toBe(size);
      await response.body.arrayBuffer();
    };
    await expect(headersOf()).rejects.toThrow();
    await expect(headersOf()).rejects.toThrow();
    expect(s.stats.downloadBytes - before).toBe(Math.floor(size * 0.25) + Math.floor(size * 0.5));
    expect((await download(url)).bytes.length).toBe(size);
  });

  it('range_ignored answers 200 with the full body to a Range request', async () => {
    const { s, clock } = await start();
    const url = await finished(s, clock);
    s.faults.inject({ kind: 'range_ignored', phase: 'download', times: 1 });
    const ignored = await download(url, { range: 'bytes=10-19' });
    expect(ignored.status).toBe(200);
    expect(ignored.bytes.length).toBeGreaterThan(10);
    expect((await download(url, { range: 'bytes=10-19' })).status).toBe(206);
  });

  it('expired answers 410 by default, or the status asked for', async () => {
    const { s, clock } = await start();
    const url = await finished(s, clock);
    s.faults.inject({ kind: 'expired', phase: 'download', times: 1 });
    s.faults.inject({ kind: 'expired', phase: 'download', times: 1, status: 403 });
    s.faults.inject({ kind: 'expired', phase: 'download', times: 1, status: 404 });
    expect((await get(url)).status).toBe(410);
    expect((await get(url)).status).toBe(403);
    expect((await get(url)).status).toBe(404);
    expect((await download(url)).status).toBe(200);
  });

  it('server_error and slow apply to downloads too', async () => {
    const { s, clock } = await start();
    const url = await finished(s, clock);
    // A slow fault and an answering fault combine on one request: late, then 500.
    s.faults.inject({ kind: 'slow', phase: 'download', times: 1, delayMs: 120 });
    s.faults.inject({ kind: 'server_error', phase: 'download', times: 1 });
    const startedAt = Date.now();
    expect((await get(url)).status).toBe(500);
    expect(Date.now() - startedAt).toBeGreaterThanOrEqual(110);
    expect((await download(url)).status).toBe(200);
  });
});
