// generateTask: the documented body rules, auth, money and the exact answer shapes.
import { request } from 'undici';
import { afterEach, describe, expect, it } from 'vitest';
import { type Simulator, type SimulatorOptions, startSimulator } from '../../main/demo/simulator';
import { FakeClock } from '../helpers/fake-clock';
import { balance, dataOf, KEY, submit, submitOk, textToVideo } from './sim-http';

let sim: Simulator | null = null;
afterEach(async () => {
  await sim?.close();
  sim = null;
});

async function start(options: SimulatorOptions = {}): Promise<Simulator> {
  sim = await startSimulator({ clock: new FakeClock(), ...options });
  return sim;
}

const imageToVideo = (input: Record<string, unknown> = {}) => ({
  request_type: 'async',
  input: {
    mode: 'image-to-video',
    prompt: 'slow dolly in',
    resolution: '720p',
    duration: 5,
    image_urls: ['https://example.com/ref.jpg'],
    ...input,
  },
});

describe('generateTask answers', () => {
  it('accepts the documented quickstart body and answers with a task_ id', async () => {
    const s = await start();
    const answer = await submit(s, textToVideo());
    expect(answer.status).toBe(200);
    expect(answer.json).toEqual({
      code: 200,
      message: 'success',
      data: { taskId: expect.stringMatching(/^task_/) },
    });
    expect(answer.headers['content-type']).toMatch(/^application\/json/);
    expect(s.stats.submitsAccepted).toBe(1);
    const [task] = s.tasks();
    expect(task?.params).toMatchObject({
      mode: 'text-to-video',
      resolution: '720p',
      duration: 5,
      aspectRatio: '16:9',
    });
  });

  it('applies the documented defaults (720p, 5 s, 16:9, async, expansion on)', async () => {
    const s = await start();
    await submitOk(s, { input: { mode: 'text-to-video', prompt: 'a fox' } });
    expect(s.tasks()[0]).toMatchObject({
      requestType: 'async',
      params: {
        resolution: '720p',
        duration: 5,
        aspectRatio: '16:9',
        promptExpansion: true,
        provider: 'auto',
      },
    });
  });

  it('accepts a full image-to-video body with seed and negative prompt', async () => {
    const s = await start();
    await submitOk(
      s,
      imageToVideo({ seed: 2_147_483_647, negative_prompt: 'blurry', enable_prompt_expansion: false }),
    );
    expect(s.tasks()[0]?.params).toMatchObject({
      mode: 'image-to-video',
      imageUrl: 'https://example.com/ref.jpg',
      seed: 2_147_483_647,
      negativePrompt: 'blurry',
      promptExpansion: false,
    });
  });

  const invalid: [string, unknown, string][] = [
    ['no input', { request_type: 'async' }, 'Missing required field: input'],
    ['no prompt', { input: { mode: 'text-to-video' } }, 'Missing required field: input.prompt'],
    ['no mode', { input: { prompt: 'x' } }, 'Missing required field: input.mode'],
    ['unknown mode', textToVideo({ mode: 'video-to-video' }), 'input.mode must be one of'],
    ['empty prompt', textToVideo({ prompt: '   ' }), 'input.prompt must not be empty'],
    [
      '801-char prompt',
      textToVideo({ prompt: 'a'.repeat(801) }),
      'input.prompt must be at most 800 characters',
    ],
    ['501-char negative', textToVideo({ negative_prompt: 'b'.repeat(501) }), 'at most 500 characters'],
    ['480p', textToVideo({ resolution: '480p' }), 'input.resolution must be one of: 720p, 1080p'],
    ['duration 7', textToVideo({ duration: 7 }), 'input.duration must be the integer 5 or 10'],
    ['duration "5"', textToVideo({ duration: '5' }), 'input.duration must be the integer 5 or 10'],
    ['aspect 4:3', textToVideo({ aspect_ratio: '4:3' }), 'input.aspect_ratio must be one of'],
    ['seed -1', textToVideo({ seed: -1 }), 'input.seed must be an integer between 0 and 2147483647'],
    ['seed too big', textToVideo({ seed: 2_147_483_648 }), 'input.seed must be an integer'],
    ['seed 1.5', textToVideo({ seed: 1.5 }), 'input.seed must be an integer'],
    ['expansion "yes"', textToVideo({ enable_prompt_expansion: 'yes' }), 'must be a boolean'],
    ['t2v with image', textToVideo({ image_urls: ['https://e.com/a.png'] }), 'not allowed for text-to-video'],
    [
      'i2v without image',
      imageToVideo({ image_urls: undefined }),
      'Missing required field: input.image_urls',
    ],
    [
      'i2v two images',
      imageToVideo({ image_urls: ['https://e.com/a.png', 'https://e.com/b.png'] }),
      'exactly 1 URL',
    ],
    ['i2v ftp image', imageToVideo({ image_urls: ['ftp://e.com/a.png'] }), 'must be an http(s) URL'],
    ['i2v with aspect', imageToVideo({ aspect_ratio: '16:9' }), 'not supported for image-to-video'],
    ['bad request_type', { ...textToVideo(), request_type: 'sync' }, 'request_type must be one of'],
    [
      'bad provider',
      { ...textToVideo(), provider: 'cheap' },
      'provider must be one of: auto, value, official',
    ],
    [
      'callback without url',
      { ...textToVideo(), request_type: 'callback' },
      'Missing required field: callback_url',
    ],
    [
      'callback over public http',
      { ...textToVideo(), request_type: 'callback', callback_url: 'http://example.com/cb' },
      'callback_url must be a publicly accessible HTTPS URL',
    ],
    ['array body', [1, 2], 'Request body must be a JSON object'],
  ];

  it.each(invalid)('rejects %s with 400 and a specific message', async (_name, body, message) => {
    const s = await start();
    const answer = await submit(s, body);
    expect(answer.status).toBe(400);
    expect(answer.json).toMatchObject({ code: 400, message: 'Invalid request' });
    expect(String(dataOf(answer).error)).toContain(message);
    expect(s.tasks()).toHaveLength(0);
    expect(s.stats.submitsRejected).toBe(1);
  });

  it('allows an http callback_url on loopback (for tests) and https anywhere', async () => {
    const s = await start();
    await submitOk(s, { ...textToVideo(), request_type: 'callback', callback_url: 'http://127.0.0.1:9/cb' });
    await submitOk(s, {
      ...textToVideo(),
      request_type: 'callback',
      callback_url: 'https://hooks.example.com/cb',
    });
    expect(s.tasks().map((task) => task.callbackUrl)).toEqual([
      'http://127.0.0.1:9/cb',
      'https://hooks.example.com/cb',
    ]);
  });

  it('rejects unparseable JSON and a non-JSON content type', async () => {
    const s = await start();
    const broken = await submit(s, '{"input": {');
    expect(broken.status).toBe(400);
    expect(dataOf(broken).error).toBe('Request body is not valid JSON');
    const form = await request(`${s.url}/api/v1/generateTask/wan-2-5`, {
      method: 'POST',
      headers: { authorization: `Bearer ${KEY}`, 'content-type': 'text/plain' },
      body: JSON.stringify(textToVideo()),
    });
    expect(form.statusCode).toBe(400);
    expect(await form.body.json()).toMatchObject({
      data: { error: 'Content-Type must be application/json' },
    });
  });

  it('answers 404 for an unknown model and 405 for a wrong method', async () => {
    const s = await start();
    const other = await request(`${s.url}/api/v1/generateTask/sora-2`, {
      method: 'POST',
      headers: { authorization: `Bearer ${KEY}`, 'content-type': 'application/json' },
      body: JSON.stringify(textToVideo()),
    });
    expect(other.statusCode).toBe(404);
    expect(await other.body.json()).toEqual({ code: 404, message: 'Model not found', data: null });
    const wrongMethod = await request(`${s.url}/api/v1/generateTask/wan-2-5`, {
      headers: { authorization: `Bearer ${KEY}` },
    });
    expect(wrongMethod.statusCode).toBe(405);
    expect(wrongMethod.headers.allow).toBe('POST');
    await wrongMethod.body.dump();
  });
});

