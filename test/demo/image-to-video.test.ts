// Image-to-video: the simulator really fetches image_urls[0] when the task starts and judges the
// bytes (JPEG/PNG/WebP by magic number, ≤ 10 MB). Images come from a local HTTP server.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type Simulator, startSimulator } from '../../main/demo/simulator';
import { FakeClock } from '../helpers/fake-clock';
import { dataOf, type LocalServer, resultUrlOf, startLocalServer, status, submitOk, until } from './sim-http';

const IMAGES = join(import.meta.dirname, '../fixtures/images');
const ELEVEN_MB = 11 * 1024 * 1024;

let sim: Simulator;
let clock: FakeClock;
let images: LocalServer;
let files: Record<string, Buffer>;

beforeEach(async () => {
  files = {
    '/ref.png': await readFile(join(IMAGES, 'still-80x64.png')),
    '/ref.jpg': await readFile(join(IMAGES, 'photo-80x64.jpg')),
    '/ref.webp': await readFile(join(IMAGES, 'lossy-90x70.webp')),
    '/anim.gif': await readFile(join(IMAGES, 'still-72x66.gif')),
    '/page.html': Buffer.from('<html>not an image</html>'),
  };
  images = await startLocalServer((req, res) => {
    const path = req.url ?? '';
    if (path === '/huge.png' || path === '/huge-chunked.png') {
      // A PNG signature followed by 11 MB: right format, wrong size.
      const body = Buffer.alloc(ELEVEN_MB);
      body.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
      if (path === '/huge.png') res.setHeader('content-length', body.length);
      res.end(body);
      return;
    }
    const file = files[path];
    if (!file) {
      res.statusCode = 404;
      res.end('no');
      return;
    }
    res.setHeader('content-type', 'image/png');
    res.end(file);
  });
  clock = new FakeClock();
  sim = await startSimulator({ clock });
});

afterEach(async () => {
  await sim.close();
  await images.close();
});

const i2v = (imageUrl: string) => ({
  request_type: 'async',
  input: {
    mode: 'image-to-video',
    prompt: 'bring it to life',
    resolution: '720p',
    duration: 5,
    image_urls: [imageUrl],
  },
});

/** Runs a task up to its planned end and waits (real time) for the image fetch to settle. */
async function runToEnd(taskId: string) {
  const task = sim.tasks().find((t) => t.taskId === taskId);
  await clock.advanceTo(task?.pendingUntil ?? 0);
  await until(() => {
    const state = sim.tasks().find((t) => t.taskId === taskId)?.imageCheck;
    return state === 'ok' || state === 'failed';
  });
  await clock.advanceTo(task?.completeAt ?? 0);
  return status(sim, taskId);
}

describe('image-to-video', () => {
  it.each(['/ref.png', '/ref.jpg', '/ref.webp'])(
    'succeeds with %s, fetched once when the task starts',
    async (path) => {
      const taskId = await submitOk(sim, i2v(`${images.url}${path}`));
      // Accepted without fetching: the fetch happens when the task runs.
      expect(images.requests).toHaveLength(0);
      expect(sim.stats.imageFetches).toBe(0);
      const answer = await runToEnd(taskId);
      expect(dataOf(answer).state).toBe('success');
      expect(resultUrlOf(answer)).toMatch(/\.mp4$/);
      expect(images.requests.map((r) => r.path)).toEqual([path]);
      expect(sim.stats.imageFetches).toBe(1);
      expect(sim.tasks()[0]?.imageCheckDetail).toMatch(/^(png|jpeg|webp), \d+ bytes$/);
    },
  );

  it.each([
    ['a missing file (404)', '/missing.png', /HTTP 404/],
    ['an HTML page', '/page.html', /not an image/],
    ['a GIF', '/anim.gif', /not an image \(gif\)/],
    ['a PNG over 10 MB (Content-Length)', '/huge.png', /too large/],
    ['a PNG over 10 MB (chunked)', '/huge-chunked.png', /too large/],
  ])('fails INVALID_IMAGE_URL for %s', async (_name, path, detail) => {
    const taskId = await submitOk(sim, i2v(`${images.url}${path}`));
    const answer = await runToEnd(taskId);
    expect(dataOf(answer)).toMatchObject({
      taskId,
      state: 'failed',
      failCode: 'INVALID_IMAGE_URL',
      failMsg: 'Cannot access provided image URL',
    });
    expect(sim.tasks()[0]?.imageCheckDetail).toMatch(detail);
  });

  it('fails INVALID_IMAGE_URL when nothing listens at the URL', async () => {
    const closed = await startLocalServer(() => {});
    const url = `${closed.url}/ref.png`;
    await closed.close();
    const taskId = await submitOk(sim, i2v(url));
    const answer = await runToEnd(taskId);
    expect(dataOf(answer).failCode).toBe('INVALID_IMAGE_URL');
    expect(sim.tasks()[0]?.imageCheckDetail).toMatch(/fetch failed/);
  });

  it('stays processing past the planned end while the image fetch is still running', async () => {
    let release: () => void = () => {};
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    const slowImages = await startLocalServer((_req, res) => {
      void gate.then(() => res.end(files['/ref.png']));
    });
    try {
      const taskId = await submitOk(sim, i2v(`${slowImages.url}/ref.png`));
      const task = sim.tasks()[0];
      await clock.advanceTo(task?.pendingUntil ?? 0);
      await until(() => slowImages.requests.length === 1);
      await clock.advanceTo((task?.completeAt ?? 0) + 5000);
      expect(dataOf(await status(sim, taskId)).state).toBe('processing');
      release();
      await until(() => sim.tasks()[0]?.imageCheck === 'ok');
      const done = dataOf(await status(sim, taskId));
      expect(done.state).toBe('success');
      // It finished when the image arrived, not at the planned time.
      expect(done.completeTime).toBe(clock.now());
    } finally {
      release();
      await slowImages.close();
    }
  });
});