describe('authentication', () => {
  it('answers 401 with the documented body when the key is missing or unknown', async () => {
    const s = await start({ apiKeys: ['good-key'] });
    const expected = { code: 401, message: 'Invalid or missing API key', data: null };
    const missing = await submit(s, textToVideo(), null);
    const unknown = await submit(s, textToVideo(), 'bad-key');
    expect([missing.status, unknown.status]).toEqual([401, 401]);
    expect(missing.json).toEqual(expected);
    expect(unknown.json).toEqual(expected);
    expect((await balance(s, 'bad-key')).status).toBe(401);
    expect((await submit(s, textToVideo(), 'good-key')).status).toBe(200);
    expect(s.tasks()).toHaveLength(1);
  });

  it("accepts any non-empty key by default, and one key cannot see another's tasks", async () => {
    const s = await start();
    const taskId = await submitOk(s, textToVideo(), 'alice');
    const own = await request(`${s.url}/api/v1/statusTask/wan-2-5?taskId=${taskId}`, {
      headers: { authorization: 'Bearer alice' },
    });
    const foreign = await request(`${s.url}/api/v1/statusTask/wan-2-5?taskId=${taskId}`, {
      headers: { authorization: 'Bearer bob' },
    });
    expect(own.statusCode).toBe(200);
    expect(foreign.statusCode).toBe(404);
    await own.body.dump();
    await foreign.body.dump();
  });
});

describe('balance and credits', () => {
  it('draws the documented price per submit and reports it on the balance endpoint', async () => {
    const s = await start({ balanceUsd: 10 });
    await submitOk(s, textToVideo({ resolution: '720p', duration: 5 }));
    await submitOk(s, textToVideo({ resolution: '1080p', duration: 10 }));
    const answer = await balance(s);
    // 10 − 0.40 − 1.30
    expect(answer.json).toEqual({ code: 200, message: 'success', data: 8.3 });
    expect(s.balance()).toBe(8.3);
    expect(s.tasks().map((task) => task.costUsd)).toEqual([0.4, 1.3]);
    expect(s.stats.balanceQueries).toBe(1);
  });

  it("style '400': HTTP 400 Insufficient credits, nothing created", async () => {
    const s = await start({ balanceUsd: 0.5 });
    await submitOk(s);
    const answer = await submit(s, textToVideo());
    expect(answer.status).toBe(400);
    expect(answer.json).toEqual({ code: 400, message: 'Insufficient credits', data: null });
    expect(s.tasks()).toHaveLength(1);
    expect(s.balance()).toBeCloseTo(0.1, 10);
  });

  it("style '402': HTTP 402 Insufficient balance, nothing created", async () => {
    const s = await start({ balanceUsd: 0.2, insufficientCredits: '402' });
    const answer = await submit(s, textToVideo());
    expect(answer.status).toBe(402);
    expect(answer.json).toEqual({ code: 402, message: 'Insufficient balance', data: null });
    expect(s.tasks()).toHaveLength(0);
  });

  it("style 'failCode': the task is created free, then fails INSUFFICIENT_CREDITS", async () => {
    const clock = new FakeClock();
    const s = await start({ clock, balanceUsd: 0.2, insufficientCredits: 'failCode' });
    const taskId = await submitOk(s);
    expect(s.balance()).toBe(0.2);
    await clock.advance(10 * 60_000);
    const [task] = s.tasks();
    expect(task).toMatchObject({ taskId, state: 'failed', failCode: 'INSUFFICIENT_CREDITS', costUsd: 0 });
  });

  it('setBalance tops up so submits work again', async () => {
    const s = await start({ balanceUsd: 0 });
    expect((await submit(s, textToVideo())).status).toBe(400);
    s.setBalance(1);
    expect((await submit(s, textToVideo())).status).toBe(200);
    expect(s.balance()).toBe(0.6);
  });

  it('counts identical bodies so a test can spot a duplicated paid submit', async () => {
    const s = await start();
    const body = textToVideo({ prompt: 'same thing twice' });
    await submitOk(s, body);
    // Key order does not make a body different.
    await submitOk(s, { input: { ...(body.input as object) }, provider: 'auto', request_type: 'async' });
    await submitOk(s, textToVideo({ prompt: 'something else' }));
    const counts = s.tasks().map((task) => [task.prompt, task.submitCount]);
    expect(counts).toEqual([
      ['same thing twice', 2],
      ['same thing twice', 2],
      ['something else', 1],
    ]);
  });
});
